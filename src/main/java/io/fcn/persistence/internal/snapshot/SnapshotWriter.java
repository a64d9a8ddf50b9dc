package io.fcn.persistence.internal.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.schema.model.SchemaModel;

/**
 * Build step ({@code process-classes}): writes the expected schema of every migration version, derived from the
 * migration files by {@link MigrationInterpreter}, as {@code <version>.json} into the folder given as the only
 * argument (the build passes {@code target/classes/fcn-persistence/schema}), so the jar ships them.
 */
public final class SnapshotWriter {

    private SnapshotWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: SnapshotWriter <output folder>");
        }
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        var migrations = MigrationScripts.migrations();
        for (MigrationScripts.Script script : migrations) {
            SchemaModel model = MigrationInterpreter.expectedAt(migrations, script.version());
            Files.writeString(folder.resolve(script.version() + ".json"), SchemaJson.write(model) + "\n",
                    StandardCharsets.UTF_8);
        }
    }
}
