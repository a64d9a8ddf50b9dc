package io.fcn.persistence.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import io.fcn.persistence.authoring.Autogenerate;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.format.Json;
import io.fcn.persistence.internal.scripts.MigrationScripts.Script;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.lint.LintFinding;
import io.fcn.persistence.lint.LintReport;
import io.fcn.persistence.lint.MigrationLint;
import io.fcn.persistence.migration.NewMigration;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Two empty files, or with {@code --autogenerate} a migration and its rollback drafted from a development database
 * ({@link Autogenerate}, proved before it is written), then linted.
 */
@Command(name = "new", sortOptions = false,
        customSynopsis = {"fcn-db new \"<description>\" [--dir D] [--rollback-dir R] [global options]",
            "fcn-db new \"<description>\" --autogenerate [--url DEV] [--rename T.OLD=NEW]... [--dry-run] [--dir D]"
                    + " [--rollback-dir R] [global options]"},
        description = {"Create the next migration and its rollback.",
            "In D (default db/migration): V<yyyymmdd>_<nnnn>__<slug>.sql, nnnn continuing the",
            "global sequence; in R: U<yyyymmdd>_<nnnn>__<slug>.sql. R is --rollback-dir, else D's sibling",
            "rollback when D is named migration (db/migration -> db/rollback); any other D needs --rollback-dir.",
            "--autogenerate: draft both from what the development database (--url, else",
            "DATABASE_URL, else the embedded database) has and the latest migration (the",
            "jar's plus D's) has not; the database must be at that version. The draft is",
            "proved on a fresh embedded database before it is written, then linted: its",
            "findings are printed for review and do not change the exit code. No changes:",
            "exit 0, no files."})
final class NewCommand implements Callable<Integer> {

    /** {@code table.old=new} or {@code old=new}: identifiers, optionally in brackets or quotes. */
    private static final Pattern HINT = Pattern.compile("[\\w\\[\\]\"]+(\\.[\\w\\[\\]\"]+)?=[\\w\\[\\]\"]+");

    private final Session session;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "<description>", description = "what the migration does, e.g. \"add trade notes\"")
    String description;

    @Option(names = "--autogenerate",
            description = "draft the migration and its rollback from the development database")
    boolean autogenerate;

    @Option(names = "--rename", paramLabel = "T.OLD=NEW",
            description = "with --autogenerate: T.OLD (a column or index of table T) or OLD (a table) was renamed "
                    + "NEW; rendered as sp_rename instead of drop + add (repeatable)")
    List<String> renames = new ArrayList<>();

    @Option(names = "--dry-run", description = "with --autogenerate: print both files instead of writing them")
    boolean dryRun;

    NewCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (description.isBlank()) {
            throw new UsageException("new needs one \"<description>\"");
        }
        if (!autogenerate && (dryRun || !renames.isEmpty())) {
            throw new UsageException((dryRun ? "--dry-run" : "--rename") + " goes with --autogenerate");
        }
        Path dir = session.migrationDir("db/migration");
        Path rollbacks = session.rollbackDir("db/migration");
        if (autogenerate) {
            return autogenerate(dir, rollbacks);
        }
        NewMigration.Created created;
        try {
            created = NewMigration.create(dir, rollbacks, description,
                    LocalDate.now(session.clock));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (session.json()) {
            session.print(Session.result("new").put("version", created.version())
                    .put("migration", created.migration().toString()).put("rollback", created.rollback().toString()));
        } else {
            session.out.println("Created " + created.migration());
            session.out.println("Created " + created.rollback());
        }
        return ExitCode.OK.code();
    }

    private int autogenerate(Path dir, Path rollbacks) {
        for (String hint : renames) {
            if (!HINT.matcher(hint.strip()).matches()) {
                throw new UsageException("--rename " + hint + ": expected TABLE.OLD=NEW (a column or index) or "
                        + "OLD=NEW (a table)");
            }
        }
        if (description.replaceAll("[^A-Za-z0-9]", "").isEmpty()) {
            throw new UsageException("A migration needs a description with letters or digits");
        }
        Autogenerate.Result r;
        try (Database db = session.open()) {
            Autogenerate draft = Autogenerate.from(db.dataSource()).withProjectDirectories(dir, rollbacks)
                    .date(LocalDate.now(session.clock)).dryRun(dryRun);
            renames.forEach(h -> draft.rename(h.strip()));
            r = draft.run(description);
        }
        if (r.outcome() == Autogenerate.Outcome.PROOF_FAILED) {
            // Flyway's messages span lines; a problem is one line.
            throw new IllegalStateException("the draft " + r.migrationFilename() + " fails its proof, so nothing "
                    + "was written: " + r.proof().failure().orElse("").strip().replaceAll("\\s*\\R\\s*", " "));
        }
        if (r.outcome() == Autogenerate.Outcome.NO_CHANGES) {
            if (session.json()) {
                session.print(Session.result("new").put("outcome", r.outcome().name())
                        .put("baseVersion", r.baseVersion()));
            } else {
                session.out.println("No changes: the development database matches version " + r.baseVersion()
                        + "; nothing written");
            }
            return ExitCode.OK.code();
        }
        Path migration = dir.resolve(r.migrationFilename());
        String rollbackName = "U" + r.migrationFilename().substring(1);
        Path rollback = rollbacks.resolve(rollbackName);
        List<LintFinding> findings = lint(dir, rollbacks, r, rollbackName);
        if (session.json()) {
            ObjectNode o = Session.result("new").put("outcome", r.outcome().name())
                    .put("baseVersion", r.baseVersion()).put("version", r.version())
                    .put("written", r.outcome() == Autogenerate.Outcome.WRITTEN)
                    .put("migration", migration.toString())
                    .put("rollback", r.rollback().isPresent() ? rollback.toString() : null)
                    .put("migrationText", r.migration())
                    .put("rollbackText", r.rollback().orElse(null));
            r.irreversible().forEach(o.putArray("irreversible")::add);
            r.reviews().forEach(o.putArray("reviews")::add);
            ArrayNode lint = o.putArray("lint");
            ArrayNode all = (ArrayNode) Json.read(new LintReport(findings).toJson()).get("findings");
            all.forEach(lint::add);
            session.print(o);
            return ExitCode.OK.code();
        }
        if (r.outcome() == Autogenerate.Outcome.DRY_RUN) {
            session.out.println("-- " + migration + " (dry run: not written)");
            session.out.print(r.migration());
            r.rollback().ifPresent(text -> {
                session.out.println();
                session.out.println("-- " + rollback + " (dry run: not written)");
                session.out.print(text);
            });
            session.out.println();
        } else {
            r.files().forEach(f -> session.out.println("Created " + f));
        }
        session.out.println("Proved on a fresh embedded database: on top of " + r.baseVersion()
                + " the draft gives the development database's schema"
                + (r.rollback().isPresent() ? ", and its rollback gives " + r.baseVersion() + " again" : ""));
        if (!r.irreversible().isEmpty()) {
            session.out.println("Irreversible, so no rollback: " + String.join("; ", r.irreversible()));
        }
        if (!r.reviews().isEmpty()) {
            session.out.println("Review " + DatabaseCommand.plural(r.reviews().size(), "-- REVIEW line")
                    + " in the draft before committing it");
        }
        findings.forEach(f -> LintCommand.print(session.out, f));
        long errors = findings.stream().filter(f -> f.severity() == LintFinding.Severity.ERROR).count();
        long failing = findings.stream().filter(LintFinding::failing).count();
        session.out.println("Lint of the draft: " + DatabaseCommand.plural(errors, "error") + " ("
                + (errors - failing) + " allowed), " + DatabaseCommand.plural(findings.size() - errors, "warning")
                + (failing > 0 ? "; fix or allow each error (with a reason) before committing: fcn-db lint fails "
                        + "on it" : ""));
        return ExitCode.OK.code();
    }

    /**
     * The draft's findings of lint over the jar, D and the draft (a dry run's draft is added to what D has; the
     * allow file beside D applies, as for {@code lint}).
     */
    private List<LintFinding> lint(Path dir, Path rollbacks, Autogenerate.Result r, String rollbackName) {
        ScriptSet scripts = ScriptSet.classpath().withDirectories(dir, rollbacks);
        if (r.outcome() == Autogenerate.Outcome.DRY_RUN) {
            List<Script> migrations = new ArrayList<>(scripts.migrations());
            migrations.add(new Script(r.migrationFilename(), r.version(), description, r.migration()));
            List<Script> undo = new ArrayList<>(scripts.rollbacks());
            r.rollback().ifPresent(text -> undo.add(new Script(rollbackName, r.version(), description, text)));
            scripts = new ScriptSet(migrations, undo);
        }
        MigrationLint lint = MigrationLint.of(scripts);
        Path allow = session.allowFile();
        if (allow != null && Files.exists(allow)) {
            lint = lint.withAllowFile(allow);
        }
        return lint.run().findings().stream()
                .filter(f -> f.file().equals(r.migrationFilename()) || f.file().equals(rollbackName)).toList();
    }
}
