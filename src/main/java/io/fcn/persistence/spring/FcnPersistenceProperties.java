package io.fcn.persistence.spring;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code fcn.persistence.*} properties. An unknown name under the prefix, or a value that does not convert,
 * fails start-up naming the property.
 */
@ConfigurationProperties(prefix = "fcn.persistence", ignoreUnknownFields = false)
public class FcnPersistenceProperties {

    /** What the start-up drift check does with its findings. */
    public enum DriftCheckMode {
        /** Errors fail start-up with the text report; warnings, and a database newer than the jar, are logged. */
        FAIL,
        /** Every finding is logged as a warning; start-up goes on. */
        WARN,
        /** No check at start-up (the health indicator still checks). */
        OFF
    }

    /** Whether to apply the library's migrations at start-up, before the service's own Flyway migrations. */
    private boolean migrate = true;

    /** The start-up drift check of the library's tables against this jar's latest schema. */
    private DriftCheckMode driftCheck = DriftCheckMode.FAIL;

    private final Health health = new Health();

    /** Creates the properties with their defaults. */
    public FcnPersistenceProperties() {
    }

    /** {@return whether the library's migrations run at start-up} */
    public boolean isMigrate() {
        return migrate;
    }

    /**
     * Whether the library's migrations run at start-up (default true).
     * @param migrate true to migrate
     */
    public void setMigrate(boolean migrate) {
        this.migrate = migrate;
    }

    /** {@return what the start-up drift check does} */
    public DriftCheckMode getDriftCheck() {
        return driftCheck;
    }

    /**
     * What the start-up drift check does (default {@code fail}).
     * @param driftCheck fail, warn or off
     */
    public void setDriftCheck(DriftCheckMode driftCheck) {
        this.driftCheck = Objects.requireNonNull(driftCheck, "drift-check");
    }

    /** {@return the health indicator's properties} */
    public Health getHealth() {
        return health;
    }

    /** The {@code fcn.persistence.health.*} properties of the {@code fcnSchema} health indicator. */
    public static class Health {

        /**
         * How long the health indicator answers from its last check before it reads the catalog again.
         */
        private Duration refreshInterval = Duration.ofSeconds(30);

        /** Creates the properties with their defaults. */
        public Health() {
        }

        /** {@return how long a check's answer is reused} */
        public Duration getRefreshInterval() {
            return refreshInterval;
        }

        /**
         * How long a check's answer is reused (default 30s); zero checks on every call.
         * @param refreshInterval the interval, not negative
         * @throws IllegalArgumentException when negative
         */
        public void setRefreshInterval(Duration refreshInterval) {
            if (refreshInterval == null || refreshInterval.isNegative()) {
                throw new IllegalArgumentException("must be zero or positive, got " + refreshInterval);
            }
            this.refreshInterval = refreshInterval;
        }
    }
}
