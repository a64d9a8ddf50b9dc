package io.fcn.persistence.retry;

import java.time.Duration;

/** How {@link Retry} waits between attempts: {@link Thread#sleep(long, int)} by default, a recorder in tests. */
@FunctionalInterface
public interface Sleeper {

    /** Waits with {@link Thread#sleep(long, int)}. */
    Sleeper THREAD_SLEEP = delay -> Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));

    /**
     * Waits for {@code delay}.
     * @param delay how long
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration delay) throws InterruptedException;
}
