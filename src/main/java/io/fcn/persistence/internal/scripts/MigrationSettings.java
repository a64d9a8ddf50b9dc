package io.fcn.persistence.internal.scripts;

import java.time.Duration;

import io.fcn.persistence.exceptions.MisuseException;

/**
 * How the library migrates: the lock timeout every migration connection runs with, and (a test hook) the server
 * traits the marked statements are rewritten for, instead of the ones read from the database.
 */
public record MigrationSettings(Duration lockTimeout, ServerTraits forcedTraits) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    public static final MigrationSettings DEFAULTS = new MigrationSettings(DEFAULT_LOCK_TIMEOUT, null);

    public MigrationSettings {
        if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new MisuseException("lockTimeout must be between 0 and " + Integer.MAX_VALUE
                    + " ms, got " + lockTimeout);
        }
    }

    public int lockTimeoutMillis() {
        return (int) lockTimeout.toMillis();
    }

    public MigrationSettings withLockTimeout(Duration timeout) {
        return new MigrationSettings(timeout, forcedTraits);
    }

    public MigrationSettings withTraits(ServerTraits traits) {
        return new MigrationSettings(lockTimeout, traits);
    }
}
