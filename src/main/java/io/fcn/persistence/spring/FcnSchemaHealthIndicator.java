package io.fcn.persistence.spring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.drift.DriftPolicy;
import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.drift.Finding;
import io.fcn.persistence.metrics.FcnMetrics;

/**
 * The {@code fcnSchema} health indicator: UP when the library's tables and migration history match this jar's
 * latest version, or the database is newer (its later migrations listed under {@code newer}); DOWN with the
 * findings (pending or failed migrations, drift) otherwise, or when the check cannot run (the exception's type
 * only). Answers from its last check until the refresh interval has passed, so a probe does not read the catalog on
 * every call. Its details name tables, columns and versions, never a URL or a credential.
 */
public class FcnSchemaHealthIndicator implements HealthIndicator {

    private final Supplier<DriftReport> check;
    private final String version;
    private final Duration refreshInterval;
    private final Clock clock;
    private final FcnMetrics metrics;
    private final DriftPolicy policy = FcnSchemaStartup.failPolicy();

    private Health last;
    private Instant lastAt;

    /**
     * The indicator over {@code dataSource}.
     * @param dataSource the service's DataSource
     * @param refreshInterval how long an answer is reused
     * @param metrics where each check's findings go ({@value FcnMetrics#DRIFT_FINDINGS}), or null
     */
    public FcnSchemaHealthIndicator(DataSource dataSource, Duration refreshInterval, FcnMetrics metrics) {
        this(DriftCheck.of(dataSource), refreshInterval, Clock.systemUTC(), metrics);
    }

    FcnSchemaHealthIndicator(DriftCheck check, Duration refreshInterval, Clock clock, FcnMetrics metrics) {
        this.check = check::run;
        this.version = check.version();
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = metrics;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(refreshInterval))) {
            last = check();
            lastAt = now;
        }
        return last;
    }

    private Health check() {
        DriftReport report;
        try {
            report = check.get();
        } catch (RuntimeException e) {
            // the type only: a driver's message may carry the URL
            return Health.down().withDetail("version", version).withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
        long errors = FcnSchemaStartup.errors(report);
        long warnings = report.warnings();
        if (metrics != null) {
            metrics.driftFindings(errors, warnings);
        }
        List<String> newer = new ArrayList<>();
        List<Map<String, String>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (f.newerThanJar()) {
                newer.add(f.path().replaceFirst("^migration ", ""));
            } else {
                findings.add(describe(f));
            }
        }
        Health.Builder health = report.failsUnder(policy) ? Health.down() : Health.up();
        health.withDetail("version", version).withDetail("errors", errors)
                .withDetail("warnings", warnings);
        if (!newer.isEmpty()) {
            health.withDetail("newer", newer);
        }
        if (!findings.isEmpty()) {
            health.withDetail("findings", findings);
        }
        return health.build();
    }

    private static Map<String, String> describe(Finding f) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("severity", f.severity().name());
        out.put("kind", f.kind().name());
        out.put("object", f.object().name());
        out.put("path", f.path());
        if (f.property() != null) {
            out.put("property", f.property());
        }
        if (f.expected() != null) {
            out.put("expected", f.expected());
        }
        if (f.actual() != null) {
            out.put("actual", f.actual());
        }
        return out;
    }
}
