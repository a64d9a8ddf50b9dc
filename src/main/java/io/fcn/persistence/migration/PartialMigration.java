package io.fcn.persistence.migration;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.exceptions.MigrationException;
import io.fcn.persistence.internal.engine.DriverText;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.scripts.EmbeddedTranslation;
import io.fcn.persistence.internal.scripts.FlywaySetup;
import io.fcn.persistence.internal.scripts.MigrationDataSource;
import io.fcn.persistence.internal.scripts.MigrationScripts.Script;
import io.fcn.persistence.internal.scripts.MigrationSettings;
import io.fcn.persistence.internal.scripts.MigrationVersions;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.internal.snapshot.MigrationInterpreter;
import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableFilter;

/**
 * A migration the embedded engine stopped in the middle of. H2 commits each DDL statement at once, so a migration
 * that failed (Flyway then records it as failed) or whose process was killed (no history row at all) leaves its
 * first statements applied, and running it again from the start fails ("already exists"). The live schema tells
 * how far it got: it equals the expected schema after exactly the first {@code k} statements of the next
 * migration. {@code migrate} then removes the failed history row, runs the remaining statements and records the
 * migration as Flyway would have. On SQL Server a migration runs in one transaction: nothing is ever left.
 */
final class PartialMigration {

    /**
     * Where the next migration stopped on this database.
     *
     * @param version     the migration
     * @param description its description
     * @param done        how many of its statements are applied (0: none, only its failed history row is there)
     * @param statements  how many statements it has
     * @param failedRow   whether Flyway recorded it as failed (false: the process was killed)
     */
    record Stopped(String version, String description, int done, int statements, boolean failedRow) {

        String describe() {
            return "migration " + version + " (" + description + ") stopped after statement " + done + " of "
                    + statements + (failedRow ? " and is recorded as failed" : " without a history row (killed)");
        }
    }

    private PartialMigration() {
    }

    /**
     * The migration after the latest successful one, when the database is partway through it; empty on SQL
     * Server, when nothing is pending, and when the schema is at no point of it (drift of another kind).
     */
    static Optional<Stopped> find(DataSource dataSource, ScriptSet scripts, MigrationSettings settings) {
        if (EngineFamily.of(dataSource) != EngineFamily.H2) {
            return Optional.empty();
        }
        History history = History.read(dataSource);
        if (!history.exists()) {
            return Optional.empty(); // Flyway creates (and commits) its table before the first migration runs
        }
        Optional<Script> next = scripts.migrations().stream()
                .filter(s -> history.last() == null
                        || MigrationVersion.fromVersion(s.version()).compareTo(history.last()) > 0)
                .findFirst();
        if (next.isEmpty() || history.failed() != null && !history.failed().equals(next.get().version())) {
            return Optional.empty();
        }
        Script script = next.get();
        SchemaModel expectedBefore = history.last() == null ? new SchemaModel("no migration", List.of())
                : ExpectedSchemas.forVersion(scripts, history.last().getVersion());
        List<String> indexNames = ExpectedSchemas.forVersion(scripts, script.version()).tables().stream()
                .flatMap(t -> t.indexes().stream().map(IndexModel::name)).toList();
        SchemaModel live = SchemaReader.live(dataSource, TableFilter.library(), indexNames).read();
        DriftReport before = DriftReport.compare(expectedBefore, live);
        boolean failedRow = history.failed() != null;
        if (before.isEmpty() && !failedRow) {
            return Optional.empty(); // at the version before it: an ordinary migrate
        }
        List<SchemaModel> points = points(scripts, script.version());
        int statements = points.size() - 1;
        if (EmbeddedTranslation.statements(script.text()).size() != statements) {
            return Optional.empty(); // the interpretation and the translation would not count alike: do not guess
        }
        for (int k = before.isEmpty() ? 0 : 1; k <= statements; k++) {
            // The first match: statements between two schema changes (data moves) run again, which they allow.
            if (DriftReport.compare(points.get(k), live).isEmpty()) {
                return Optional.of(new Stopped(script.version(), script.description(), k, statements, failedRow));
            }
        }
        return Optional.empty();
    }

    private static final Map<List<Script>, List<SchemaModel>> POINTS = new ConcurrentHashMap<>();

    /** The schemas partway through {@code version}, derived once per set of scripts. */
    private static List<SchemaModel> points(ScriptSet scripts, String version) {
        List<Script> upTo = scripts.migrations().stream()
                .filter(s -> MigrationVersions.ORDER.compare(s.version(), version) <= 0).toList();
        if (POINTS.size() > 16) {
            POINTS.clear();
        }
        return POINTS.computeIfAbsent(upTo, u -> List.copyOf(MigrationInterpreter.partway(u, version)));
    }

    /** The library's history table as the search needs it: the latest successful version, a failed one. */
    private record History(boolean exists, MigrationVersion last, String failed) {

        static History read(DataSource dataSource) {
            try (Connection c = dataSource.getConnection()) {
                try (ResultSet t = c.getMetaData().getTables(null, FcnMigrations.SCHEMA, FcnMigrations.HISTORY_TABLE,
                        null)) {
                    if (!t.next()) {
                        return new History(false, null, null);
                    }
                }
                MigrationVersion last = null;
                String failed = null;
                for (Record r : DSL.using(c, SQLDialect.DEFAULT)
                        .select(field(name("version"), String.class), field(name("success"), Boolean.class))
                        .from(table(name(FcnMigrations.SCHEMA, FcnMigrations.HISTORY_TABLE)))
                        .where(field(name("version")).isNotNull())
                        .fetch()) {
                    String version = r.get(0, String.class);
                    if (!Boolean.TRUE.equals(r.get(1, Boolean.class))) {
                        failed = version;
                    } else if (last == null || MigrationVersion.fromVersion(version).compareTo(last) > 0) {
                        last = MigrationVersion.fromVersion(version);
                    }
                }
                return new History(true, last, failed);
            } catch (SQLException | DataAccessException e) {
                throw new MigrationException("cannot read the migration history: " + DriverText.reason(e),
                        DriverText.masked(e));
            }
        }
    }

    /**
     * Completes the migration {@code find} found stopped (up to {@code target}, when given): removes its failed
     * history row, runs its remaining statements, records it as applied; then {@code migrate} goes on as usual.
     * With {@code log}, one INFO line says so (the logger of {@code FcnMigrations.migrate}'s summary).
     * @return the migration completed, or empty when there was none
     */
    static Optional<StepResult> resume(DataSource dataSource, ScriptSet scripts, MigrationSettings settings,
            String target, boolean log) {
        Optional<Stopped> found = find(dataSource, scripts, settings);
        if (found.isEmpty()
                || target != null && MigrationVersions.ORDER.compare(found.get().version(), target) > 0) {
            return Optional.empty();
        }
        Stopped stopped = found.get();
        Script script = scripts.migration(stopped.version()).orElseThrow();
        List<String> rest = EmbeddedTranslation.statements(script.text());
        rest = new ArrayList<>(rest.subList(stopped.done(), rest.size()));
        long start = System.nanoTime();
        // Through the migration data source, as Flyway runs them: the lock timeout, the marked statements' forms.
        try (Connection c = new MigrationDataSource(dataSource, settings).getConnection()) {
            int i = stopped.done();
            try (Statement s = c.createStatement()) {
                for (String sql : rest) {
                    i++;
                    s.execute(sql);
                }
            } catch (SQLException e) {
                throw new MigrationException("migrate failed: " + stopped.describe() + "; completing it failed at "
                        + "statement " + i + ": " + DriverText.reason(e) + " (fix the cause and run migrate again: it "
                        + "goes on from where it stopped)", DriverText.masked(e));
            }
            if (stopped.failedRow()) { // only now: while it cannot be completed, it stays recorded as failed
                DSL.using(c, SQLDialect.DEFAULT)
                        .deleteFrom(table(name(FcnMigrations.SCHEMA, FcnMigrations.HISTORY_TABLE)))
                        .where(field(name("version")).eq(stopped.version()))
                        .and(field(name("success"), Boolean.class).eq(false))
                        .execute();
            }
        } catch (SQLException | DataAccessException e) {
            throw new MigrationException("migrate failed: cannot complete " + stopped.describe() + ": "
                    + DriverText.reason(e), DriverText.masked(e));
        }
        try {
            // Flyway records the migration (its checksum, rank, user) without running it again.
            FlywaySetup.configure(dataSource, scripts, true, settings).target(stopped.version())
                    .skipExecutingMigrations(true).load().migrate();
        } catch (FlywayException e) {
            throw new MigrationException("migrate failed: the statements of " + stopped.version()
                    + " are applied but recording it failed: " + DriverText.reason(e), DriverText.masked(e));
        }
        if (log) { // the service's path; the command line prints its steps itself
            System.getLogger(FlywaySetup.SUMMARY_LOGGER).log(System.Logger.Level.INFO, "fcn-persistence: completed "
                    + stopped.describe() + ": ran statements " + (stopped.done() + 1) + " to " + stopped.statements());
        }
        return Optional.of(new StepResult(StepResult.Direction.UP, stopped.version(), stopped.description(),
                (System.nanoTime() - start) / 1_000_000));
    }
}
