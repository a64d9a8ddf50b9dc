package io.fcn.persistence.migration;

import java.util.List;

/** What {@code info} reports: the current version (null for an empty history) and every migration, in order. */
public record MigrationStatus(String currentVersion, List<MigrationEntry> migrations) {

    public MigrationStatus {
        migrations = List.copyOf(migrations);
    }

    public List<MigrationEntry> pending() {
        return migrations.stream().filter(MigrationEntry::pending).toList();
    }

    public boolean hasFailed() {
        return migrations.stream().anyMatch(MigrationEntry::failed);
    }
}
