package io.fcn.persistence.cli;

import java.time.Duration;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.migration.MigrationOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migrate", sortOptions = false,
        customSynopsis = "fcn-db migrate [--target V] [--lock-timeout T] [global options]",
        description = {"Apply the pending migrations (with --target V: up to and including V).",
            "One line per applied migration with its time, then a summary."})
final class MigrateCommand extends DatabaseCommand {

    @Option(names = "--target", paramLabel = "V", description = "stop after version V (applied too)")
    String target;

    @Option(names = "--lock-timeout", paramLabel = "T", converter = LockTimeout.class, defaultValue = "10s",
            description = "longest wait for a lock per statement (SET LOCK_TIMEOUT): 10s, 500ms, 2m; default 10s")
    Duration lockTimeout;

    MigrateCommand(Session session) {
        super(session);
    }

    @Override
    void checkArguments() {
        UndoOptions.requireVersion(target);
    }

    @Override
    ExitCode run(Database db, MigrationOperations ops) {
        long start = System.nanoTime();
        return Steps.print(session, "migrate", "Applied", "applied", ops.withLockTimeout(lockTimeout).migrate(target), ops,
                start);
    }
}
