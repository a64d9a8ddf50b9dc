package io.fcn.persistence.migration;

import java.util.List;

/**
 * What {@code info} reports: the current version (null for an empty history) and every migration, in order.
 *
 * @param currentVersion the latest applied version that did not fail (a failed migration is never current), or
 *                       null when there is none
 * @param migrations     every migration, in version order
 */
public record MigrationStatus(String currentVersion, List<MigrationEntry> migrations) {

    /**
     * The status.
     * @param currentVersion the latest applied version, or null for an empty history
     * @param migrations every migration, in version order; copied
     */
    public MigrationStatus {
        migrations = List.copyOf(migrations);
    }

    /** {@return the migrations not applied yet, in order} */
    public List<MigrationEntry> pending() {
        return migrations.stream().filter(MigrationEntry::pending).toList();
    }

    /** {@return the migrations recorded as failed, in order} */
    public List<MigrationEntry> failed() {
        return migrations.stream().filter(MigrationEntry::failed).toList();
    }

    /** {@return whether any migration failed} */
    public boolean hasFailed() {
        return migrations.stream().anyMatch(MigrationEntry::failed);
    }
}
