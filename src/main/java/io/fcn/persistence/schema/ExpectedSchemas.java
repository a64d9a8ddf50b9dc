package io.fcn.persistence.schema;

import java.util.List;

import io.fcn.persistence.migration.MigrationScripts;

/**
 * The expected schema of each migration version, as the build derived it from the migration files and shipped it
 * in the jar ({@code fcn-persistence/schema/<version>.json}, see {@link SnapshotWriter}).
 */
public final class ExpectedSchemas {

    /** Classpath folder of the snapshots. */
    public static final String FOLDER = "fcn-persistence/schema";

    private ExpectedSchemas() {
    }

    /** The expected schema after migration {@code version} (e.g. {@code 20251022.0001}) of this jar. */
    public static SchemaModel forVersion(String version) {
        if (!versions().contains(version)) {
            throw new IllegalArgumentException("No migration version " + version + " in this jar; it has "
                    + versions());
        }
        return SchemaJson.read(MigrationScripts.resource(FOLDER + "/" + version + ".json"));
    }

    /** The expected schema of this jar's latest migration. */
    public static SchemaModel latest() {
        return forVersion(MigrationScripts.latestVersion());
    }

    /** The versions this jar carries, in order. */
    public static List<String> versions() {
        return MigrationScripts.migrations().stream().map(MigrationScripts.Script::version).toList();
    }
}
