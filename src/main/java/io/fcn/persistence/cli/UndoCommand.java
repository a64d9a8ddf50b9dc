package io.fcn.persistence.cli;

import java.time.Duration;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.migration.MigrationOperations;
import io.fcn.persistence.migration.UndoTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "undo", sortOptions = false,
        customSynopsis = "fcn-db undo (--steps N | --target V | --to-base) [--lock-timeout T] [global options]",
        description = {"Run rollback scripts, latest first (--target V keeps V applied).",
            "Refused when the schema has drifted or a step is irreversible."})
final class UndoCommand extends DatabaseCommand {

    @Mixin
    UndoOptions undo;

    @Option(names = "--lock-timeout", paramLabel = "T", converter = LockTimeout.class, defaultValue = "10s",
            description = "longest wait for a lock per statement (SET LOCK_TIMEOUT): 10s, 500ms, 2m; default 10s")
    Duration lockTimeout;

    private UndoTarget target;

    UndoCommand(Session session) {
        super(session);
    }

    @Override
    void checkArguments() {
        target = undo.undoTarget("undo");
    }

    @Override
    ExitCode run(Database db, MigrationOperations ops) {
        long start = System.nanoTime();
        return Steps.print(session, "undo", "Undid", "undone", ops.withLockTimeout(lockTimeout).undo(target), ops, start);
    }
}
