package io.fcn.persistence.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.FcnPersistenceException;
import io.fcn.persistence.exceptions.MisuseException;

/**
 * Runs a unit of work again when it failed for a transient reason, under a {@link RetryPolicy}.
 *
 * <pre>{@code
 * Retry retry = Retry.of(fcn);                              // RetryPolicy.defaults()
 * Trade trade = retry.inTransaction(() -> fcn.trades().book(newTrade));
 * }</pre>
 *
 * <ul>
 * <li>{@link #inTransaction(Supplier)} runs the work in its own transaction each time: a failed attempt rolled back
 * completely, so running it again is safe. It retries only {@link RetryPolicy#isRetryable retryable} failures
 * (deadlock victim 1205, lock timeout 1222, query timeout, a connection lost before the commit, SQL Server's
 * failover errors); a connection lost during the commit ({@code CommitOutcomeUnknownException}) is thrown at once:
 * the transaction may have committed.</li>
 * <li>{@link #idempotent(Supplier)} is for a call outside a transaction that the caller knows to be idempotent (a
 * read, a claim with a request id): an auto-committed write whose connection broke may have committed, so a call
 * that is not idempotent is never retried outside a transaction.</li>
 * <li>Neither runs inside another transaction (they could not roll it back): a {@link MisuseException}.</li>
 * </ul>
 * After the last attempt the last failure is thrown, the earlier ones attached as suppressed. Immutable and
 * thread-safe.
 */
public final class Retry {

    private final FcnPersistence fcn;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final RetryListener listener;

    private Retry(FcnPersistence fcn, RetryPolicy policy, Sleeper sleeper, DoubleSupplier random,
            RetryListener listener) {
        this.fcn = Objects.requireNonNull(fcn, "fcn");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Retries over {@code fcn} with {@link RetryPolicy#defaults()}.
     * @param fcn the entry point whose transactions it runs
     * @return the retry helper
     */
    public static Retry of(FcnPersistence fcn) {
        return new Retry(fcn, RetryPolicy.defaults(), Sleeper.THREAD_SLEEP,
                () -> ThreadLocalRandom.current().nextDouble(), RetryListener.NONE);
    }

    /**
     * This helper with another policy.
     * @param newPolicy the policy
     * @return the new helper
     */
    public Retry policy(RetryPolicy newPolicy) {
        return new Retry(fcn, newPolicy, sleeper, random, listener);
    }

    /**
     * This helper waiting with {@code newSleeper} (tests record the waits instead of sleeping).
     * @param newSleeper how to wait
     * @return the new helper
     */
    public Retry sleeper(Sleeper newSleeper) {
        return new Retry(fcn, policy, newSleeper, random, listener);
    }

    /**
     * This helper drawing its jitter from {@code newRandom} (numbers in [0, 1)).
     * @param newRandom the jitter source
     * @return the new helper
     */
    public Retry jitter(DoubleSupplier newRandom) {
        return new Retry(fcn, policy, sleeper, newRandom, listener);
    }

    /**
     * This helper telling {@code newListener} of every retry.
     * @param newListener the listener
     * @return the new helper
     */
    public Retry listener(RetryListener newListener) {
        return new Retry(fcn, policy, sleeper, random, newListener);
    }

    /** {@return the policy} */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code work} in one transaction ({@link FcnPersistence#inTransaction(Supplier)}), again after a
     * retryable failure, up to the policy's attempts.
     * @param <T> the work's result type
     * @param work the work; it runs once per attempt, so it must not keep effects outside the transaction
     * @return what the successful attempt returned
     * @throws MisuseException when called inside a transaction
     * @throws RuntimeException the failure of the last attempt, or the first one that is not retryable
     */
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return attempts(() -> fcn.inTransaction(work));
    }

    /**
     * {@link #inTransaction(Supplier)} for work without a result.
     * @param work the work
     */
    public void inTransaction(Runnable work) {
        Objects.requireNonNull(work, "work");
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code call}, outside any transaction, again after a retryable failure: only for calls that are
     * idempotent, whose repetition after an unknown outcome does no harm (reads; a claim with a request id,
     * {@code IdempotencyRepository.claim(key, request, ttl, lease, requestId)}).
     * @param <T> the call's result type
     * @param call the idempotent call
     * @return what the successful attempt returned
     * @throws MisuseException when called inside a transaction
     * @throws RuntimeException the failure of the last attempt, or the first one that is not retryable
     */
    public <T> T idempotent(Supplier<T> call) {
        Objects.requireNonNull(call, "call");
        return attempts(call);
    }

    private <T> T attempts(Supplier<T> attempt) {
        if (fcn.inTransaction()) {
            throw new MisuseException("Retry cannot run inside a transaction: a failed attempt would leave the outer"
                    + " transaction rollback-only; call it outside inTransaction(...)");
        }
        RuntimeException previous = null; // each failure carries the one before it as suppressed
        for (int n = 1;; n++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (previous != null && e != previous) {
                    e.addSuppressed(previous);
                }
                if (n >= policy.maxAttempts() || !RetryPolicy.isRetryable(e)) {
                    throw e;
                }
                previous = e;
                Duration delay = policy.backoff(n, random.getAsDouble());
                listener.retrying(n, (FcnPersistenceException) e, delay);
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
