package io.fcn.persistence.cli;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.migration.MigrationOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "purge-idempotency", sortOptions = false,
        customSynopsis = "fcn-db purge-idempotency [--batch N] [global options]",
        description = {"Delete expired idempotency keys, N per statement.", "Takes no --dir or --rollback-dir."})
final class PurgeIdempotencyCommand extends DatabaseCommand {

    static final int DEFAULT_BATCH = 1000;

    @Option(names = "--batch", paramLabel = "N", converter = PositiveInt.class,
            description = "keys per DELETE statement (default " + DEFAULT_BATCH + ")")
    int batch = DEFAULT_BATCH;

    PurgeIdempotencyCommand(Session session) {
        super(session);
    }

    @Override
    void checkArguments() {
        session.refuseProjectDirectories("purge-idempotency");
    }

    @Override
    ExitCode run(Database db, MigrationOperations ops) {
        long start = System.nanoTime();
        int purged = ops.purgeIdempotency(batch);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (session.json()) {
            session.print(Session.result("purge-idempotency").put("purged", purged).put("millis", millis));
        } else {
            session.out.println("Purged " + purged + " expired idempotency key" + (purged == 1 ? "" : "s") + " ("
                    + millis + " ms)");
        }
        return ExitCode.OK;
    }
}
