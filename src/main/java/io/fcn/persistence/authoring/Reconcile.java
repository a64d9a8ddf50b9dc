package io.fcn.persistence.authoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.fcn.persistence.exceptions.AuthoringException;
import io.fcn.persistence.exceptions.MisuseException;
import io.fcn.persistence.exceptions.AuthoringException.Reason;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.internal.sql.ddl.DdlRenderer;
import io.fcn.persistence.internal.sql.ddl.DdlScript;
import io.fcn.persistence.internal.sql.ddl.Renames;
import io.fcn.persistence.internal.sql.ddl.TsqlTarget;
import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.SchemaChange;
import io.fcn.persistence.schema.model.SchemaDiff;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableFilter;
import io.fcn.persistence.schema.model.TableModel;

/**
 * The T-SQL that brings a database (drifted, or built by Alembic) to the expected schema of a version, keeping its
 * data: types changed in place where the engine can (else the column swap), a guard before a date-time column
 * becomes DATE, unique indexes replaced by the {@code uq_} constraints, system-named keys and defaults renamed,
 * an index of the expected columns under another name renamed. Extra indexes, columns and tables are dropped only
 * with {@link #dropExtra(boolean)}; otherwise they are kept and listed as comments. Rendered for the engine of the
 * connection (the header names it). Only reads the database; the caller reviews and runs the script.
 *
 * <pre>{@code
 * String sql = Reconcile.from(dataSource).toVersion("20251022.0001").run().script();
 * }</pre>
 */
public final class Reconcile {

    private final DataSource dataSource;
    private String version;
    private Path migrationDir;
    private Path rollbackDir;
    private boolean dropExtra;

    /** The indexes the service's Alembic revision 20251022_0001 created under names of its own. */
    private static final List<String> ALEMBIC_INDEXES = List.of("ix_fcn_idempotency_expires",
            "ix_fcn_lifecycle_trade_type", "ix_fcn_observation_trade_date", "ix_fcn_template_spec_version_status",
            "ix_fcn_trade_spec_version_status");

    private Reconcile(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Reconcile a database that drifted or was built by another tool.
     * @param dataSource the database; it is only read
     * @return the operation, to configure and {@link #run}
     */
    public static Reconcile from(DataSource dataSource) {
        return new Reconcile(dataSource);
    }

    /**
     * The version to reconcile to; the latest migration's unless set.
     * @param version a migration version
     * @return this operation
     */
    public Reconcile toVersion(String version) {
        this.version = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * Also the project's migrations, for a version only they have.
     * @param migrationDir the project's {@code db/migration}
     * @param rollbackDir the project's {@code db/rollback}
     * @return this operation
     */
    public Reconcile withProjectDirectories(Path migrationDir, Path rollbackDir) {
        this.migrationDir = Objects.requireNonNull(migrationDir, "migrationDir");
        this.rollbackDir = Objects.requireNonNull(rollbackDir, "rollbackDir");
        return this;
    }

    /**
     * Whether to drop indexes, columns and tables the expected schema does not have (else kept and listed).
     * @param dropExtra true to drop them
     * @return this operation
     */
    public Reconcile dropExtra(boolean dropExtra) {
        this.dropExtra = dropExtra;
        return this;
    }

    /**
     * The reconcile script.
     *
     * @param version    the version it reconciles to
     * @param statements the script's statements
     * @param target the engine the script is for
     * @param script the whole script: header, notes as comments, statements
     * @param kept   extra indexes ({@code table.index}), columns and tables kept (without {@code dropExtra})
     */
    public record Result(String version, TsqlTarget target, String script, DdlScript statements, List<String> kept) {
        /** {@return whether the database already has the expected structure} */
        public boolean isEmpty() {
            return statements.isEmpty();
        }
    }

    /**
     * Reads the database and renders the script; runs nothing.
     * @return the script and what it keeps
     * @throws AuthoringException for an unknown version
     */
    public Result run() {
        ScriptSet scripts = migrationDir == null ? ScriptSet.classpath()
                : ScriptSet.classpath().withDirectories(migrationDir, rollbackDir);
        String v = version != null ? version
                : scripts.migrations().get(scripts.migrations().size() - 1).version();
        SchemaModel expected;
        try {
            expected = ExpectedSchemas.forVersion(scripts, v);
        } catch (IllegalArgumentException | MisuseException e) {
            throw new AuthoringException(Reason.UNKNOWN_VERSION, e.getMessage());
        }
        TsqlTarget target = TsqlTarget.of(dataSource);
        // Babelfish shows an index only under a hashed name, matched back to a name the caller knows: the expected
        // ones, the names SQLAlchemy gives an index of its own (index=True: ix_<table>_<column>), and those the
        // service's Alembic revision named itself.
        List<String> knownIndexes = Stream.of(
                expected.tables().stream().flatMap(t -> t.indexes().stream()).map(IndexModel::name),
                expected.tables().stream().flatMap(t -> t.columns().stream().map(c -> "ix_" + t.name() + "_" + c.name())),
                ALEMBIC_INDEXES.stream())
                .flatMap(names -> names).distinct().toList();
        SchemaModel live = SchemaReader.live(dataSource, TableFilter.library(), knownIndexes).read();
        Renames renames = indexRenames(live, expected);
        SchemaModel renamed = renames.apply(live);

        List<String> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<TableModel> tables = new ArrayList<>();
        for (TableModel t : expected.tables()) {
            Optional<TableModel> l = renamed.table(t.name());
            if (l.isEmpty()) {
                tables.add(t);
                continue;
            }
            // Extra columns keep their values unless dropExtra: listed, not dropped.
            List<ColumnModel> columns = new ArrayList<>(t.columns());
            List<DefaultModel> defaults = t.defaults() == null ? null : new ArrayList<>(t.defaults());
            for (ColumnModel c : l.get().columns()) {
                if (t.column(c.name()).isEmpty() && !dropExtra) {
                    columns.add(c);
                    l.get().defaultOf(c.name()).ifPresent(d -> {
                        if (defaults != null) {
                            defaults.add(d);
                        }
                    });
                    kept.add(t.name() + "." + c.name() + " (column)");
                }
            }
            List<IndexModel> indexes = new ArrayList<>(t.indexes());
            for (IndexModel i : l.get().indexes()) {
                if (t.index(i.name()).isPresent() || replacedByKey(i, t)) {
                    continue;
                }
                if (!dropExtra) {
                    indexes.add(i);
                    kept.add(t.name() + "." + i.name());
                }
            }
            tables.add(new TableModel(t.name(), columns, t.primaryKey(), t.uniqueKeys(), t.foreignKeys(), indexes,
                    t.checks(), defaults));
        }
        for (TableModel t : renamed.tables()) {
            if (expected.table(t.name()).isEmpty() && !dropExtra) {
                tables.add(t);
                kept.add(t.name() + " (table)");
            }
        }
        SchemaModel to = new SchemaModel(expected.source(), tables);
        DdlScript script = DdlRenderer.render(live, to, renames, DdlRenderer.Options.script(target));

        notes.add("CHECK predicates are compared however each engine words them: one that changed is dropped and"
                + " re-added.");
        List<String> unseen = SchemaDiff.between(to, renamed).notComparable().stream()
                .map(SchemaChange::propertyKey).distinct().sorted().toList();
        if (!unseen.isEmpty()) {
            notes.add("Not shown by the " + live.source() + ", so not reconciled here: " + String.join(", ", unseen)
                    + ".");
        }
        kept.forEach(k -> notes.add("Extra " + (k.endsWith(")") ? k : "index " + k) + " kept (not in version " + v
                + "); reconcile with dropExtra to drop it."));
        StringBuilder text = new StringBuilder()
                .append("-- Reconciles ").append(live.source()).append(" to version ").append(v)
                .append(" of the migrations, keeping its data.\n")
                .append("-- For ").append(target.label()).append(" (detected from the connection). Review it, run it, then\n")
                .append("-- baseline at ").append(v).append(".\n");
        notes.forEach(n -> text.append("-- ").append(n).append('\n'));
        if (!script.irreversible().isEmpty()) {
            script.irreversible().forEach(r -> text.append("-- Loses data: ").append(r).append('\n'));
        }
        text.append('\n').append(script.isEmpty() ? "-- Nothing to change.\n" : script.body());
        return new Result(v, target, text.toString(), script, kept);
    }

    /** A unique index on the columns of a key the expected table has is what that constraint replaces. */
    private static boolean replacedByKey(IndexModel index, TableModel expected) {
        if (!Boolean.TRUE.equals(index.unique())) {
            return false;
        }
        List<KeyModel> keys = new ArrayList<>(expected.uniqueKeys());
        if (expected.primaryKey() != null) {
            keys.add(expected.primaryKey());
        }
        return keys.stream().anyMatch(k -> k.columns().equals(index.columns()));
    }

    /** An expected index missing under its name but present, same columns and uniqueness, under another. */
    private static Renames indexRenames(SchemaModel live, SchemaModel expected) {
        Map<String, Map<String, String>> byTable = new LinkedHashMap<>();
        for (TableModel t : expected.tables()) {
            Optional<TableModel> l = live.table(t.name());
            if (l.isEmpty()) {
                continue;
            }
            for (IndexModel wanted : t.indexes()) {
                if (l.get().index(wanted.name()).isPresent()) {
                    continue;
                }
                l.get().indexes().stream()
                        .filter(i -> t.index(i.name()).isEmpty() && i.columns().equals(wanted.columns())
                                && Objects.equals(Boolean.TRUE.equals(i.unique()), Boolean.TRUE.equals(wanted.unique()))
                                && !byTable.getOrDefault(t.name(), Map.of()).containsKey(i.name()))
                        .findFirst()
                        .ifPresent(i -> byTable.computeIfAbsent(t.name(), k -> new LinkedHashMap<>())
                                .put(i.name(), wanted.name()));
            }
        }
        return new Renames(Map.of(), Map.of(), byTable);
    }
}
