package io.fcn.persistence.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.testkit.ClaimBuilder;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.testkit.FcnTestData;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Each meter after real calls on embedded H2, with the builder's registry (no Spring). */
class FcnMetricsTest {

    private final EmbeddedDatabase database = EmbeddedDatabase.inMemory();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FcnTestClock clock = new FcnTestClock();

    @AfterEach
    void close() {
        database.close();
    }

    private long timerCount(String repository, String operation, String outcome) {
        var timer = registry.find(FcnMetrics.OPERATION)
                .tags("repository", repository, "operation", operation, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double claims(String outcome) {
        var counter = registry.find(FcnMetrics.IDEMPOTENCY_CLAIMS).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void eachMeterAfterRealCalls() {
        FcnMetrics metrics = new FcnMetrics(registry);
        metrics.timeMigration(() -> FcnMigrations.migrate(database.dataSource()));
        TsqlGuardListener guard = new TsqlGuardListener();
        FcnPersistence fcn = FcnPersistence.builder(database.dataSource()).clock(clock).observer(metrics)
                .executeListener(guard).build();

        // repository calls: success, a typed failure, a nested call not counted apart
        FcnTestData.aTemplate().withTemplateId("TPL-M").create(fcn);
        FcnTestData.aTrade().withTemplateId("TPL-M").book(fcn);
        assertThrows(NotFoundException.class, () -> fcn.templates().get("TPL-NONE"));
        assertThrows(ValidationException.class, () -> fcn.templates().get(""));
        assertEquals(1, timerCount("template", "create", "success"));
        assertEquals(1, timerCount("trade", "book", "success"));
        assertEquals(1, timerCount("template", "get", "NotFoundException"));
        assertEquals(1, timerCount("template", "get", "ValidationException"));
        assertTrue(registry.find(FcnMetrics.OPERATION).timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)
                > 0);

        // idempotency claims: each outcome
        ClaimBuilder first = FcnTestData.aClaim().withKey("key-1").withLease(Duration.ofSeconds(30));
        ClaimOutcome.Claimed claimed = first.claimed(fcn);
        assertInstanceOf(ClaimOutcome.InProgress.class, first.claim(fcn));
        fcn.idempotency().complete(claimed.token(), 201, "{}");
        assertInstanceOf(ClaimOutcome.Replay.class, first.claim(fcn));
        assertInstanceOf(ClaimOutcome.Conflict.class,
                FcnTestData.aClaim().withKey("key-1").withBody("{\"other\": true}").claim(fcn));
        ClaimBuilder second = FcnTestData.aClaim().withKey("key-2").withLease(Duration.ofSeconds(30))
                .withTtl(Duration.ofMinutes(10));
        second.claimed(fcn);
        clock.advance(Duration.ofMinutes(1)); // the lease expired, the key did not
        assertInstanceOf(ClaimOutcome.Claimed.class, second.claim(fcn));
        assertEquals(2, claims("claimed"), "key-1 and key-2 at first");
        assertEquals(1, claims("taken_over"));
        assertEquals(1, claims("in_progress"));
        assertEquals(1, claims("replay"));
        assertEquals(1, claims("conflict"));
        assertEquals(6, timerCount("idempotency", "claim", "success"));

        // purge: key-2 expires after 10 minutes, key-1 after the claim builder's default of 24 hours
        clock.advance(Duration.ofHours(1));
        assertEquals(1, fcn.idempotency().purgeExpired(fcn.now(), 100));
        assertEquals(1.0, registry.get(FcnMetrics.PURGED).tag("what", "idempotency_keys").counter().count());

        // migration and drift
        assertEquals(1, registry.get(FcnMetrics.MIGRATION).tag("outcome", "success").timer().count());
        DriftReport report = DriftCheck.of(database.dataSource()).run();
        metrics.driftFindings(report.errors(), report.warnings());
        assertEquals(0.0, registry.get(FcnMetrics.DRIFT_FINDINGS).tag("severity", "error").gauge().value());
        metrics.driftFindings(3, 2);
        assertEquals(3.0, registry.get(FcnMetrics.DRIFT_FINDINGS).tag("severity", "error").gauge().value());
        assertEquals(2.0, registry.get(FcnMetrics.DRIFT_FINDINGS).tag("severity", "warning").gauge().value());
        assertTrue(!guard.executed().isEmpty());
    }

    @Test
    void tagValuesComeFromAClosedSet() {
        FcnMigrations.migrate(database.dataSource());
        FcnPersistence fcn = FcnPersistence.builder(database.dataSource()).meterRegistry(registry).build();
        FcnTestData.aTemplate().withTemplateId("TPL-SECRET-ID").create(fcn);
        assertThrows(NotFoundException.class, () -> fcn.trades().get("TRD-SECRET-ID"));
        FcnTestData.aClaim().withKey("secret-key").claim(fcn);

        Set<String> values = registry.getMeters().stream().map(Meter::getId)
                .flatMap(id -> id.getTags().stream()).map(t -> t.getValue()).collect(Collectors.toSet());
        assertEquals(Set.of("template", "trade", "idempotency", "create", "get", "claim", "success",
                "NotFoundException", "claimed"), values, "names and outcomes, never keys or ids");
    }

    @Test
    void withoutSpring() {
        javax.sql.DataSource dataSource = database.dataSource();
        // snippet: metrics-without-spring
        FcnMetrics metrics = new FcnMetrics(registry);                      // any Micrometer MeterRegistry
        metrics.timeMigration(() -> FcnMigrations.migrate(dataSource));    // fcn.persistence.migration
        FcnPersistence fcn = FcnPersistence.builder(dataSource).observer(metrics).build();
        // end snippet
        FcnTestData.aTemplate().create(fcn);
        assertEquals(1, registry.get(FcnMetrics.MIGRATION).timer().count());
        assertEquals(1, timerCount("template", "create", "success"));
    }

    @Test
    void aFailedMigrationIsTimedAsAFailure() {
        FcnMetrics metrics = new FcnMetrics(registry);
        assertThrows(RuntimeException.class, () -> metrics.timeMigration(() -> {
            throw new IllegalStateException("the migration failed");
        }));
        assertEquals(1, registry.get(FcnMetrics.MIGRATION).tag("outcome", "failure").timer().count());
        assertNull(registry.find(FcnMetrics.MIGRATION).tag("outcome", "success").timer());
    }
}
