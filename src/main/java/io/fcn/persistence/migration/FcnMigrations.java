package io.fcn.persistence.migration;

import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import io.fcn.persistence.internal.engine.LibrarySchema;
import io.fcn.persistence.internal.scripts.FlywaySetup;
import io.fcn.persistence.internal.scripts.MigrationSettings;
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

    /**
     * How long a migration statement waits for a lock ({@code SET LOCK_TIMEOUT}) before it fails, unless told
     * otherwise: a migration behind a long transaction fails instead of queueing the application behind its lock.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = MigrationSettings.DEFAULT_LOCK_TIMEOUT;

    private FcnMigrations() {
    }

    /**
     * A Flyway configuration for {@code dataSource}, ready to adjust (target, baseline …) and load. Its
     * connections run with {@link #DEFAULT_LOCK_TIMEOUT} and get their own timeout back when Flyway closes them.
     * @param dataSource the database
     * @return the configuration
     */
    public static FluentConfiguration configure(DataSource dataSource) {
        return configure(dataSource, DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * The same, with {@code lockTimeout} (0: fail at once on a lock another transaction holds).
     * @param dataSource the database
     * @param lockTimeout the longest wait for a lock, per statement
     * @return the configuration
     * @throws io.fcn.persistence.exceptions.MisuseException when the timeout is negative or over 2^31-1 ms
     */
    public static FluentConfiguration configure(DataSource dataSource, Duration lockTimeout) {
        return FlywaySetup.configure(dataSource, ScriptSet.classpath(), true,
                MigrationSettings.DEFAULTS.withLockTimeout(lockTimeout));
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
     * Applies every pending migration of this jar, with {@link #DEFAULT_LOCK_TIMEOUT}. On the embedded engine a
     * migration that failed or was killed after some of its statements (H2 commits DDL at once) is first completed
     * from where it stopped (docs/failure-modes.md). A lock timeout exceeded is a
     * {@link io.fcn.persistence.exceptions.MigrationException} naming it. Logs one line at INFO (logger
     * {@code io.fcn.persistence.migration}); Flyway's own lines are DEBUG on {@code io.fcn.persistence.flyway}.
     * @param dataSource the database
     * @return Flyway's result
     */
    public static MigrateResult migrate(DataSource dataSource) {
        PartialMigration.resume(dataSource, ScriptSet.classpath(), MigrationSettings.DEFAULTS, null, true);
        return FlywaySetup.migrate(flyway(dataSource));
    }

    /**
     * Applies every pending migration, each statement waiting at most {@code lockTimeout} for a lock.
     * @param dataSource the database
     * @param lockTimeout the longest wait for a lock, per statement
     * @return Flyway's result
     * @throws io.fcn.persistence.exceptions.MigrationException naming the lock timeout when one was exceeded
     */
    public static MigrateResult migrate(DataSource dataSource, Duration lockTimeout) {
        PartialMigration.resume(dataSource, ScriptSet.classpath(), MigrationSettings.DEFAULTS.withLockTimeout(
                lockTimeout), null, true);
        return FlywaySetup.migrate(configure(dataSource, lockTimeout).load());
    }

    /**
     * Applies pending migrations up to and including {@code targetVersion} (e.g. {@code 20251022.0001}).
     * @param dataSource the database to migrate
     * @param targetVersion the last migration to apply
     * @return Flyway's result
     */
    public static MigrateResult migrate(DataSource dataSource, String targetVersion) {
        PartialMigration.resume(dataSource, ScriptSet.classpath(), MigrationSettings.DEFAULTS, targetVersion, true);
        return FlywaySetup.migrate(configure(dataSource).target(targetVersion).load());
    }
}
