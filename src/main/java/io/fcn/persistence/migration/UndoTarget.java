package io.fcn.persistence.migration;

import org.flywaydb.core.api.MigrationVersion;

/** How far {@code undo} goes: a number of steps, down to a version (which stays applied), or to an empty schema. */
public sealed interface UndoTarget {

    /**
     * Undoes the latest {@code n} applied migrations.
     *
     * @param n how many, at least 1
     */
    record Steps(int n) implements UndoTarget {
        /**
         * A number of steps, checked.
         * @param n how many, at least 1
         * @throws IllegalArgumentException when {@code n} is below 1
         */
        public Steps {
            if (n < 1) {
                throw new IllegalArgumentException("steps must be at least 1, got " + n);
            }
        }
    }

    /**
     * Undoes every applied migration above {@code version}; {@code version} itself stays applied.
     *
     * @param version the version to keep applied
     */
    record Version(String version) implements UndoTarget {
        /**
         * A version, checked.
         * @param version the version to keep applied
         * @throws org.flywaydb.core.api.FlywayException when it is not a version
         */
        public Version {
            MigrationVersion.fromVersion(version);
        }
    }

    /** Undoes every applied migration. */
    record Base() implements UndoTarget {
    }

    /**
     * The latest {@code n} applied migrations.
     * @param n how many, at least 1
     * @return the target
     */
    static UndoTarget steps(int n) {
        return new Steps(n);
    }

    /**
     * Every applied migration above {@code version}, which stays applied.
     * @param version the version to keep
     * @return the target
     */
    static UndoTarget toVersion(String version) {
        return new Version(version);
    }

    /** {@return every applied migration, down to an empty schema} */
    static UndoTarget toBase() {
        return new Base();
    }
}
