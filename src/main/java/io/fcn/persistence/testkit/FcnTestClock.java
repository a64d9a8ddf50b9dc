package io.fcn.persistence.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The clock of the {@code FcnPersistence} a {@link FcnDatabaseTest} provides: it stands still at {@link #START}
 * (reset before every test) until a test moves it, so every timestamp the library writes is known in advance.
 */
public final class FcnTestClock extends Clock {

    /** Where the clock stands at the start of every test. */
    public static final Instant START = Instant.parse("2026-01-15T09:30:00Z");

    private volatile Instant now;

    /** A clock at {@link #START}. */
    public FcnTestClock() {
        this(START);
    }

    /**
     * A clock at {@code start}.
     * @param start where it stands
     */
    public FcnTestClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     * @param duration how far
     * @return this clock
     */
    public FcnTestClock advance(Duration duration) {
        now = now.plus(Objects.requireNonNull(duration, "duration"));
        return this;
    }

    /**
     * Puts the clock at {@code instant}.
     * @param instant the new time
     * @return this clock
     */
    public FcnTestClock set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
        return this;
    }

    /**
     * Back to {@link #START}.
     * @return this clock
     */
    public FcnTestClock reset() {
        return set(START);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The library works in UTC; the zone is ignored and the clock stays the same (shared) one. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
