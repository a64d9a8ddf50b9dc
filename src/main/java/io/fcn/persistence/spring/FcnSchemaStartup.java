package io.fcn.persistence.spring;

import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;

import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.drift.DriftPolicy;
import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.drift.Finding;
import io.fcn.persistence.drift.SchemaDriftException;
import io.fcn.persistence.metrics.FcnMetrics;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.spring.FcnPersistenceProperties.DriftCheckMode;

/**
 * The library's start-up work, as one bean the {@code FcnPersistence} bean and every {@code Flyway} bean depend on:
 * the library's migrations ({@code fcn.persistence.migrate}), then the drift check
 * ({@code fcn.persistence.drift-check}). A failing check throws {@link SchemaDriftException}
 * with the text report, which fails the context; other findings are logged as one WARNING (logger
 * {@code io.fcn.persistence.drift}).
 */
public class FcnSchemaStartup implements InitializingBean {

    /** The bean's name, which the Flyway beans are made to depend on. */
    public static final String BEAN_NAME = "fcnSchemaStartup";

    private final DataSource dataSource;
    private final FcnPersistenceProperties properties;
    private final FcnMetrics metrics;
    private volatile DriftReport report;

    /**
     * The start-up work over {@code dataSource}.
     * @param dataSource the service's DataSource (not the transaction-aware proxy)
     * @param properties the {@code fcn.persistence.*} properties
     * @param metrics where migration durations and drift findings go, or null
     */
    public FcnSchemaStartup(DataSource dataSource, FcnPersistenceProperties properties, FcnMetrics metrics) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.metrics = metrics;
    }

    /**
     * The policy of {@code fail}: errors fail, a database newer than the jar does not.
     * @return the policy
     */
    public static DriftPolicy failPolicy() {
        return DriftPolicy.defaults().toleratingNewerDatabase();
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.isMigrate()) {
            if (metrics != null) {
                metrics.timeMigration(() -> FcnMigrations.migrate(dataSource));
            } else {
                FcnMigrations.migrate(dataSource);
            }
        }
        DriftCheckMode mode = properties.getDriftCheck();
        if (mode == DriftCheckMode.OFF) {
            return;
        }
        DriftPolicy policy = mode == DriftCheckMode.FAIL ? failPolicy() : DriftPolicy.reportOnly();
        DriftReport checked = DriftCheck.of(dataSource).policy(policy).run();
        if (metrics != null) {
            metrics.driftFindings(errors(checked), checked.warnings());
        }
        report = checked;
        // DriftCheck.checkOnStart's way, without reading the catalog twice
        if (checked.failsUnder(policy)) {
            throw new SchemaDriftException(checked);
        }
        if (!checked.isEmpty()) {
            System.getLogger("io.fcn.persistence.drift").log(System.Logger.Level.WARNING, checked.toText());
        }
    }

    /** Errors, without the migrations of a database newer than the jar (they do not fail): what the gauge shows. */
    static long errors(DriftReport report) {
        return report.findings().stream()
                .filter(f -> f.severity() == Finding.Severity.ERROR && !f.newerThanJar()).count();
    }

    /** {@return the start-up check's report; empty when the check is off} */
    public Optional<DriftReport> report() {
        return Optional.ofNullable(report);
    }
}
