package io.fcn.persistence.internal.scripts;

import java.util.Comparator;

import org.flywaydb.core.api.MigrationVersion;

/** Version strings ({@code 20251022.0001}) ordered as Flyway orders them. */
public final class MigrationVersions {

    public static final Comparator<String> ORDER = Comparator.comparing(MigrationVersion::fromVersion);

    private MigrationVersions() {
    }
}
