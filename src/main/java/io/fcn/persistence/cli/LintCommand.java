package io.fcn.persistence.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import io.fcn.persistence.internal.format.Json;
import io.fcn.persistence.lint.LintFinding;
import io.fcn.persistence.lint.LintReport;
import io.fcn.persistence.lint.MigrationLint;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@link MigrationLint} over the jar's migrations plus {@code --dir}'s; needs no database. */
@Command(name = "lint", sortOptions = false,
        customSynopsis = "fcn-db lint [--dir D] [--rollback-dir R] [--json] [global options]",
        description = {"Lint the migrations (the jar's, plus D's) for lost data, locks and broken names.",
            "Each finding: code, severity, file:line, statement, rule, fix, allowed (docs/lint.md).",
            "Exit 1 when an error is not allowed; warnings never fail. Allows for D's released",
            "migrations: lint-allow.txt beside a D named migration. Needs no database."})
final class LintCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    HelpOption help;

    LintCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.requireProjectDirectories();
        MigrationLint lint = session.global.dir == null ? MigrationLint.classpath()
                : MigrationLint.withDirectories(session.migrationDir(null), session.rollbackDir(null),
                        session.allowFile());
        LintReport report = lint.run();
        ExitCode code = report.passed() ? ExitCode.OK : ExitCode.FAILURE;
        if (session.json()) {
            ObjectNode o = Session.result("lint");
            o.put("passed", report.passed());
            o.setAll((ObjectNode) Json.read(report.toJson()));
            session.print(o);
            return code.code();
        }
        report.findings().forEach(f -> print(session.out, f));
        long errors = report.findings().stream().filter(f -> f.severity() == LintFinding.Severity.ERROR).count();
        long allowed = errors - report.errors().size();
        long warnings = report.findings().size() - errors;
        session.out.println((report.passed() ? "Lint passed: " : "Lint failed: ")
                + DatabaseCommand.plural(errors, "error") + " (" + allowed + " allowed), "
                + DatabaseCommand.plural(warnings, "warning"));
        return code.code();
    }

    /** One finding: {@code file:line: code severity}, the statement, the rule, the fix ({@code new} prints these too). */
    static void print(PrintStream out, LintFinding f) {
        out.println(f.file() + ":" + f.line() + ": " + f.code() + " " + f.severity().label()
                + (f.allowed() ? " (allowed)" : ""));
        if (f.statement() != null) {
            f.statement().strip().lines().forEach(l -> out.println("    " + l));
        }
        out.println("  rule: " + f.rule());
        out.println("  fix:  " + f.fix());
    }
}
