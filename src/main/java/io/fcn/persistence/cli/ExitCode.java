package io.fcn.persistence.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of {@code fcn-db}: {@code fcn-db --help} lists them from here, docs/cli.md the same (a test holds it). */
enum ExitCode {
    OK(0, "ok; check: up to date and no schema drift; diff: whether or not the sides differ; "
            + "new --autogenerate: no changes (no files), or a proved draft written (printed with --dry-run), "
            + "whatever its lint found"),
    FAILURE(1, "failure or refusal: connection, SQL error, unknown version, validate found a mismatch, "
            + "migrate or undo refused, lint found an error that is not allowed, diff --exit-code: the sides differ "
            + "(with --sql: the script has a statement), new --autogenerate: the development database is not at "
            + "the latest version, a rename hint names no object, or the draft fails its proof (nothing written)"),
    USAGE(2, "bad usage: one line saying what, then where the command's help is; also a version that is not one, "
            + "an empty --url or DATABASE_URL, an H2 setting or class-loading URL property that is refused"),
    PENDING(3, "check: migrations are pending"),
    DRIFT(4, "check: the schema has drifted from the one the migrations define (at its version, or --version V)"),
    FAILED(5, "check: a migration is recorded as failed (never the current version); check names what it left, "
            + "and on the embedded engine migrate completes it from where it stopped");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    String meaning() {
        return meaning;
    }

    /** For picocli's exit-code list: code → meaning, in order. */
    static Map<String, String> table() {
        Map<String, String> table = new LinkedHashMap<>();
        for (ExitCode c : values()) {
            table.put(String.valueOf(c.code), c.meaning);
        }
        return table;
    }
}
