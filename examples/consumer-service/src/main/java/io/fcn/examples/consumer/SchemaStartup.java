package io.fcn.examples.consumer;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;

import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.migration.FcnMigrations;

/** What the service does with its database before it takes requests: migrate, then refuse to run on drift. */
public final class SchemaStartup {

    private SchemaStartup() {
    }

    /** Applies the library's pending migrations, then checks the schema; returns how many migrations ran. */
    public static int migrateAndCheck(DataSource dataSource) {
        MigrateResult result = FcnMigrations.migrate(dataSource);
        requireNoDrift(dataSource);
        return result.migrationsExecuted;
    }

    /**
     * Fails fast when the database does not match the library's latest version (a hand-made change, a pending or
     * edited migration), rather than failing later, mid-request.
     *
     * @throws io.fcn.persistence.drift.SchemaDriftException with the report, naming every difference
     */
    public static void requireNoDrift(DataSource dataSource) {
        DriftCheck.of(dataSource).againstLatest().assertClean();
    }
}
