package io.fcn.persistence.cli;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.migration.MigrationOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "baseline", sortOptions = false,
        customSynopsis = "fcn-db baseline --version V [global options]",
        description = {"Adopt an existing database at version V: later migrations apply on top of it.",
            "Takes no --dir or --rollback-dir."})
final class BaselineCommand extends DatabaseCommand {

    @Option(names = "--version", paramLabel = "V", required = true, description = "the version the database is at")
    String version;

    BaselineCommand(Session session) {
        super(session);
    }

    @Override
    void checkArguments() {
        UndoOptions.requireVersion(version);
        session.refuseProjectDirectories("baseline");
    }

    @Override
    ExitCode run(Database db, MigrationOperations ops) {
        ops.baseline(version);
        if (session.json()) {
            session.print(Session.result("baseline").put("version", version));
        } else {
            session.out.println("Baselined at " + version + ": later migrations apply on top of it");
        }
        return ExitCode.OK;
    }
}
