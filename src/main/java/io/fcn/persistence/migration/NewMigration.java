package io.fcn.persistence.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

import io.fcn.persistence.internal.scripts.MigrationScripts.Script;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.scripts.ScriptSet;

/**
 * Creates a migration {@code V<yyyymmdd>_<nnnn>__<slug>.sql} and its rollback {@code U…} with the same version, as
 * Alembic's {@code revision -m}: {@code nnnn} continues the global sequence over the jar's scripts and those already
 * in the directories (after 0003 comes 0004, whatever the date).
 */
public final class NewMigration {

    /**
     * The two files created.
     *
     * @param version   the new version
     * @param migration the migration file created
     * @param rollback  the rollback file created
     */
    public record Created(String version, Path migration, Path rollback) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private NewMigration() {
    }

    /**
     * Creates a migration and its rollback script, empty but for a header, named after the next version.
     * @param migrationDir where the migration goes (created if missing)
     * @param rollbackDir where the rollback script goes (created if missing)
     * @param description what the migration does, made into the file name's slug
     * @param date the version's date part
     * @return the version and the two files
     */
    public static Created create(Path migrationDir, Path rollbackDir, String description, LocalDate date) {
        String slug = slug(description);
        ScriptSet known = ScriptSet.classpath().withDirectories(migrationDir, rollbackDir);
        int sequence = Stream.concat(known.migrations().stream(), known.rollbacks().stream())
                .map(Script::version)
                .mapToInt(v -> Integer.parseInt(v.substring(v.indexOf('.') + 1)))
                .max().orElse(0) + 1;
        if (sequence > 9999) {
            throw new IllegalStateException("The migration sequence is exhausted (9999)");
        }
        String stem = date.format(DATE) + "_" + String.format(Locale.ROOT, "%04d", sequence) + "__" + slug + ".sql";
        String version = date.format(DATE) + "." + String.format(Locale.ROOT, "%04d", sequence);
        Path migration = migrationDir.resolve("V" + stem);
        Path rollback = rollbackDir.resolve("U" + stem);
        try {
            Files.createDirectories(migrationDir);
            Files.createDirectories(rollbackDir);
            Files.writeString(migration, "-- " + description.strip() + "\n"
                    + "-- T-SQL for SQL Server 2019+; name every constraint and index; GO before a statement that\n"
                    + "-- uses a column added in the same batch (DEVELOPERS.md). A migration that cannot be undone\n"
                    + "-- starts with the line: " + MigrationScripts.IRREVERSIBLE_MARKER + " <reason>\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            Files.writeString(rollback, "-- Undoes V" + stem + ", in reverse order.\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + migration + ": " + e.getMessage(), e);
        }
        return new Created(version, migration, rollback);
    }

    /** {@code "Add trade notes!"} → {@code add_trade_notes}. */
    static String slug(String description) {
        String slug = description == null ? "" : description.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("A migration needs a description with letters or digits");
        }
        return slug;
    }
}
