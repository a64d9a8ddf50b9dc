package io.fcn.persistence.retry;

import java.time.Duration;
import java.util.Objects;

import io.fcn.persistence.exceptions.CommitOutcomeUnknownException;
import io.fcn.persistence.exceptions.FcnPersistenceException;
import io.fcn.persistence.exceptions.TransactionRolledBackException;
import io.fcn.persistence.exceptions.ValidationException;

/**
 * How often and how far apart {@link Retry} tries: at most {@link #maxAttempts()} attempts (the first included);
 * before attempt {@code n + 1} it waits {@code min(maxBackoff, initialBackoff * 2^(n-1))}, scaled by a random factor
 * between 0.5 and 1 (jitter, so that clients that failed together do not retry together). Immutable.
 *
 * @param maxAttempts the most attempts, the first included (1: no retry)
 * @param initialBackoff the wait before the second attempt, before jitter
 * @param maxBackoff the longest wait, before jitter
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /**
     * A policy; validated.
     * @param maxAttempts the most attempts, the first included, 1 to 100
     * @param initialBackoff the wait before the second attempt, before jitter
     * @param maxBackoff the longest wait, before jitter, not shorter than {@code initialBackoff}
     * @throws ValidationException when {@code maxAttempts} is below 1 or above 100, a backoff is negative, or
     *         {@code maxBackoff} is shorter than {@code initialBackoff}
     */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new ValidationException("max_attempts", "must be between 1 and 100, got " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative()) {
            throw new ValidationException("initial_backoff", "must not be negative, got " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new ValidationException("max_backoff", "must not be shorter than initial_backoff ("
                    + initialBackoff + "), got " + maxBackoff);
        }
    }

    /** {@return 5 attempts, 50 ms doubling up to 2 s: about 1.5 s of waiting at most, for deadlocks and failovers} */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    /**
     * This policy with another bound on attempts.
     * @param attempts the most attempts, the first included
     * @return the new policy
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff);
    }

    /**
     * This policy with other backoff bounds.
     * @param initial the wait before the second attempt
     * @param max the longest wait
     * @return the new policy
     */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max);
    }

    /**
     * The wait after failed attempt {@code attempt}, with the jitter drawn as {@code random}.
     * @param attempt the attempt that failed, from 1
     * @param random a number in [0, 1)
     * @return the wait before the next attempt
     */
    public Duration backoff(int attempt, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt " + attempt);
        }
        long initial = initialBackoff.toNanos();
        long max = maxBackoff.toNanos();
        long base = initial;
        for (int i = 1; i < attempt && base < max; i++) {
            base = base > max / 2 ? max : base * 2;
        }
        base = Math.min(base, max);
        double factor = 0.5 + 0.5 * Math.min(Math.max(random, 0.0), 1.0);
        return Duration.ofNanos((long) (base * factor));
    }

    /**
     * Whether {@code failure} may be retried: a library error with {@link FcnPersistenceException#isRetryable()}
     * (deadlock victim, lock or query timeout, a lost connection, a failover), or a transaction rolled back because
     * of such a failure that the work caught. Never an unknown commit outcome, never anything else.
     * @param failure what the attempt threw
     * @return whether another attempt may succeed
     */
    public static boolean isRetryable(Throwable failure) {
        if (failure instanceof CommitOutcomeUnknownException) {
            return false;
        }
        if (failure instanceof TransactionRolledBackException rolledBack) {
            return rolledBack.getCause() instanceof FcnPersistenceException inner && inner.isRetryable();
        }
        return failure instanceof FcnPersistenceException f && f.isRetryable();
    }
}
