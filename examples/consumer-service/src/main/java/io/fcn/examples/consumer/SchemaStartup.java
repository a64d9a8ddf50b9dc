package io.fcn.examples.consumer;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;

import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.drift.SchemaDiff;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.schema.SchemaReader;

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
     * Fails fast when the live schema differs from the one the library's classes expect (a hand-made change, a
     * missed migration), rather than failing later, mid-request.
     *
     * @throws IllegalStateException naming every difference
     */
    public static void requireNoDrift(DataSource dataSource) {
        DriftReport report = SchemaDiff.compare(SchemaReader.generated().read(), SchemaReader.live(dataSource).read());
        if (report.hasErrors()) {
            throw new IllegalStateException("The database schema has drifted; refusing to start:\n" + report.toText());
        }
    }
}
