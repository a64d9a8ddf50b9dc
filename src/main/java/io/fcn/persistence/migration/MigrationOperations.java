package io.fcn.persistence.migration;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.RepairResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import io.fcn.persistence.internal.engine.DriverText;
import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.scripts.MigrationScripts.Script;
import io.fcn.persistence.migration.StepResult.Direction;
import io.fcn.persistence.exceptions.MigrationException;
import io.fcn.persistence.internal.scripts.FlywayStatements;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.scripts.MigrationVersions;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.internal.scripts.FlywaySetup;
import io.fcn.persistence.internal.scripts.MarkedStatements;
import io.fcn.persistence.internal.scripts.MigrationDataSource;
import io.fcn.persistence.internal.scripts.MigrationSettings;
import io.fcn.persistence.internal.scripts.ServerTraits;

/**
 * The migration operations of the {@code fcn-db} command line, as a Java API over one database: {@code info},
 * {@code migrate}, {@code undo}, {@code sql} (and its undo form), {@code check}, {@code validate}, {@code repair},
 * {@code baseline} and {@code purgeIdempotency}. Immutable: {@link #withProjectDirectories} returns a new instance.
 *
 * <p>Undo runs the rollback scripts ({@code U<version>__<description>.sql}), split into statements by Flyway's own
 * parser, each script on one connection in one transaction together with the removal of its history row; SQL Server
 * rolls both back when a statement fails. (H2 commits DDL at once: on the embedded engine a failed undo step can
 * leave part of its script applied, with its history row still there; unlike a migration stopped halfway, which
 * {@link #migrate} completes, that is not recovered by itself: docs/failure-modes.md.)
 */
public final class MigrationOperations {

    /** Where {@code migrate} and {@code undo} send the owner of an Alembic-built database. */
    public static final String ADOPTION_GUIDE = "docs/adopting-an-alembic-database.md";
    /** The table Alembic keeps its revision in. */
    public static final String ALEMBIC_TABLE = "alembic_version";

    private final DataSource dataSource;
    private final ScriptSet scripts;
    private final MigrationSettings settings;

    private MigrationOperations(DataSource dataSource, ScriptSet scripts, MigrationSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.scripts = scripts;
        this.settings = settings;
    }

    /**
     * Operations over the jar's migrations on {@code dataSource}.
     * @param dataSource the database
     * @return the operations
     */
    public static MigrationOperations on(DataSource dataSource) {
        return new MigrationOperations(dataSource, ScriptSet.classpath(), MigrationSettings.DEFAULTS);
    }

    /**
     * The same operations, {@code migrate} and {@code undo} waiting at most {@code lockTimeout} for each lock
     * (default {@link FcnMigrations#DEFAULT_LOCK_TIMEOUT}).
     * @param lockTimeout the longest lock wait, 0 or more
     * @return new operations; this one is unchanged
     */
    public MigrationOperations withLockTimeout(Duration lockTimeout) {
        return new MigrationOperations(dataSource, scripts, settings.withLockTimeout(lockTimeout));
    }

    /** Test hook: the marked statements rewritten for {@code traits} instead of the database's own. */
    MigrationOperations withServerTraits(ServerTraits traits) {
        return new MigrationOperations(dataSource, scripts, settings.withTraits(traits));
    }

    /**
     * Which form the marked statements ({@code -- fcn:online}, {@code -- fcn:nocheck}) take on this database, e.g.
     * {@code SQL Server (EngineEdition 2: Standard): -- fcn:online runs as written (offline), …}.
     * @return one line
     */
    public String markerForms() {
        return traits().markerForms();
    }

    private ServerTraits traits() {
        try {
            return new MigrationDataSource(dataSource, settings).traits();
        } catch (SQLException e) {
            throw new MigrationException("cannot read the database edition: " + DriverText.reason(e), DriverText.masked(e));
        }
    }

    /**
     * The same operations, with the migrations of {@code migrationDir} and the rollbacks of {@code rollbackDir} (a
     * project's {@code db/migration} and {@code db/rollback}) added to the jar's; a file there replaces the jar's
     * file of the same version.
     * @param migrationDir the project's migrations
     * @param rollbackDir the project's rollback scripts
     * @return new operations; this one is unchanged
     */
    public MigrationOperations withProjectDirectories(Path migrationDir, Path rollbackDir) {
        return new MigrationOperations(dataSource, scripts.withDirectories(migrationDir, rollbackDir), settings);
    }

    /**
     * The current version and every migration with its state, date, checksum, time taken and rollback.
     * @return the status
     */
    public MigrationStatus info() {
        MigrationInfoService info = flyway(false, UnaryOperator.identity()).info();
        List<MigrationEntry> entries = new ArrayList<>();
        for (MigrationInfo m : info.all()) {
            String version = m.getVersion() == null ? null : m.getVersion().getVersion();
            entries.add(new MigrationEntry(version, m.getDescription(), m.getType().name(),
                    m.getState().getDisplayName(), m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(),
                    m.getChecksum(), m.isApplied() ? m.getExecutionTime() : null,
                    version == null ? "-" : reversibility(version)));
        }
        // The latest applied version that did not fail: a failed migration is never the current version.
        MigrationVersion current = null;
        for (MigrationInfo m : info.applied()) {
            if (m.isVersioned() && !m.getState().isFailed()
                    && (current == null || m.getVersion().compareTo(current) > 0)) {
                current = m.getVersion();
            }
        }
        return new MigrationStatus(current == null ? null : current.getVersion(), entries);
    }

    /**
     * The database when Alembic built it and the library has not adopted it yet: an {@code alembic_version}
     * table, the library's {@code fcn_*} tables and no library history table. Empty for any other database.
     * @return the Alembic-built database, or empty
     */
    public Optional<AlembicDatabase> alembic() {
        try (Connection c = dataSource.getConnection()) {
            boolean alembic = false;
            boolean history = false;
            boolean tables = false;
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String name = rs.getString("TABLE_NAME");
                    if (schema == null || !schema.equalsIgnoreCase(FcnMigrations.SCHEMA) || name == null) {
                        continue;
                    }
                    alembic |= name.equalsIgnoreCase(ALEMBIC_TABLE);
                    history |= name.equalsIgnoreCase(FcnMigrations.HISTORY_TABLE);
                    tables |= name.toLowerCase(java.util.Locale.ROOT).startsWith("fcn_")
                            && !name.equalsIgnoreCase(FcnMigrations.HISTORY_TABLE);
                }
            }
            if (!alembic || history || !tables) {
                return Optional.empty();
            }
            List<String> revisions = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version_num FROM " + FcnMigrations.SCHEMA + "."
                            + ALEMBIC_TABLE)) {
                while (rs.next()) {
                    revisions.add(rs.getString(1));
                }
            }
            return Optional.of(new AlembicDatabase(revisions));
        } catch (SQLException e) {
            throw new MigrationException("cannot read the catalog: " + DriverText.reason(e), DriverText.masked(e));
        }
    }

    /**
     * Applies every pending migration, or those up to and including {@code targetVersion} when it is not null. On
     * the embedded engine a migration that failed or was killed after some of its statements is completed first,
     * from where it stopped ({@link #stopped()}); its step comes first in the result.
     * @param targetVersion the last version to apply, or null for all
     * @return one result per migration applied, in order
     * @throws io.fcn.persistence.exceptions.MigrationException when a migration fails
     */
    public List<StepResult> migrate(String targetVersion) {
        refuseAlembic("migrate");
        Optional<StepResult> completed = PartialMigration.resume(dataSource, scripts, settings, targetVersion, false);
        Flyway flyway = flyway(true, c -> targetVersion == null ? c : c.target(targetVersion));
        try {
            MigrateResult result = flyway.migrate();
            List<StepResult> steps = new ArrayList<>();
            completed.ifPresent(steps::add);
            result.migrations.stream()
                    .map(m -> new StepResult(Direction.UP, m.version, m.description, m.executionTime))
                    .forEach(steps::add);
            return List.copyOf(steps);
        } catch (FlywayException e) {
            throw FlywaySetup.lockTimeout(e, flyway).orElseGet(
                    () -> new MigrationException("migrate failed: " + DriverText.reason(e), DriverText.masked(e)));
        }
    }

    /**
     * The statements of the pending migrations (up to {@code targetVersion} when not null), split as Flyway splits
     * them for this database's engine (T-SQL batches on SQL Server, the translated statements on H2). Only reads.
     * @param targetVersion the last version, or null for all
     * @return the statements of each pending script, in order
     */
    public List<ScriptStatements> sql(String targetVersion) {
        refuseAlembic("migrate");
        EngineFamily family = EngineFamily.of(dataSource);
        ServerTraits traits = traits();
        List<ScriptStatements> out = new ArrayList<>();
        for (MigrationEntry entry : info().pending()) {
            if (targetVersion != null && MigrationVersions.ORDER.compare(entry.version(), targetVersion) > 0) {
                continue;
            }
            Script script = scripts.migration(entry.version()).orElseThrow();
            out.add(statements(script, family, traits));
        }
        return out;
    }

    /**
     * The statements {@link #undo} would run for {@code target}, in order, after the same checks. Only reads.
     * @param target how far to undo
     * @return the statements of each rollback script, in the order they would run
     * @throws io.fcn.persistence.exceptions.MigrationException when undo would refuse
     */
    public List<ScriptStatements> sqlUndo(UndoTarget target) {
        EngineFamily family = EngineFamily.of(dataSource);
        ServerTraits traits = traits();
        return undoPlan(target).stream().map(v -> statements(scripts.rollback(v).orElseThrow(), family, traits))
                .toList();
    }

    /**
     * Undoes applied migrations, latest first, each by its rollback script. Refuses, before running anything, when
     * the history has a failed migration, a version this jar does not know, a checksum that does not match, schema
     * drift, or when a step is a baseline, irreversible or without rollback script.
     * @param target how far to undo
     * @return one result per migration undone, latest first
     * @throws io.fcn.persistence.exceptions.MigrationException when it refuses, or a rollback script fails
     */
    public List<StepResult> undo(UndoTarget target) {
        EngineFamily family = EngineFamily.of(dataSource);
        ServerTraits traits = traits();
        List<StepResult> done = new ArrayList<>();
        for (String version : undoPlan(target)) {
            Script rollback = scripts.rollback(version).orElseThrow();
            long start = System.nanoTime();
            runUndoStep(version, statements(rollback, family, traits).statements());
            done.add(new StepResult(Direction.DOWN, version, rollback.description(),
                    (System.nanoTime() - start) / 1_000_000));
        }
        return done;
    }

    /**
     * Pending migrations and schema drift, as {@code check} reports them.
     * @return the pending migrations and, when none is pending, the drift report
     */
    public CheckResult check() {
        MigrationStatus status = info();
        return new CheckResult(status, status.pending().isEmpty() || status.hasFailed() ? drift()
                : Optional.empty(), status.hasFailed() || !status.pending().isEmpty() ? stopped() : Optional.empty());
    }

    /**
     * On the embedded engine, the migration after the current version when the database is partway through it:
     * it failed, or its process was killed, after some of its statements (H2 commits DDL at once). {@link #migrate}
     * completes it from there. Empty on SQL Server (a migration runs in one transaction there) and when the schema
     * is at no point of the next migration.
     * @return where the next migration stopped, e.g. {@code migration 20251101.0002 (integrity and concurrency)
     *         stopped after statement 7 of 45 and is recorded as failed}, or empty
     */
    public Optional<String> stopped() {
        return PartialMigration.find(dataSource, scripts, settings).map(PartialMigration.Stopped::describe);
    }

    /**
     * The structural drift of the database against the expected schema of the version it is at (the build's
     * snapshot of that version; for a version of the project directory, the schema its files derive), or empty
     * when no version of these scripts is applied. Pending, failed and edited
     * migrations are {@link #check()}'s and {@code undo}'s own refusals, so the history part is left out here.
     * @return the drift report, or empty
     */
    public Optional<DriftReport> drift() {
        MigrationStatus status = info();
        String current = status.currentVersion();
        if (current == null || scripts.migration(current).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DriftCheck.of(dataSource).withScripts(scripts).againstVersion(current).withoutHistory()
                .run());
    }

    /**
     * The structural drift of the database against the expected schema of {@code version} of these scripts,
     * whatever version the database is at (or none: an Alembic-built database before its baseline). History is
     * left out. An unknown version is a {@link io.fcn.persistence.exceptions.MisuseException} naming the known ones.
     * @param version a migration version of these scripts
     * @return the structural drift
     */
    public DriftReport driftAgainst(String version) {
        return DriftCheck.of(dataSource).withScripts(scripts).againstVersion(version).withoutHistory().run();
    }

    /**
     * Flyway's validation of the applied migrations against the scripts (pending ones are {@code check}'s).
     * @return the problems found; empty when the history matches the scripts
     */
    public List<String> validate() {
        ValidateResult result = flyway(false, c -> c.ignoreMigrationPatterns("*:pending")).validateWithResult();
        if (result.validationSuccessful) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        result.invalidMigrations.forEach(m -> problems.add((m.version == null ? "" : m.version + ": ")
                + (m.errorDetails == null ? "invalid" : m.errorDetails.errorMessage)));
        if (problems.isEmpty()) {
            problems.add(result.getAllErrorMessages());
        }
        return problems;
    }

    /**
     * Flyway's repair: removes failed entries, realigns checksums and descriptions; returns what it did.
     * @return what repair did, one line each
     */
    public List<String> repair() {
        try {
            RepairResult result = flyway(true, UnaryOperator.identity()).repair();
            return result.repairActions == null ? List.of() : List.copyOf(result.repairActions);
        } catch (FlywayException e) {
            throw new MigrationException("repair failed: " + DriverText.reason(e), DriverText.masked(e));
        }
    }

    /**
     * Adopts an existing database: records {@code version} as its baseline, so later migrations apply on top.
     * @param version the version the existing database is at
     * @throws io.fcn.persistence.exceptions.MigrationException when Flyway refuses or fails
     */
    public void baseline(String version) {
        MigrationVersion.fromVersion(version);
        try {
            flyway(true, c -> c.baselineVersion(version).baselineDescription("baseline")).baseline();
        } catch (FlywayException e) {
            throw new MigrationException("baseline failed: " + DriverText.reason(e), DriverText.masked(e));
        }
    }

    /**
     * Deletes expired idempotency keys in batches of {@code batchSize}; returns how many.
     * @param batchSize the most rows one statement deletes
     * @return how many keys were deleted
     */
    public int purgeIdempotency(int batchSize) {
        FcnPersistence fcn = FcnPersistence.builder(dataSource).build();
        return fcn.idempotency().purgeExpired(fcn.now(), batchSize);
    }

    /** The versions to undo, latest first, after every check. */
    private List<String> undoPlan(UndoTarget target) {
        refuseAlembic("undo");
        MigrationInfoService info = flyway(false, c -> c.ignoreMigrationPatterns("*:pending")).info();
        List<MigrationInfo> applied = new ArrayList<>();
        for (MigrationInfo m : info.applied()) {
            if (m.getState().isFailed()) {
                throw new MigrationException("Refusing to undo: the history has a failed migration ("
                        + describe(m) + "); fix the database, then run repair");
            }
            if (m.getState() != MigrationState.BASELINE && !m.getState().isResolved()) {
                throw new MigrationException("Refusing to undo: version " + describe(m)
                        + " is applied but unknown to these migrations (a newer jar applied it?)");
            }
            if (m.isVersioned()) {
                applied.add(m);
            }
        }
        List<String> invalid = validate();
        if (!invalid.isEmpty()) {
            throw new MigrationException("Refusing to undo: the history does not match the scripts: "
                    + String.join("; ", invalid));
        }
        drift().filter(DriftReport::hasErrors).ifPresent(report -> {
            throw new MigrationException("Refusing to undo: the schema has drifted (" + report.errors()
                    + " errors); run check for the details");
        });
        applied.sort(Comparator.comparing(MigrationInfo::getVersion).reversed());
        List<MigrationInfo> chosen;
        if (target instanceof UndoTarget.Steps s) {
            if (s.n() > applied.size()) {
                throw new MigrationException("Cannot undo " + s.n() + " steps: only " + applied.size()
                        + " migrations are applied");
            }
            chosen = applied.subList(0, s.n());
        } else if (target instanceof UndoTarget.Version v) {
            MigrationVersion keep = MigrationVersion.fromVersion(v.version());
            if (applied.stream().noneMatch(m -> m.getVersion().equals(keep))) {
                throw new MigrationException("Cannot undo to " + v.version() + ": it is not an applied version");
            }
            chosen = applied.stream().filter(m -> m.getVersion().compareTo(keep) > 0).toList();
        } else {
            chosen = applied;
        }
        List<String> versions = new ArrayList<>();
        for (MigrationInfo m : chosen) {
            String version = m.getVersion().getVersion();
            if (m.getState() == MigrationState.BASELINE) {
                throw new MigrationException("Refusing to undo past the baseline " + version
                        + ": the database was adopted at that version, there is nothing to undo it with");
            }
            if (scripts.rollback(version).isEmpty()) {
                String why = scripts.migration(version).flatMap(Script::irreversibleReason)
                        .map(r -> "it is irreversible: " + r)
                        .orElse("it has no rollback script " + MigrationScripts.ROLLBACK_FOLDER + "/U" + version);
                throw new MigrationException("Refusing to undo past " + describe(m) + ": " + why
                        + "; nothing was undone");
            }
            versions.add(version);
        }
        return versions;
    }

    private void refuseAlembic(String operation) {
        alembic().ifPresent(a -> {
            throw new MigrationException("Refusing to " + operation + ": this is " + a.describe()
                    + "; adopt it first (check --version, reconcile, baseline): see " + ADOPTION_GUIDE);
        });
    }

    private void runUndoStep(String version, List<String> statements) {
        // The statements are already in their engine form; the connection brings the lock timeout (and resets it).
        try (Connection c = new MigrationDataSource(dataSource, settings.withTraits(ServerTraits.H2))
                .getConnection()) {
            c.setAutoCommit(false);
            int i = 0;
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    i++;
                    s.execute(sql);
                }
                // Within the same transaction: the history forgets the version only when its script succeeded.
                DSL.using(c, SQLDialect.DEFAULT)
                        .deleteFrom(table(name(FcnMigrations.SCHEMA, FcnMigrations.HISTORY_TABLE)))
                        .where(field(name("version")).eq(version))
                        .execute();
                c.commit();
            } catch (SQLException | DataAccessException e) {
                c.rollback();
                throw new MigrationException("Undo of " + version + " failed at statement " + i + " of "
                        + statements.size() + " and was rolled back: " + DriverText.reason(e), DriverText.masked(e));
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new MigrationException("Undo of " + version + ": " + DriverText.reason(e), DriverText.masked(e));
        }
    }

    private ScriptStatements statements(Script script, EngineFamily family) {
        return new ScriptStatements(script.version(), script.filename(),
                FlywayStatements.split(script.filename(), FlywaySetup.engineText(script.text(), family), family));
    }

    /** As they run on {@code traits}: the marked statements rewritten, a validation as a statement of its own. */
    private ScriptStatements statements(Script script, EngineFamily family, ServerTraits traits) {
        return new ScriptStatements(script.version(), script.filename(), statements(script, family).statements()
                .stream().flatMap(sql -> MarkedStatements.rewrite(sql, traits).stream()).toList());
    }

    private String reversibility(String version) {
        if (scripts.rollback(version).isPresent()) {
            return "yes";
        }
        return scripts.migration(version).flatMap(Script::irreversibleReason)
                .map(r -> "irreversible: " + r).orElse("missing");
    }

    private static String describe(MigrationInfo m) {
        return (m.getVersion() == null ? "" : m.getVersion().getVersion() + " ") + m.getDescription();
    }

    private Flyway flyway(boolean prepare, UnaryOperator<FluentConfiguration> adjust) {
        return adjust.apply(FlywaySetup.configure(dataSource, scripts, prepare, settings)).load();
    }

    /**
     * A database Alembic built, not adopted yet: its {@code alembic_version} rows (usually one revision).
     * @param revisions the revisions in {@code alembic_version}
     */
    public record AlembicDatabase(List<String> revisions) {

        /**
         * Copies the revisions, unmodifiable.
         * @param revisions the revisions in {@code alembic_version}
         */
        public AlembicDatabase {
            revisions = List.copyOf(revisions);
        }

        /**
         * {@return the database in words, e.g. {@code an Alembic-built database (alembic_version 20251022_0001)
         * without the library's history}}
         */
        public String describe() {
            return "an Alembic-built database (" + ALEMBIC_TABLE + " "
                    + (revisions.isEmpty() ? "empty" : String.join(", ", revisions)) + ") without the library's "
                    + "history (" + FcnMigrations.HISTORY_TABLE + ")";
        }
    }

    /**
     * What {@code check} found: the status (failed and pending migrations) and, at the latest version or after a
     * failed migration, the drift report.
     *
     * @param status  the migration status, failed and pending migrations included
     * @param drift   the drift report against the current version when the database is at the latest version or a
     *                migration failed (then it shows what the failed migration left); empty otherwise
     * @param stopped on the embedded engine, where the next migration stopped when it failed or was killed
     *                halfway ({@link #stopped()}); empty otherwise
     */
    public record CheckResult(MigrationStatus status, Optional<DriftReport> drift, Optional<String> stopped) {

        /**
         * The result without a failed migration's stopping point.
         * @param status the migration status
         * @param drift  the drift report, or empty
         */
        public CheckResult(MigrationStatus status, Optional<DriftReport> drift) {
            this(status, drift, Optional.empty());
        }

        /** {@return whether a migration failed: its own finding, before pending ones} */
        public boolean failed() {
            return status.hasFailed();
        }

        /** {@return whether migrations are pending} */
        public boolean pending() {
            return !status.pending().isEmpty();
        }

        /** {@return whether the drift report has errors} */
        public boolean drifted() {
            return drift.map(DriftReport::hasErrors).orElse(false);
        }
    }
}
