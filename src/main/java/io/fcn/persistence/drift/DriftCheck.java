package io.fcn.persistence.drift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.drift.Finding.Severity;
import io.fcn.persistence.internal.catalog.CatalogPrivileges;
import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.schema.model.TableFilter;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.exceptions.MisuseException;

/**
 * Does this database match version X of fcn-persistence? One component for the build's tests, service start-up,
 * the command line and consumers' tests:
 *
 * <pre>{@code
 * DriftReport report = DriftCheck.of(dataSource).againstLatest().run();       // read the report
 * DriftCheck.of(dataSource).policy(DriftPolicy.defaults()).assertClean();    // or fail on it
 * }</pre>
 *
 * It compares the live catalog (the library's {@code fcn_*} tables unless {@link #tables} says otherwise) with the
 * expected schema the jar ships for the version, and Flyway's history with the jar's migrations. With a project
 * directory ({@link #withProjectDirectories}) the directory's versions are checked too: their expected schema is
 * derived at run time from the files, as the build derives the jar's. The structural part is
 * {@link DriftReport#of(io.fcn.persistence.schema.model.SchemaDiff)} over the diff from the expected schema to the
 * live one. CHECK predicates are compared in their canonical form ({@code SqlText.canonicalPredicate}), since
 * every engine rewrites their text its own way. Not thread-safe; cheap to create.
 */
public final class DriftCheck {

    private final DataSource dataSource;
    private ScriptSet scripts = ScriptSet.classpath();
    /** Null: the latest migration of {@link #scripts}. */
    private String version;
    private TableFilter tables = TableFilter.library();
    private final List<String> ignored = new ArrayList<>();
    private DriftPolicy policy = DriftPolicy.defaults();
    private boolean history = true;

    private DriftCheck(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * A check of the database behind {@code dataSource}: against the latest migration, the library's tables, the
     * default policy, with Flyway's history.
     * @param dataSource the database to read
     * @return the check, to configure and run
     */
    public static DriftCheck of(DataSource dataSource) {
        return new DriftCheck(dataSource);
    }

    /**
     * Compare with the expected schema after migration {@code version} (e.g. {@code 20251022.0001}).
     * @param version a migration version the scripts have
     * @return this check
     * @throws MisuseException when the scripts have no migration {@code version}
     */
    public DriftCheck againstVersion(String version) {
        checkKnown(Objects.requireNonNull(version, "version")); // fails early for a version the scripts lack
        this.version = version;
        return this;
    }

    /**
     * Compare with the latest migration (the default): the jar's, or the project directory's when later.
     * @return this check
     */
    public DriftCheck againstLatest() {
        this.version = null;
        return this;
    }

    /**
     * Also the migrations of {@code migrationDir} and rollbacks of {@code rollbackDir} (a project's
     * {@code db/migration} and {@code db/rollback}), as {@code MigrationOperations.withProjectDirectories} uses
     * them: a file there replaces the jar's file of the same version, and a version only the directory has is
     * checked against the schema its files derive.
     * @param migrationDir the project's migrations
     * @param rollbackDir the project's rollbacks
     * @return this check
     */
    public DriftCheck withProjectDirectories(Path migrationDir, Path rollbackDir) {
        return withScripts(scripts.withDirectories(migrationDir, rollbackDir));
    }

    /**
     * The scripts to check against (the library's operations pass the set they work with).
     * @param scripts the migration and rollback scripts
     * @return this check
     * @throws MisuseException when a version chosen earlier is not among them
     */
    public DriftCheck withScripts(ScriptSet scripts) {
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        if (version != null) {
            checkKnown(version);
        }
        return this;
    }

    private void checkKnown(String version) {
        if (scripts.migration(version).isEmpty()) {
            throw new MisuseException("No migration version " + version + " in this jar; it has "
                    + scripts.migrations().stream().map(MigrationScripts.Script::version).toList());
        }
    }

    /**
     * Which tables are read (default: the library's, {@link TableFilter#library()}).
     * @param filter the tables to read
     * @return this check
     */
    public DriftCheck tables(TableFilter filter) {
        this.tables = Objects.requireNonNull(filter, "filter");
        return this;
    }

    /**
     * Drops findings on these paths and everything under them: {@code fcn_trade.ix_local_hint} (one object),
     * {@code fcn_trade} (a whole table), {@code migration 20251101.0002}. Case-insensitive; adds to earlier calls.
     * @param paths the finding paths to drop
     * @return this check
     */
    public DriftCheck ignoring(String... paths) {
        for (String path : paths) {
            ignored.add(Objects.requireNonNull(path, "path").toLowerCase(java.util.Locale.ROOT));
        }
        return this;
    }

    /**
     * What fails {@link #assertClean()} (default: errors fail, warnings are reported).
     * @param policy the policy to judge the report by
     * @return this check
     */
    public DriftCheck policy(DriftPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Structure only: skip Flyway's history (e.g. a database not yet under the library's Flyway).
     * @return this check
     */
    public DriftCheck withoutHistory() {
        this.history = false;
        return this;
    }

    /** {@return the migration version compared with: the chosen one, or the scripts' latest} */
    public String version() {
        if (version != null) {
            return version;
        }
        List<MigrationScripts.Script> all = scripts.migrations();
        return all.isEmpty() ? MigrationScripts.latestVersion() : all.get(all.size() - 1).version();
    }

    /** {@return the policy {@link #assertClean()} judges by} */
    public DriftPolicy policy() {
        return policy;
    }

    /** {@return the report: structure, then history, without the ignored paths; never throws for drift} */
    public DriftReport run() {
        String version = version();
        SchemaModel expected = ExpectedSchemas.forVersion(scripts, version);
        Optional<String> privilege = CatalogPrivileges.missing(dataSource);
        DriftReport report;
        if (privilege.isPresent()) {
            report = new DriftReport(expected.source(), "live catalog", List.of(new Finding(Severity.ERROR,
                    Kind.MISSING, ObjectType.PRIVILEGE, "catalog", null, "VIEW DEFINITION", privilege.get())),
                    new TreeMap<>());
        } else {
            // The expected schema's index names too: a directory's new index is recognised where the engine
            // shows indexes under internal names (Babelfish).
            List<String> indexNames = expected.tables().stream()
                    .flatMap(t -> t.indexes().stream().map(IndexModel::name)).toList();
            report = DriftReport.compare(expected, SchemaReader.live(dataSource, tables, indexNames).read());
        }
        if (history) {
            report = report.plus(HistoryCheck.run(dataSource, scripts, version, report.actualSource()));
        }
        return new DriftReport(report.expectedSource(), report.actualSource(),
                report.findings().stream().filter(f -> !isIgnored(f.path())).toList(), report.notCheckable());
    }

    /**
     * Runs the check and throws when the policy fails the report.
     * @return the report, when the policy passes it (warnings and all)
     * @throws SchemaDriftException when the policy fails the report
     */
    public DriftReport assertClean() {
        DriftReport report = run();
        if (report.failsUnder(policy)) {
            throw new SchemaDriftException(report);
        }
        return report;
    }

    /**
     * The start-up check: throws {@link SchemaDriftException} when the policy fails the report (fail fast), and
     * otherwise logs any remaining findings as one WARNING with the text report (logger {@code io.fcn.persistence.drift}).
     * @return the report, when the policy passes it
     * @throws SchemaDriftException when the policy fails the report
     */
    public DriftReport checkOnStart() {
        DriftReport report = assertClean();
        if (!report.isEmpty()) {
            System.getLogger("io.fcn.persistence.drift").log(System.Logger.Level.WARNING, report.toText());
        }
        return report;
    }

    private boolean isIgnored(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return ignored.stream().anyMatch(i -> p.equals(i) || p.startsWith(i + "."));
    }
}
