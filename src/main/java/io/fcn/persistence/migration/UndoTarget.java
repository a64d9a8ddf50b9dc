package io.fcn.persistence.migration;

import org.flywaydb.core.api.MigrationVersion;

/** How far {@code undo} goes: a number of steps, down to a version (which stays applied), or to an empty schema. */
public sealed interface UndoTarget {

    /** Undoes the latest {@code n} applied migrations. */
    record Steps(int n) implements UndoTarget {
        public Steps {
            if (n < 1) {
                throw new IllegalArgumentException("steps must be at least 1, got " + n);
            }
        }
    }

    /** Undoes every applied migration above {@code version}; {@code version} itself stays applied. */
    record Version(String version) implements UndoTarget {
        public Version {
            MigrationVersion.fromVersion(version);
        }
    }

    /** Undoes every applied migration. */
    record Base() implements UndoTarget {
    }

    static UndoTarget steps(int n) {
        return new Steps(n);
    }

    static UndoTarget toVersion(String version) {
        return new Version(version);
    }

    static UndoTarget toBase() {
        return new Base();
    }
}
