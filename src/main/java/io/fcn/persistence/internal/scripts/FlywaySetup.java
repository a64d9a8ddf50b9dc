package io.fcn.persistence.internal.scripts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

import io.fcn.persistence.internal.engine.DriverText;
import io.fcn.persistence.exceptions.MigrationException;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.exceptions.TransientDatabaseException;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.internal.engine.LibrarySchema;
import io.fcn.persistence.internal.engine.H2Functions;

/** Flyway configured for the library's scripts (behind {@code FcnMigrations}); H2 prepared and translated. */
public final class FlywaySetup {

    public static final String HISTORY_TABLE = LibrarySchema.HISTORY_TABLE;
    public static final String SCHEMA = LibrarySchema.SCHEMA;

    /** The logger of the one line each migrate shows at INFO. */
    public static final String SUMMARY_LOGGER = "io.fcn.persistence.migration";

    private static final System.Logger SUMMARY = System.getLogger(SUMMARY_LOGGER);

    /**
     * Flyway's output goes to {@link FlywayLogging}, named by class because that is how Flyway takes a logger. Null
     * (Flyway's own choice) where Flyway's class loader cannot see that class, e.g. Flyway in a parent loader.
     */
    private static final String[] LOGGERS = libraryLoggers();

    private FlywaySetup() {
    }

    private static String[] libraryLoggers() {
        try {
            Class<?> seen = Class.forName(FlywayLogging.class.getName(), false, LogFactory.class.getClassLoader());
            return seen == FlywayLogging.class ? new String[] {FlywayLogging.class.getName()} : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Migrates and logs one line at INFO with what was applied, on which engine (Flyway's own lines are DEBUG). */
    public static MigrateResult migrate(Flyway flyway) {
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            throw lockTimeout(e, flyway).map(RuntimeException.class::cast).orElse(e);
        }
        SUMMARY.log(System.Logger.Level.INFO, summary(result));
        return result;
    }

    /**
     * A {@link MigrationException} naming the lock timeout when {@code e} is one (SQL Server error 1222, H2 50200):
     * the migration waited for a lock another transaction holds, longer than the timeout it runs with.
     */
    public static Optional<MigrationException> lockTimeout(FlywayException e, Flyway flyway) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SQL Server 1222, H2 50200, Babelfish its generic number with PostgreSQL's text: SqlErrors knows them.
            if (t instanceof SQLException sql && SqlErrors.transientReason(sql) == TransientDatabaseException.Reason.LOCK_TIMEOUT) {
                String millis = "";
                if (flyway != null && flyway.getConfiguration().getDataSource() instanceof MigrationDataSource m) {
                    millis = " of " + m.settings().lockTimeoutMillis() + " ms";
                }
                String after = sql.getErrorCode() != 50200
                        ? "The failed migration was rolled back; run migrate again once that transaction has ended"
                        : "H2 commits DDL at once: the migration is recorded as failed; run repair, then migrate "
                                + "again once that transaction has ended";
                return Optional.of(new MigrationException("migrate failed: lock timeout" + millis + " exceeded: "
                        + "another transaction holds a lock on a table the migration changes ("
                        + firstLine(DriverText.reason(sql)) + "). " + after + " (or with a longer lock timeout). "
                        + firstLine(DriverText.reason(e)), DriverText.masked(e)));
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }

    static String summary(MigrateResult result) {
        String engine = result.databaseType != null && result.databaseType.toUpperCase(Locale.ROOT).contains("H2")
                ? "H2 (embedded)" : Objects.requireNonNullElse(result.databaseType, "the database");
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion;
        int applied = result.migrationsExecuted;
        return applied == 0
                ? "fcn-persistence: no migration to apply on " + engine + ", at version " + version
                : "fcn-persistence: applied " + applied + (applied == 1 ? " migration" : " migrations") + " to "
                        + engine + ", now at version " + version;
    }

    /** A Flyway configuration for {@code dataSource}, ready to adjust (target, baseline …) and load. */
    public static FluentConfiguration configure(DataSource dataSource) {
        return configure(dataSource, ScriptSet.classpath(), true);
    }

    /**
     * Flyway over {@code scripts}; {@code prepare} creates what H2 needs before migrating (a read-only operation
     * such as {@code sql} passes false, so it changes nothing).
     */
    public static FluentConfiguration configure(DataSource dataSource, ScriptSet scripts, boolean prepare) {
        return configure(dataSource, scripts, prepare, MigrationSettings.DEFAULTS);
    }

    /**
     * The same, migrating with {@code settings}: Flyway reads and checksums the scripts as written, and runs them
     * through a {@link MigrationDataSource} (the lock timeout, the marked statements in the engine's form).
     */
    public static FluentConfiguration configure(DataSource dataSource, ScriptSet scripts, boolean prepare,
            MigrationSettings settings) {
        EngineFamily family = EngineFamily.of(dataSource);
        if (family == EngineFamily.H2 && prepare) {
            prepareEmbedded(dataSource);
        }
        FluentConfiguration configuration = Flyway.configure(FlywaySetup.class.getClassLoader());
        if (LOGGERS != null) {
            configuration.loggers(LOGGERS);
        }
        return configuration
                .dataSource(dataSource instanceof MigrationDataSource ? dataSource
                        : new MigrationDataSource(dataSource, settings))
                .table(HISTORY_TABLE)
                .defaultSchema(SCHEMA)
                .schemas(SCHEMA)
                .createSchemas(false)
                .resourceProvider(new ScriptProvider(scripts, family))
                .cleanDisabled(true);
    }

    /**
     * H2 needs the schema and SQL Server's functions that the migrations use before Flyway runs them. Created only
     * when absent: H2 wants admin rights even for {@code IF NOT EXISTS}, and a read-only login must still be able
     * to run {@code info} or a drift check on a prepared database.
     */
    private static void prepareEmbedded(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!exists(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = '" + SCHEMA + "'")) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            }
            if (!exists(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = '" + SCHEMA
                    + "' AND ROUTINE_NAME = 'sysdatetimeoffset'")) {
                s.execute("CREATE ALIAS IF NOT EXISTS " + SCHEMA + ".sysdatetimeoffset FOR '"
                        + H2Functions.class.getName() + ".sysdatetimeoffset'");
            }
        } catch (SQLException e) {
            throw DriverText.dataAccess("Cannot prepare the embedded database", e);
        }
    }

    private static boolean exists(Statement s, String countQuery) throws SQLException {
        try (ResultSet rs = s.executeQuery(countQuery)) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** A script's text as {@code family} runs it: unchanged on SQL Server, translated on H2. */
    public static String engineText(String tsql, EngineFamily family) {
        return family == EngineFamily.H2 ? EmbeddedTranslation.toH2(tsql) : tsql;
    }

    /** Serves the migrations from {@link MigrationScripts}, translated for H2 where needed. */
    private static final class ScriptProvider implements ResourceProvider {
        private final Map<String, LoadableResource> byName;

        ScriptProvider(ScriptSet scripts, EngineFamily family) {
            this.byName = scripts.migrations().stream()
                    .collect(Collectors.toMap(MigrationScripts.Script::filename,
                            s -> new ScriptResource(s.filename(), engineText(s.text(), family))));
        }

        @Override
        public LoadableResource getResource(String name) {
            return byName.get(name);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<String> endings = Arrays.asList(suffixes);
            return byName.values().stream()
                    .filter(r -> r.getFilename().startsWith(prefix))
                    .filter(r -> endings.stream().anyMatch(r.getFilename()::endsWith))
                    .toList();
        }
    }
}
