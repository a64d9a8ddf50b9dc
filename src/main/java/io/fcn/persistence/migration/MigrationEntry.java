package io.fcn.persistence.migration;

import java.time.Instant;

/**
 * One line of {@code info}: a migration the jar (or the project directory) carries, the database has applied, or
 * both.
 *
 * @param version         the migration version, e.g. {@code 20251022.0001}; null when Flyway gives none
 * @param description     the description from the file name
 * @param type            Flyway's migration type, e.g. {@code SQL}
 * @param state           Flyway's state: {@code Success}, {@code Pending}, {@code Failed}, {@code Baseline},
 *                        {@code Future} (applied, unknown to this jar) …
 * @param installedOn     null while pending
 * @param checksum        the applied checksum, else the resolved one; null for a baseline
 * @param executionMillis null while pending
 * @param rollback        {@code yes}, {@code irreversible: <reason>} or {@code missing}
 */
public record MigrationEntry(String version, String description, String type, String state, Instant installedOn,
        Integer checksum, Integer executionMillis, String rollback) {

    /** {@return whether the migration is not applied yet} */
    public boolean pending() {
        return "Pending".equalsIgnoreCase(state);
    }

    /** {@return whether the migration failed (Flyway's {@code Failed} states)} */
    public boolean failed() {
        return state.toLowerCase(java.util.Locale.ROOT).contains("failed");
    }
}
