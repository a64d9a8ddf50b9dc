package io.fcn.persistence.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.exceptions.CommitOutcomeUnknownException;
import io.fcn.persistence.exceptions.DatabaseException;
import io.fcn.persistence.exceptions.MisuseException;
import io.fcn.persistence.exceptions.TransactionRolledBackException;
import io.fcn.persistence.exceptions.TransientDatabaseException;
import io.fcn.persistence.exceptions.TransientDatabaseException.Reason;
import io.fcn.persistence.exceptions.ValidationException;

/**
 * The retry helper's decisions, with a unit of work that fails as told and a sleeper that records instead of
 * waiting: no time passes in these tests. The transactions are real (an empty in-memory database).
 */
class RetryTest {

    private static EmbeddedDatabase database;
    private static FcnPersistence fcn;

    private final List<Duration> waits = new ArrayList<>();
    private final List<Integer> retried = new ArrayList<>();

    @BeforeAll
    static void open() {
        database = EmbeddedDatabase.inMemory();
        fcn = FcnPersistence.builder(database.dataSource()).build();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private Retry retry(double jitter) {
        return Retry.of(fcn).policy(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(300)))
                .sleeper(waits::add).jitter(() -> jitter)
                .listener((attempt, failure, delay) -> retried.add(attempt));
    }

    private static TransientDatabaseException transientFailure(Reason reason, int code) {
        return new TransientDatabaseException(reason, new SQLException("withheld", "40001", code));
    }

    /** Fails with {@code failures} in turn, then answers "done"; counts its runs and whether each was in a transaction. */
    private static final class FailingWork implements Supplier<String> {
        final List<RuntimeException> failures;
        final AtomicInteger runs = new AtomicInteger();
        final List<Boolean> inTransaction = new ArrayList<>();

        FailingWork(RuntimeException... failures) {
            this.failures = List.of(failures);
        }

        @Override
        public String get() {
            inTransaction.add(fcn.inTransaction());
            int run = runs.getAndIncrement();
            if (run < failures.size()) {
                throw failures.get(run);
            }
            return "done";
        }
    }

    @Test
    void retriesRetryableFailuresEachInANewTransactionWithExponentialBackoff() {
        FailingWork work = new FailingWork(transientFailure(Reason.DEADLOCK, 1205),
                transientFailure(Reason.LOCK_TIMEOUT, 1222), transientFailure(Reason.CONNECTION_LOST, 0));

        assertEquals("done", retry(1.0).inTransaction(work));

        assertEquals(4, work.runs.get());
        assertEquals(List.of(true, true, true, true), work.inTransaction);
        assertEquals(List.of(1, 2, 3), retried);
        // 100 ms doubling, capped at 300 ms; jitter 1.0 keeps the full wait
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300)), waits);
    }

    @Test
    void jitterScalesEachWaitBetweenHalfAndAll() {
        FailingWork work = new FailingWork(transientFailure(Reason.DEADLOCK, 1205),
                transientFailure(Reason.DEADLOCK, 1205));

        retry(0.0).inTransaction(work);

        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), waits);
        RetryPolicy policy = RetryPolicy.defaults();
        assertEquals(Duration.ofMillis(50).multipliedBy(3).dividedBy(4), policy.backoff(1, 0.5), "50 ms × 0.75");
        assertEquals(Duration.ofSeconds(2), policy.backoff(30, 1.0), "capped, no overflow after many attempts");
    }

    @Test
    void stopsAfterTheLastAttemptAndThrowsItsFailureWithTheEarlierOnesAttached() {
        TransientDatabaseException last = transientFailure(Reason.FAILOVER, 40613);
        FailingWork work = new FailingWork(transientFailure(Reason.DEADLOCK, 1205),
                transientFailure(Reason.DEADLOCK, 1205), transientFailure(Reason.DEADLOCK, 1205), last);

        TransientDatabaseException thrown = assertThrows(TransientDatabaseException.class,
                () -> retry(1.0).inTransaction(work));

        assertSame(last, thrown);
        assertEquals(4, work.runs.get());
        assertEquals(3, waits.size(), "no wait after the last attempt");
        assertEquals(1, thrown.getSuppressed().length);
        assertEquals(Reason.DEADLOCK, ((TransientDatabaseException) thrown.getSuppressed()[0]).reason());
    }

    @Test
    void neverRetriesAFailureThatIsNotRetryable() {
        for (RuntimeException failure : List.of(new ValidationException("notional", "must be positive"),
                new DatabaseException("Database error 547", "23000", 547, null),
                new IllegalStateException("a bug"))) {
            FailingWork work = new FailingWork(failure);
            assertSame(failure, assertThrows(RuntimeException.class, () -> retry(1.0).inTransaction(work)));
            assertEquals(1, work.runs.get(), failure.toString());
        }
        assertTrue(waits.isEmpty());
    }

    @Test
    void neverRetriesAnUnknownCommitOutcome() {
        CommitOutcomeUnknownException unknown = new CommitOutcomeUnknownException(new SQLException("x", "08S01"));
        FailingWork work = new FailingWork(unknown);

        assertSame(unknown, assertThrows(CommitOutcomeUnknownException.class, () -> retry(1.0).inTransaction(work)));

        assertEquals(1, work.runs.get());
        assertFalse(unknown.isRetryable());
        assertFalse(RetryPolicy.isRetryable(unknown));
        assertTrue(waits.isEmpty());
    }

    @Test
    void retriesATransactionRolledBackForATransientFailureTheWorkCaught() {
        FailingWork work = new FailingWork(new TransactionRolledBackException(
                transientFailure(Reason.DEADLOCK, 1205)));

        assertEquals("done", retry(1.0).inTransaction(work));
        assertEquals(2, work.runs.get());
        assertFalse(RetryPolicy.isRetryable(new TransactionRolledBackException(
                new ValidationException("notional", "must be positive"))));
    }

    @Test
    void retriesAnIdempotentCallOutsideATransaction() {
        FailingWork call = new FailingWork(transientFailure(Reason.CONNECTION_LOST, 0));

        assertEquals("done", retry(1.0).idempotent(call));

        assertEquals(List.of(false, false), call.inTransaction);
    }

    @Test
    void refusesToRunInsideATransaction() {
        FailingWork work = new FailingWork();

        MisuseException e = assertThrows(MisuseException.class,
                () -> fcn.inTransaction(() -> retry(1.0).inTransaction(work)));
        assertThrows(MisuseException.class, () -> fcn.inTransaction(() -> retry(1.0).idempotent(work)));

        assertTrue(e.getMessage().contains("outside inTransaction"), e.getMessage());
        assertEquals(0, work.runs.get());
    }

    @Test
    void anInterruptedWaitEndsTheRetriesWithTheFailure() {
        TransientDatabaseException failure = transientFailure(Reason.DEADLOCK, 1205);
        FailingWork work = new FailingWork(failure);
        Retry interrupted = retry(1.0).sleeper(delay -> {
            throw new InterruptedException();
        });

        assertSame(failure, assertThrows(TransientDatabaseException.class, () -> interrupted.inTransaction(work)));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertEquals(1, work.runs.get());
    }

    @Test
    void aPolicyOutsideItsBoundsIsAValidationError() {
        assertEquals("max_attempts", assertThrows(ValidationException.class,
                () -> RetryPolicy.defaults().withMaxAttempts(0)).field());
        assertEquals("max_backoff", assertThrows(ValidationException.class,
                () -> RetryPolicy.defaults().withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).field());
        assertEquals("initial_backoff", assertThrows(ValidationException.class,
                () -> RetryPolicy.defaults().withBackoff(Duration.ofMillis(-1), Duration.ofSeconds(1))).field());
    }
}
