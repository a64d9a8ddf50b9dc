package io.fcn.persistence.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of {@code fcn-db}; {@code fcn-db --help} and docs/cli.md list them from here. */
enum ExitCode {
    OK(0, "done; check: up to date and no schema drift"),
    FAILURE(1, "the operation failed or was refused (connection, SQL error, unknown database state, "
            + "irreversible step)"),
    USAGE(2, "bad usage: one line saying what, and where the command's help is"),
    PENDING(3, "check: migrations are pending"),
    DRIFT(4, "check: the schema has drifted from the one the migrations define");

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
