package io.fcn.persistence.migration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import io.fcn.persistence.internal.engine.LibrarySchema;
import io.fcn.persistence.internal.scripts.FlywaySetup;
import io.fcn.persistence.internal.scripts.ScriptSet;

/**
 * Flyway, configured once for the library's migrations: their classpath folder, a history table of their own (so
 * they coexist with a service's own migrations), schema {@code dbo}, and on H2 the translation of the T-SQL files.
 */
public final class FcnMigrations {

    /** Flyway's history table for the library's migrations; a service's own Flyway keeps its default table. */
    public static final String HISTORY_TABLE = LibrarySchema.HISTORY_TABLE;
    /** The schema of the library's tables. */
    public static final String SCHEMA = LibrarySchema.SCHEMA;

    private FcnMigrations() {
    }

    /**
     * A Flyway configuration for {@code dataSource}, ready to adjust (target, baseline …) and load.
     * @param dataSource the database to migrate
     * @return the configuration: the library's locations, history table and schema
     */
    public static FluentConfiguration configure(DataSource dataSource) {
        return FlywaySetup.configure(dataSource, ScriptSet.classpath(), true);
    }

    /**
     * Flyway over the library's migrations on {@code dataSource}.
     * @param dataSource the database to migrate
     * @return the loaded Flyway
     */
    public static Flyway flyway(DataSource dataSource) {
        return configure(dataSource).load();
    }

    /**
     * Applies every pending migration of this jar. Logs one line at INFO (logger
     * {@code io.fcn.persistence.migration}); Flyway's own lines are DEBUG on {@code io.fcn.persistence.flyway}.
     * @param dataSource the database to migrate
     * @return Flyway's result
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return FlywaySetup.migrate(flyway(dataSource));
    }

    /**
     * Applies pending migrations up to and including {@code targetVersion} (e.g. {@code 20251022.0001}).
     * @param dataSource the database to migrate
     * @param targetVersion the last migration to apply
     * @return Flyway's result
     */
    public static MigrateResult migrate(DataSource dataSource, String targetVersion) {
        return FlywaySetup.migrate(configure(dataSource).target(targetVersion).load());
    }
}
