package io.fcn.persistence.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The library's meters in a Micrometer {@link MeterRegistry} (Micrometer is an optional dependency):
 *
 * <ul>
 * <li>{@value #OPERATION} (timer): each public repository call, tags {@code repository}, {@code operation},
 *     {@code outcome};</li>
 * <li>{@value #IDEMPOTENCY_CLAIMS} (counter): claim answers, tag {@code outcome};</li>
 * <li>{@value #PURGED} (counter): rows purged, tag {@code what};</li>
 * <li>{@value #MIGRATION} (timer): the library's migration runs, tag {@code outcome} ({@code success} or
 *     {@code failure});</li>
 * <li>{@value #DRIFT_FINDINGS} (gauge): findings of the last drift check, tag {@code severity} ({@code error},
 *     {@code warning}).</li>
 * </ul>
 *
 * Without Spring: {@code FcnPersistence.builder(dataSource).meterRegistry(registry)}, or
 * {@code .observer(new FcnMetrics(registry))} to share one instance with {@link #timeMigration} and
 * {@link #driftFindings}. Meters are registered on first use and looked up without allocating afterwards.
 */
public final class FcnMetrics implements PersistenceObserver {

    /** The timer of repository calls. */
    public static final String OPERATION = "fcn.persistence.operation";
    /** The counter of idempotency claim outcomes. */
    public static final String IDEMPOTENCY_CLAIMS = "fcn.persistence.idempotency.claims";
    /** The counter of purged rows. */
    public static final String PURGED = "fcn.persistence.purged";
    /** The timer of migration runs. */
    public static final String MIGRATION = "fcn.persistence.migration";
    /** The gauge of the last drift check's findings. */
    public static final String DRIFT_FINDINGS = "fcn.persistence.drift.findings";

    private final MeterRegistry registry;
    // repository -> operation -> outcome: three lookups by String, no key object per call
    private final ConcurrentMap<String, ConcurrentMap<String, ConcurrentMap<String, Timer>>> timers =
            new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> claims = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> purges = new ConcurrentHashMap<>();
    private final AtomicLong driftErrors = new AtomicLong();
    private final AtomicLong driftWarnings = new AtomicLong();
    private volatile boolean driftGauges;

    /**
     * Meters in {@code registry}.
     * @param registry where the meters go
     */
    public FcnMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** {@return the registry the meters are in} */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void operation(String repository, String operation, String outcome, long nanos) {
        // get() before computeIfAbsent: a capturing lambda would allocate on every call
        ConcurrentMap<String, ConcurrentMap<String, Timer>> byOperation = timers.get(repository);
        if (byOperation == null) {
            byOperation = timers.computeIfAbsent(repository, r -> new ConcurrentHashMap<>());
        }
        ConcurrentMap<String, Timer> byOutcome = byOperation.get(operation);
        if (byOutcome == null) {
            byOutcome = byOperation.computeIfAbsent(operation, o -> new ConcurrentHashMap<>());
        }
        Timer timer = byOutcome.get(outcome);
        if (timer == null) {
            timer = byOutcome.computeIfAbsent(outcome, o -> Timer.builder(OPERATION)
                    .description("Public repository calls of fcn-persistence")
                    .tags("repository", repository, "operation", operation, "outcome", o)
                    .register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void idempotencyClaim(String outcome) {
        Counter counter = claims.get(outcome);
        if (counter == null) {
            counter = claims.computeIfAbsent(outcome, o -> Counter.builder(IDEMPOTENCY_CLAIMS)
                    .description("Idempotency claims by outcome").tag("outcome", o).register(registry));
        }
        counter.increment();
    }

    @Override
    public void purged(String what, int count) {
        Counter counter = purges.get(what);
        if (counter == null) {
            counter = purges.computeIfAbsent(what, w -> Counter.builder(PURGED)
                    .description("Rows purged by fcn-persistence").tag("what", w).register(registry));
        }
        counter.increment(count);
    }

    /**
     * Records one migration run.
     * @param duration how long it took
     * @param success whether it succeeded
     */
    public void migration(Duration duration, boolean success) {
        Timer.builder(MIGRATION).description("Runs of fcn-persistence's migrations")
                .tag("outcome", success ? SUCCESS : "failure").register(registry).record(duration);
    }

    /**
     * Runs {@code migration} (e.g. {@code () -> FcnMigrations.migrate(dataSource)}) and records its duration.
     * @param <T> what the migration returns
     * @param migration the migration run
     * @return what it returned
     */
    public <T> T timeMigration(java.util.function.Supplier<T> migration) {
        long start = System.nanoTime();
        boolean success = false;
        try {
            T result = migration.get();
            success = true;
            return result;
        } finally {
            migration(Duration.ofNanos(System.nanoTime() - start), success);
        }
    }

    /**
     * The findings of the latest drift check (e.g. {@code report.errors(), report.warnings()}), shown by the
     * {@value #DRIFT_FINDINGS} gauge until the next check.
     * @param errors findings of severity ERROR
     * @param warnings findings of severity WARNING
     */
    public void driftFindings(long errors, long warnings) {
        driftErrors.set(errors);
        driftWarnings.set(warnings);
        if (!driftGauges) {
            synchronized (this) {
                if (!driftGauges) {
                    for (Map.Entry<String, AtomicLong> e : Map.of("error", driftErrors, "warning", driftWarnings)
                            .entrySet()) {
                        Gauge.builder(DRIFT_FINDINGS, e.getValue(), AtomicLong::doubleValue)
                                .description("Findings of the last fcn-persistence drift check")
                                .tag("severity", e.getKey()).strongReference(true).register(registry);
                    }
                    driftGauges = true;
                }
            }
        }
    }
}
