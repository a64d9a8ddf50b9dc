package io.fcn.persistence.schema;

import java.util.List;

import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.scripts.MigrationVersions;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.internal.snapshot.MigrationInterpreter;
import io.fcn.persistence.internal.snapshot.SchemaJson;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.exceptions.MisuseException;

/**
 * The expected schema of each migration version, as the build derived it from the migration files and shipped it
 * in the jar ({@code fcn-persistence/schema/<version>.json}, see {@code SnapshotWriter}).
 */
public final class ExpectedSchemas {

    /** Classpath folder of the snapshots. */
    public static final String FOLDER = "fcn-persistence/schema";

    private ExpectedSchemas() {
    }

    /**
     * The expected schema after migration {@code version} (e.g. {@code 20251022.0001}) of this jar. Where the
     * snapshot is absent (classes compiled by an IDE without the build's {@code process-classes} step), the same
     * model is derived from the migration files on the spot.
     * @param version a version this jar carries
     * @return its expected schema
     * @throws IllegalArgumentException when the jar carries no such version
     */
    public static SchemaModel forVersion(String version) {
        if (!versions().contains(version)) {
            throw new MisuseException("No migration version " + version + " in this jar; it has "
                    + versions());
        }
        if (!hasSnapshot(version)) {
            return MigrationInterpreter.expectedAt(MigrationScripts.migrations(), version);
        }
        return SchemaJson.read(MigrationScripts.resource(snapshot(version)));
    }

    /**
     * The expected schema after migration {@code version} of {@code scripts} (the jar's migrations plus a project
     * directory's). Where every migration up to the version is the jar's own, that is the jar's snapshot;
     * otherwise (a version only the directory has, or a jar version whose file the directory replaces) it is
     * derived at run time from the set's files by the build's own interpretation.
     * @param scripts the migrations to read
     * @param version a migration version among them
     * @return the expected schema after that migration
     * @throws MisuseException when {@code scripts} have no migration {@code version}
     */
    public static SchemaModel forVersion(ScriptSet scripts, String version) {
        List<MigrationScripts.Script> upTo = scripts.migrations().stream()
                .filter(s -> MigrationVersions.ORDER.compare(s.version(), version) <= 0).toList();
        if (upTo.stream().noneMatch(s -> s.version().equals(version))) {
            throw new MisuseException("No migration version " + version + " in the migrations; they have "
                    + scripts.migrations().stream().map(MigrationScripts.Script::version).toList());
        }
        List<MigrationScripts.Script> jar = MigrationScripts.migrations().stream()
                .filter(s -> MigrationVersions.ORDER.compare(s.version(), version) <= 0).toList();
        if (jar.equals(upTo)) {
            return forVersion(version);
        }
        return MigrationInterpreter.expectedAt(scripts.migrations(), version);
    }

    /** Whether the build's snapshot of {@code version} is on the classpath. */
    static boolean hasSnapshot(String version) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : ExpectedSchemas.class.getClassLoader();
        return loader.getResource(snapshot(version)) != null;
    }

    private static String snapshot(String version) {
        return FOLDER + "/" + version + ".json";
    }

    /**
     * The expected schema of this jar's latest migration.
     * @return that schema
     */
    public static SchemaModel latest() {
        return forVersion(MigrationScripts.latestVersion());
    }

    /**
     * The versions this jar carries, in order.
     * @return the versions, oldest first
     */
    public static List<String> versions() {
        return MigrationScripts.migrations().stream().map(MigrationScripts.Script::version).toList();
    }
}
