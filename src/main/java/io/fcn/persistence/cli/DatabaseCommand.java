package io.fcn.persistence.cli;

import java.util.concurrent.Callable;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.migration.MigrationOperations;
import picocli.CommandLine.Mixin;

/** A command that works on the database: its arguments are checked before anything connects. */
abstract class DatabaseCommand implements Callable<Integer> {

    final Session session;

    @Mixin
    HelpOption help;

    DatabaseCommand(Session session) {
        this.session = session;
    }

    /** Throws {@link UsageException} for arguments picocli cannot judge alone. */
    void checkArguments() {
    }

    abstract ExitCode run(Database db, MigrationOperations ops);

    @Override
    public final Integer call() {
        checkArguments();
        if (session.global.dir != null) {
            session.rollbackDir(null); // bad usage before connecting
        }
        try (Database db = session.open()) {
            return run(db, session.operations(db)).code();
        }
    }

    static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
