package io.fcn.persistence.drift;

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
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.schema.model.TableFilter;
import io.fcn.persistence.schema.model.TableModel;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.drift.SchemaDriftException;
import io.fcn.persistence.drift.SchemaDiff;

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
 * expected schema the jar ships for the version, and Flyway's history with the jar's migrations. CHECK predicates
 * are compared by name only: every engine rewrites their text its own way. Not thread-safe; cheap to create.
 */
public final class DriftCheck {

    private final DataSource dataSource;
    private String version = MigrationScripts.latestVersion();
    private TableFilter tables = TableFilter.library();
    private final List<String> ignored = new ArrayList<>();
    private DriftPolicy policy = DriftPolicy.defaults();
    private boolean history = true;

    private DriftCheck(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * A check of {@code dataSource} against this jar's latest version, the library's tables, the default policy.
     * @param dataSource the database to check
     * @return the check, to adjust before {@link #run()}
     */
    public static DriftCheck of(DataSource dataSource) {
        return new DriftCheck(dataSource);
    }

    /**
     * Compare with the expected schema after migration {@code version} (e.g. {@code 20251022.0001}).
     * @param version a version this jar carries
     * @return this check
     * @throws IllegalArgumentException when the jar carries no such version
     */
    public DriftCheck againstVersion(String version) {
        ExpectedSchemas.forVersion(version); // fails early for a version this jar does not have
        this.version = version;
        return this;
    }

    /**
     * Compare with this jar's latest migration (the default).
     * @return this check
     */
    public DriftCheck againstLatest() {
        this.version = MigrationScripts.latestVersion();
        return this;
    }

    /**
     * Which tables are read (default: the library's, {@link TableFilter#library()}).
     * @param filter which tables
     * @return this check
     */
    public DriftCheck tables(TableFilter filter) {
        this.tables = Objects.requireNonNull(filter, "filter");
        return this;
    }

    /**
     * Drops findings on these paths and everything under them: {@code fcn_trade.ix_local_hint} (one object),
     * {@code fcn_trade} (a whole table), {@code migration 20251101.0002}.
     * @param paths the paths to ignore
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
     * @param policy the policy
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

    /** {@return the version compared with} */
    public String version() {
        return version;
    }

    /** {@return the policy that decides what fails} */
    public DriftPolicy policy() {
        return policy;
    }

    /**
     * The report: structure, then history, without the ignored paths; never throws for drift.
     * @return the report
     */
    public DriftReport run() {
        SchemaModel expected = comparable(ExpectedSchemas.forVersion(version));
        Optional<String> privilege = CatalogPrivileges.missing(dataSource);
        DriftReport report;
        if (privilege.isPresent()) {
            report = new DriftReport(expected.source(), "live catalog", List.of(new Finding(Severity.ERROR,
                    Kind.MISSING, ObjectType.PRIVILEGE, "catalog", null, "VIEW DEFINITION", privilege.get())),
                    new TreeMap<>());
        } else {
            report = SchemaDiff.compare(expected, SchemaReader.live(dataSource, tables).read());
        }
        if (history) {
            report = report.plus(HistoryCheck.run(dataSource, version, report.actualSource()));
        }
        return new DriftReport(report.expectedSource(), report.actualSource(),
                report.findings().stream().filter(f -> !isIgnored(f.path())).toList(), report.notCheckable());
    }

    /**
     * Runs the check and throws when the policy fails the report; returns it otherwise (warnings and all).
     * @return the report, which the policy passes
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
     * @return the report, which the policy passes
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

    /** CHECK predicates are compared by name: engines rewrite their text (IN to ORs, casts, brackets). */
    private static SchemaModel comparable(SchemaModel expected) {
        return new SchemaModel(expected.source(), expected.tables().stream().map(t -> new TableModel(t.name(),
                t.columns(), t.primaryKey(), t.uniqueKeys(), t.foreignKeys(), t.indexes(),
                t.checks() == null ? null : t.checks().stream().map(c -> new CheckModel(c.name(), null)).toList(),
                t.defaults())).toList());
    }
}
