package io.fcn.persistence.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import io.fcn.persistence.migration.NewMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The one command that needs no database: it writes two files. */
@Command(name = "new", sortOptions = false,
        customSynopsis = "fcn-db new \"<description>\" [--dir D] [--rollback-dir R] [global options]",
        description = {"Create the next migration and its rollback.",
            "In D (default db/migration): V<yyyymmdd>_<nnnn>__<slug>.sql, nnnn continuing the",
            "global sequence; in R: U<yyyymmdd>_<nnnn>__<slug>.sql. R is --rollback-dir, else D's sibling",
            "rollback when D is named migration (db/migration -> db/rollback); any other D needs --rollback-dir."})
final class NewCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "<description>", description = "what the migration does, e.g. \"add trade notes\"")
    String description;

    NewCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (description.isBlank()) {
            throw new UsageException("new needs one \"<description>\"");
        }
        Path dir = session.migrationDir("db/migration");
        Path rollbacks = session.rollbackDir("db/migration");
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
}
