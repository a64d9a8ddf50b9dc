package io.fcn.persistence.testkit;

import java.util.Set;

import org.jooq.Table;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.internal.guard.TsqlGuardListener;

/** One test class's database, migrated, with the entry point over it; closing it drops the database. */
final class KitDatabase {

    private final TestEngine engine;
    private final Database database;
    private final FcnPersistence persistence;
    private final FcnTestClock clock;
    /** The library's tables that exist at the migrated version; null when all of them do (the latest). */
    private final Set<String> presentTables;

    private KitDatabase(TestEngine engine, Database database, FcnPersistence persistence, FcnTestClock clock,
            Set<String> presentTables) {
        this.engine = engine;
        this.database = database;
        this.persistence = persistence;
        this.clock = clock;
        this.presentTables = presentTables;
    }

    /** Opens a database on {@code engine} and migrates it to {@code version} (blank: the latest). */
    static KitDatabase open(TestEngine engine, String version) {
        Database database = engine.open();
        try {
            Set<String> present = null;
            if (version.isBlank()) {
                FcnMigrations.migrate(database.dataSource());
            } else {
                FcnMigrations.migrate(database.dataSource(), version);
                present = Set.copyOf(SchemaReader.live(database.dataSource()).read().tableNames());
            }
            FcnTestClock clock = new FcnTestClock();
            FcnPersistence persistence = FcnPersistence.builder(database.dataSource())
                    .clock(clock)
                    .executeListener(new TsqlGuardListener())
                    .build();
            return new KitDatabase(engine, database, persistence, clock, present);
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /** The version as given, checked against the migrations this jar carries. */
    static String checkedVersion(String version) {
        String wanted = version.trim();
        if (wanted.isEmpty() || MigrationScripts.migrations().stream().anyMatch(s -> s.version().equals(wanted))) {
            return wanted;
        }
        throw new IllegalArgumentException("@FcnDatabaseTest(version = \"" + version + "\") is not a migration of"
                + " this jar; known: " + MigrationScripts.migrations().stream().map(MigrationScripts.Script::version)
                        .toList());
    }

    /** Empties every table (reverse foreign-key order) and resets the clock: the state each test starts from. */
    void reset() {
        clock.reset();
        DatabaseCleaner.deleteAll(persistence.dsl(), this::present);
    }

    private boolean present(Table<?> table) {
        return presentTables == null || presentTables.contains(table.getName());
    }

    TestEngine engine() {
        return engine;
    }

    Database database() {
        return database;
    }

    FcnPersistence persistence() {
        return persistence;
    }

    FcnTestClock clock() {
        return clock;
    }

    void close() {
        database.close();
    }
}
