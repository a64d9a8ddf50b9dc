package io.fcn.persistence.retry;

import java.time.Duration;

import io.fcn.persistence.exceptions.FcnPersistenceException;

/** Told of every retry {@link Retry} decides on (for logs and metrics); called on the retrying thread. */
@FunctionalInterface
public interface RetryListener {

    /** Ignores every retry. */
    RetryListener NONE = (attempt, failure, delay) -> { };

    /**
     * Attempt {@code attempt} failed with {@code failure}; the next starts after {@code delay}.
     * @param attempt the attempt that failed, from 1
     * @param failure why it failed (retryable)
     * @param delay the wait before the next attempt
     */
    void retrying(int attempt, FcnPersistenceException failure, Duration delay);
}
