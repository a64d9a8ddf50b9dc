package io.fcn.persistence.internal.scripts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import io.fcn.persistence.internal.scripts.MigrationScripts.Script;

/**
 * The migrations and rollback scripts one operation works with: the jar's, plus those of a project directory
 * ({@code db/migration} and {@code db/rollback}) when one is given. A file in the directory replaces the jar's file
 * of the same version, so a project's working copy wins over the copy it was built from.
 */
public record ScriptSet(List<Script> migrations, List<Script> rollbacks) {

    public ScriptSet {
        migrations = List.copyOf(migrations);
        rollbacks = List.copyOf(rollbacks);
    }

    public static ScriptSet classpath() {
        return new ScriptSet(MigrationScripts.migrations(), MigrationScripts.rollbacks());
    }

    public ScriptSet withDirectories(Path migrationDir, Path rollbackDir) {
        return new ScriptSet(merge(migrations, MigrationScripts.inDirectory(migrationDir, 'V')),
                merge(rollbacks, MigrationScripts.inDirectory(rollbackDir, 'U')));
    }

    private static List<Script> merge(List<Script> base, List<Script> extra) {
        TreeMap<String, Script> byVersion = new TreeMap<>(MigrationVersions.ORDER);
        base.forEach(s -> byVersion.put(s.version(), s));
        extra.forEach(s -> byVersion.put(s.version(), s));
        return new ArrayList<>(byVersion.values());
    }

    public Optional<Script> migration(String version) {
        return migrations.stream().filter(s -> s.version().equals(version)).findFirst();
    }

    public Optional<Script> rollback(String version) {
        return rollbacks.stream().filter(s -> s.version().equals(version)).findFirst();
    }
}
