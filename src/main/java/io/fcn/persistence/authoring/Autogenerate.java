package io.fcn.persistence.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;

import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.exceptions.AuthoringException;
import io.fcn.persistence.exceptions.AuthoringException.Reason;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.scripts.FlywaySetup;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.scripts.MigrationScripts.Script;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.internal.sql.ddl.DdlRenderer;
import io.fcn.persistence.internal.sql.ddl.DdlScript;
import io.fcn.persistence.internal.sql.ddl.ProjectNames;
import io.fcn.persistence.internal.sql.ddl.Renames;
import io.fcn.persistence.internal.sql.ddl.TsqlTarget;
import io.fcn.persistence.migration.MigrationOperations;
import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.SchemaChange;
import io.fcn.persistence.schema.model.SchemaDiff;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableFilter;

/**
 * {@code new --autogenerate}: a migration and its rollback drafted from a development database. Its catalog is
 * compared with the expected schema of the latest migration (the jar's plus a project directory's); the difference is
 * rendered as one portable T-SQL migration (DEVELOPERS.md's rules, the lint markers) and its rollback, which are
 * proved on a fresh embedded database before they are written: the draft applied on top of every migration must give
 * the development database's model, and its rollback the previous expected schema.
 *
 * <pre>{@code
 * Autogenerate.Result r = Autogenerate.from(devDataSource)
 *         .withProjectDirectories(Path.of("db/migration"), Path.of("db/rollback"))
 *         .rename("fcn_trade.old_col=new_col")
 *         .run("add trade notes");
 * }</pre>
 */
public final class Autogenerate {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final DataSource development;
    private Path migrationDir;
    private Path rollbackDir;
    private final List<String> renameHints = new ArrayList<>();
    private LocalDate date = LocalDate.now(ZoneOffset.UTC);
    private boolean dryRun;

    private Autogenerate(DataSource development) {
        this.development = Objects.requireNonNull(development, "development");
    }

    /**
     * Autogenerate from a development database, changed by hand or by a tool, at the latest migration version.
     * @param developmentDatabase the changed database; it is only read
     * @return the operation, to configure and {@link #run}
     */
    public static Autogenerate from(DataSource developmentDatabase) {
        return new Autogenerate(developmentDatabase);
    }

    /**
     * The project's {@code db/migration} and {@code db/rollback}: read as part of the migrations, written to.
     * @param migrationDir where the migration is written
     * @param rollbackDir where its rollback is written
     * @return this operation
     */
    public Autogenerate withProjectDirectories(Path migrationDir, Path rollbackDir) {
        this.migrationDir = Objects.requireNonNull(migrationDir, "migrationDir");
        this.rollbackDir = Objects.requireNonNull(rollbackDir, "rollbackDir");
        return this;
    }

    /**
     * A rename instead of a drop and an add: {@code table.old=new} (a column or index) or {@code old=new} (a
     * table), rendered as {@code sp_rename}.
     * @param hint the rename; repeatable
     * @return this operation
     */
    public Autogenerate rename(String hint) {
        renameHints.add(Objects.requireNonNull(hint, "hint"));
        return this;
    }

    /**
     * The date in the version ({@code V<yyyymmdd>_<nnnn>}); today (UTC) unless set.
     * @param date the date
     * @return this operation
     */
    public Autogenerate date(LocalDate date) {
        this.date = Objects.requireNonNull(date, "date");
        return this;
    }

    /**
     * Whether to return both texts, proved, without writing them.
     * @param dryRun true for a dry run
     * @return this operation
     */
    public Autogenerate dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    /** What happened. */
    public enum Outcome {
        /** The development database matches the latest migration: no files. */
        NO_CHANGES,
        /** Proved and written. */
        WRITTEN,
        /** Proved, not written (dry run). */
        DRY_RUN,
        /** The draft failed its proof: not written; {@link Proof#failure()} says where. */
        PROOF_FAILED
    }

    /**
     * The proof on a fresh embedded database.
     *
     * @param ran     whether the proof ran (not for no changes)
     * @param failure empty when proved; else the failing statement or the differences left
     */
    public record Proof(boolean ran, Optional<String> failure) {
        /** {@return whether the proof ran and left no difference} */
        public boolean passed() {
            return ran && failure.isEmpty();
        }
    }

    /**
     * What autogenerate did.
     *
     * @param outcome      no changes, written, dry run, or proof failed
     * @param baseVersion  the latest migration the draft follows
     * @param migrationFilename the migration's file name; null for no changes
     * @param proof        the proof's outcome
     * @param version      the draft's version ({@code 20261201.0004}); null for no changes
     * @param migration    the migration's text; null for no changes
     * @param rollback     the rollback's text; empty when the migration is irreversible
     * @param irreversible why the migration cannot be undone without losing data (empty when it can)
     * @param reviews      the {@code -- REVIEW:} lines of the draft
     * @param files        the files written (empty unless {@link Outcome#WRITTEN})
     */
    public record Result(Outcome outcome, String baseVersion, String version, String migrationFilename,
            String migration, Optional<String> rollback, List<String> irreversible, List<String> reviews,
            Proof proof, List<Path> files) {
    }

    /**
     * Compares, renders, proves and (unless a dry run) writes the migration and its rollback.
     * @param description the migration's description, for its file name
     * @return what happened
     * @throws AuthoringException the database is at another version, a rename hint is bad, or files cannot be written
     */
    public Result run(String description) {
        String slug = slug(description);
        ScriptSet scripts = migrationDir == null ? ScriptSet.classpath()
                : ScriptSet.classpath().withDirectories(migrationDir, rollbackDir);
        String latest = scripts.migrations().get(scripts.migrations().size() - 1).version();
        MigrationOperations ops = migrationDir == null ? MigrationOperations.on(development)
                : MigrationOperations.on(development).withProjectDirectories(migrationDir, rollbackDir);
        String current = ops.info().currentVersion();
        if (!latest.equals(current)) {
            throw new AuthoringException(Reason.WRONG_VERSION, "The development database is at version "
                    + (current == null ? "(none)" : current) + ", the latest migration is " + latest
                    + ": migrate it first");
        }
        SchemaModel expected = ExpectedSchemas.forVersion(scripts, latest);
        List<String> knownIndexes = expected.tables().stream().flatMap(t -> t.indexes().stream())
                .map(IndexModel::name).toList();
        SchemaModel dev = ProjectNames.apply(SchemaReader.live(development, TableFilter.library(), knownIndexes).read());
        Renames renames = renames(expected, dev);
        SchemaModel target = ExpectedFill.fill(dev, renames.apply(expected));

        DdlRenderer.Options options = DdlRenderer.Options.migration(TsqlTarget.PORTABLE);
        DdlScript forward = DdlRenderer.render(expected, target, renames, options);
        if (forward.isEmpty()) {
            return new Result(Outcome.NO_CHANGES, latest, null, null, null, Optional.empty(), List.of(), List.of(),
                    new Proof(false, Optional.empty()), List.of());
        }
        DdlScript backward = DdlRenderer.render(target, expected, renames.inverse(), options);
        String version = nextVersion(scripts);
        String stem = version.replace('.', '_') + "__" + slug + ".sql";
        boolean reversible = forward.irreversible().isEmpty();
        String migration = (reversible ? "" : MigrationScripts.IRREVERSIBLE_MARKER + " "
                + String.join("; ", forward.irreversible()) + "\n")
                + "-- " + description.strip() + "\n"
                + "-- Autogenerated from the " + dev.source() + " against version " + latest
                + ": review it (every -- REVIEW line) before committing.\n\n" + forward.body();
        Optional<String> rollback = reversible ? Optional.of("-- Undoes V" + stem + ", in reverse order.\n\n"
                + backward.body()) : Optional.empty();
        List<String> reviews = forward.statements().stream().flatMap(s -> s.reviews().stream()).toList();

        Proof proof = prove(scripts, expected, target, version, "V" + stem, migration, rollback);
        Outcome outcome = !proof.passed() ? Outcome.PROOF_FAILED : dryRun ? Outcome.DRY_RUN : Outcome.WRITTEN;
        List<Path> files = outcome == Outcome.WRITTEN ? write("V" + stem, migration, "U" + stem, rollback) : List.of();
        return new Result(outcome, latest, version, "V" + stem, migration, rollback, forward.irreversible(), reviews,
                proof, files);
    }

    private Renames renames(SchemaModel expected, SchemaModel dev) {
        Renames renames;
        try {
            renames = Renames.parse(renameHints, expected);
        } catch (IllegalArgumentException e) {
            throw new AuthoringException(Reason.BAD_RENAME, e.getMessage());
        }
        // The new name must be what the development database has.
        renames.tables().forEach((old, now) -> {
            if (dev.table(now).isEmpty()) {
                throw new AuthoringException(Reason.BAD_RENAME, "rename hint '" + old + "=" + now
                        + "': the development database has no table " + now);
            }
        });
        renames.columns().forEach((table, cols) -> cols.forEach((old, now) -> {
            String t = renames.tables().getOrDefault(table, table);
            if (dev.table(t).flatMap(x -> x.column(now)).isEmpty()) {
                throw new AuthoringException(Reason.BAD_RENAME, "rename hint '" + table + "." + old + "=" + now
                        + "': the development database has no column " + t + "." + now);
            }
        }));
        renames.indexes().forEach((table, idx) -> idx.forEach((old, now) -> {
            String t = renames.tables().getOrDefault(table, table);
            if (dev.table(t).flatMap(x -> x.index(now)).isEmpty()) {
                throw new AuthoringException(Reason.BAD_RENAME, "rename hint '" + table + "." + old + "=" + now
                        + "': the development database has no index " + now + " on " + t);
            }
        }));
        return renames;
    }

    /**
     * Applies the draft on top of every migration to a fresh embedded database and compares with the development
     * database's model; then applies the rollback and compares with the latest expected schema.
     */
    private static Proof prove(ScriptSet scripts, SchemaModel expected, SchemaModel target, String version,
            String filename, String migration, Optional<String> rollback) {
        List<Script> migrations = new ArrayList<>(scripts.migrations());
        migrations.add(new Script(filename, version, "draft", migration));
        ScriptSet withDraft = new ScriptSet(migrations, scripts.rollbacks());
        try (EmbeddedDatabase proof = EmbeddedDatabase.inMemory()) {
            try {
                FlywaySetup.configure(proof.dataSource(), withDraft, true).load().migrate();
            } catch (FlywayException e) {
                return new Proof(true, Optional.of("the draft does not apply: " + e.getMessage()));
            }
            List<String> indexes = target.tables().stream().flatMap(t -> t.indexes().stream())
                    .map(IndexModel::name).toList();
            SchemaModel applied = SchemaReader.live(proof.dataSource(), TableFilter.library(), indexes).read();
            List<SchemaChange> left = differences(target, applied);
            if (!left.isEmpty()) {
                return new Proof(true, Optional.of("the draft applied differs from the development database: "
                        + describe(left)));
            }
            if (rollback.isPresent()) {
                String statement = null;
                try (Connection c = proof.dataSource().getConnection(); Statement s = c.createStatement()) {
                    for (String sql : FlywaySetup.engineText(rollback.get(), EngineFamily.H2).split(";\n\n")) {
                        statement = sql.strip().replaceAll(";$", "");
                        if (!statement.isEmpty()) {
                            s.execute(statement);
                        }
                    }
                } catch (SQLException e) {
                    return new Proof(true, Optional.of("the rollback fails at: " + statement + ": " + e.getMessage()));
                }
                List<SchemaChange> back = differences(expected,
                        SchemaReader.live(proof.dataSource(), TableFilter.library(), indexes).read());
                if (!back.isEmpty()) {
                    return new Proof(true, Optional.of("the rollback does not give version "
                            + scripts.migrations().get(scripts.migrations().size() - 1).version() + ": "
                            + describe(back)));
                }
            }
            return new Proof(true, Optional.empty());
        } catch (RuntimeException e) {
            return new Proof(true, Optional.of("the proof failed: " + e.getMessage()));
        }
    }

    /** Differences both sides can show: a filtered index as H2 keeps it. */
    private static List<SchemaChange> differences(SchemaModel expected, SchemaModel applied) {
        return SchemaDiff.between(expected, applied).differences().stream()
                .filter(d -> !(d.object() == SchemaChange.ObjectType.INDEX && "unique".equals(d.property())
                        && d.from() instanceof IndexModel i && i.filter() != null && i.filter().isPresent()))
                .toList();
    }

    private static String describe(List<SchemaChange> changes) {
        return String.join("; ", changes.stream().map(c -> c.kind() + " " + c.object() + " " + c.path()
                + (c.property() == null ? "" : " " + c.property() + " (" + c.fromText() + " -> " + c.toText() + ")"))
                .toList());
    }

    private String nextVersion(ScriptSet scripts) {
        int sequence = Stream.concat(scripts.migrations().stream(), scripts.rollbacks().stream())
                .map(Script::version).mapToInt(v -> Integer.parseInt(v.substring(v.indexOf('.') + 1)))
                .max().orElse(0) + 1;
        return date.format(DATE) + "." + String.format(Locale.ROOT, "%04d", sequence);
    }

    private List<Path> write(String migrationName, String migration, String rollbackName, Optional<String> rollback) {
        if (migrationDir == null) {
            throw new AuthoringException(Reason.CANNOT_WRITE, "No project directories to write the draft to");
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(migrationDir);
            Path m = migrationDir.resolve(migrationName);
            Path r = rollbackDir.resolve(rollbackName);
            if (Files.exists(m) || rollback.isPresent() && Files.exists(r)) {
                throw new AuthoringException(Reason.CANNOT_WRITE, "A file named " + migrationName + " exists");
            }
            Files.writeString(m, migration, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            written.add(m);
            if (rollback.isPresent()) {
                Files.createDirectories(rollbackDir);
                Files.writeString(r, rollback.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                written.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + migrationName + ": " + e.getMessage(), e);
        }
        return written;
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
