package io.fcn.persistence.internal.sql.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.ForeignKeyModel;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.SqlText;
import io.fcn.persistence.schema.model.TableModel;
import io.fcn.persistence.schema.model.TypeFamily;

/**
 * The one renderer of model differences to T-SQL: the statements that turn {@code from} into {@code to}, following
 * DEVELOPERS.md's migration rules (named constraints, inline named defaults, {@code GO} before a statement that uses a
 * column added in its batch, no {@code ADD CONSTRAINT … DEFAULT … FOR}). Order: renames; drops of foreign keys, then
 * indexes, checks, defaults, unique and primary keys, then tables; new tables; columns added, changed, dropped;
 * then keys, checks, indexes and foreign keys. An object on a column that changes is dropped first and re-created
 * after. A property {@code to} cannot show is rendered as the project would write it and flagged for review.
 */
public final class DdlRenderer {

    /** How a script is rendered. */
    public record Options(TsqlTarget target, boolean markers, boolean parseable) {

        /** A migration file: lint markers, and only statements jOOQ's parser reads (the snapshot is derived). */
        public static Options migration(TsqlTarget target) {
            return new Options(target, true, true);
        }

        /** A script run once by hand (reconcile): no markers, SQL Server's in-place forms where the target has them. */
        public static Options script(TsqlTarget target) {
            return new Options(target, false, false);
        }
    }

    public static final String ONLINE = "-- fcn:online";
    public static final String NOCHECK = "-- fcn:nocheck";

    private final SchemaModel from;
    private final SchemaModel to;
    private final Renames renames;
    private final Options options;
    private final List<DdlStatement> renameSteps = new ArrayList<>();
    private final List<DdlStatement> dropForeignKeys = new ArrayList<>();
    private final List<DdlStatement> dropObjects = new ArrayList<>();
    private final List<DdlStatement> dropTables = new ArrayList<>();
    private final List<DdlStatement> createTables = new ArrayList<>();
    private final List<DdlStatement> columnSteps = new ArrayList<>();
    private final List<DdlStatement> addKeys = new ArrayList<>();
    private final List<DdlStatement> addObjects = new ArrayList<>();
    private final List<DdlStatement> addForeignKeys = new ArrayList<>();
    private final List<String> irreversible = new ArrayList<>();
    private boolean columnsAdded;

    private DdlRenderer(SchemaModel from, SchemaModel to, Renames renames, Options options) {
        this.renames = Objects.requireNonNull(renames, "renames");
        this.from = renames.apply(from);
        this.to = Objects.requireNonNull(to, "to");
        this.options = Objects.requireNonNull(options, "options");
        renameStatements();
    }

    /** The script from {@code from} to {@code to}; {@code renames} name objects of {@code from}. */
    public static DdlScript render(SchemaModel from, SchemaModel to, Renames renames, Options options) {
        return new DdlRenderer(from, to, renames, options).render();
    }

    public static DdlScript render(SchemaModel from, SchemaModel to, Options options) {
        return render(from, to, Renames.NONE, options);
    }

    // ---------------------------------------------------------------- the plan

    private DdlScript render() {
        Set<String> droppedFks = new LinkedHashSet<>();
        for (TableModel t : from.tables()) {
            Optional<TableModel> target = to.table(t.name());
            if (target.isEmpty()) {
                t.foreignKeys().forEach(fk -> dropForeignKey(t, fk, droppedFks));
                dropTables.add(DdlStatement.of("DROP TABLE dbo." + t.name()));
                irreversible.add("drops table " + t.name() + " and its rows");
            }
        }
        for (TableModel t : to.tables()) {
            if (from.table(t.name()).isEmpty()) {
                createTable(t);
            }
        }
        for (TableModel f : from.tables()) {
            to.table(f.name()).ifPresent(t -> alterTable(f, t, droppedFks));
        }
        // Foreign keys that are new, changed, or were dropped because a column or key they use changes.
        for (TableModel t : to.tables()) {
            Optional<TableModel> f = from.table(t.name());
            for (ForeignKeyModel fk : t.foreignKeys()) {
                Optional<ForeignKeyModel> before = f.flatMap(x -> x.foreignKey(fk.name()));
                if (before.isEmpty() || !before.get().equals(fk) || droppedFks.contains(t.name() + "." + fk.name())) {
                    if (before.isPresent() && !droppedFks.contains(t.name() + "." + fk.name())) {
                        dropForeignKey(f.get(), before.get(), droppedFks);
                    }
                    addForeignKeys.add(new DdlStatement("ALTER TABLE dbo." + t.name() + " ADD CONSTRAINT "
                            + fk.name() + " FOREIGN KEY (" + String.join(", ", fk.columns()) + ") REFERENCES dbo."
                            + fk.referencedTable() + " (" + String.join(", ", fk.referencedColumns()) + ")",
                            List.of(), f.isPresent() ? marker(NOCHECK) : null, false));
                }
            }
        }
        List<DdlStatement> all = new ArrayList<>();
        boolean columnRenames = renames.columns().values().stream().anyMatch(m -> !m.isEmpty());
        addPhase(all, renameSteps, columnRenames);
        addPhase(all, dropForeignKeys, false);
        addPhase(all, dropObjects, false);
        addPhase(all, dropTables, false);
        addPhase(all, createTables, false);
        addPhase(all, columnSteps, columnsAdded);
        addPhase(all, addKeys, false);
        addPhase(all, addObjects, false);
        addPhase(all, addForeignKeys, false);
        if (!all.isEmpty() && all.get(all.size() - 1).goAfter()) {
            DdlStatement last = all.remove(all.size() - 1);
            all.add(new DdlStatement(last.sql(), last.reviews(), last.marker(), false));
        }
        return new DdlScript(all, irreversible);
    }

    /** Appends a phase; {@code goAfter} ends its batch (a later statement uses a column it added or renamed). */
    private static void addPhase(List<DdlStatement> all, List<DdlStatement> phase, boolean goAfter) {
        all.addAll(phase);
        if (goAfter && !all.isEmpty() && !all.get(all.size() - 1).goAfter()) {
            all.add(all.remove(all.size() - 1).withGoAfter());
        }
    }

    private String marker(String marker) {
        return options.markers() ? marker : null;
    }

    // ---------------------------------------------------------------- renames

    private void renameStatements() {
        // Babelfish renames a table only when told it is an object; SQL Server needs no type.
        String objectType = options.target() == TsqlTarget.BABELFISH ? ", 'OBJECT'" : "";
        renames.tables().forEach((old, now) -> renameSteps.add(DdlStatement.of(
                "EXEC sp_rename 'dbo." + old + "', '" + now + "'" + objectType)));
        renames.columns().forEach((table, cols) -> cols.forEach((old, now) -> renameSteps.add(DdlStatement.of(
                "EXEC sp_rename 'dbo." + renames.tables().getOrDefault(table, table) + "." + old + "', '" + now
                        + "', 'COLUMN'"))));
        renames.indexes().forEach((table, idx) -> idx.forEach((old, now) -> {
            String t = renames.tables().getOrDefault(table, table);
            if (options.target().renamesIndexes()) {
                renameSteps.add(DdlStatement.of("EXEC sp_rename 'dbo." + t + "." + old + "', '" + now + "', 'INDEX'"));
            } else {
                // Created on the columns as renamed (the model after the renames).
                IndexModel renamed = from.table(t).flatMap(x -> x.index(now)).orElseThrow();
                renameSteps.add(DdlStatement.of("DROP INDEX " + old + " ON dbo." + t));
                renameSteps.add(createIndex(t, renamed, false));
            }
        }));
    }

    // ---------------------------------------------------------------- tables

    private void createTable(TableModel t) {
        List<String> reviews = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (ColumnModel c : createOrder(t)) {
            lines.add("    " + columnDefinition(t, c, t.defaultOf(c.name()).orElse(null), reviews));
        }
        if (t.primaryKey() != null) {
            lines.add("    CONSTRAINT " + t.primaryKey().name() + " PRIMARY KEY CLUSTERED ("
                    + String.join(", ", t.primaryKey().columns()) + ")");
        } else {
            reviews.add(t.name() + " has no primary key");
        }
        for (KeyModel k : t.uniqueKeys()) {
            lines.add("    CONSTRAINT " + k.name() + " UNIQUE (" + String.join(", ", k.columns()) + ")");
        }
        if (t.checks() == null) {
            reviews.add(t.name() + ": the source cannot show CHECK constraints; none rendered");
        } else {
            for (CheckModel c : t.checks()) {
                if (c.expression() == null) {
                    reviews.add(t.name() + "." + c.name() + ": the source cannot show the predicate; not rendered");
                } else {
                    lines.add("    CONSTRAINT " + c.name() + " CHECK (" + c.expression() + ")");
                }
            }
        }
        createTables.add(new DdlStatement("CREATE TABLE dbo." + t.name() + " (\n" + String.join(",\n", lines) + "\n)",
                reviews, null, false));
        for (IndexModel i : t.indexes()) {
            createTables.add(createIndex(t.name(), i, false));
        }
    }

    /** The model keeps no column order: identity and primary-key columns first, then by name. */
    private static List<ColumnModel> createOrder(TableModel t) {
        List<String> pk = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        return t.columns().stream().sorted(java.util.Comparator
                .comparing((ColumnModel c) -> !Boolean.TRUE.equals(c.identity()))
                .thenComparing(c -> pk.contains(c.name()) ? pk.indexOf(c.name()) : Integer.MAX_VALUE)
                .thenComparing(ColumnModel::name)).toList();
    }

    // ---------------------------------------------------------------- an existing table

    private void alterTable(TableModel f, TableModel t, Set<String> droppedFks) {
        String table = t.name();
        // Columns whose type, nullability or default changes, and those dropped: what uses them is rebuilt.
        Map<String, ColumnModel> altered = new LinkedHashMap<>();
        Map<String, String> columnReviews = new LinkedHashMap<>();
        Map<String, ColumnModel> swapped = new LinkedHashMap<>();
        Set<String> dropped = new LinkedHashSet<>();
        for (ColumnModel fc : f.columns()) {
            Optional<ColumnModel> tc = t.column(fc.name());
            if (tc.isEmpty()) {
                dropped.add(fc.name());
                continue;
            }
            boolean typeOrNull = !fc.type().matches(tc.get().type()) || known(fc.nullable(), tc.get().nullable());
            Optional<DefaultModel> fd = f.defaultOf(fc.name());
            Optional<DefaultModel> td = t.defaultOf(fc.name());
            boolean defaultChanged = defaultsShown(f, t) && !sameDefault(fd, td);
            boolean defaultRenamedInPlace = defaultChanged && fd.isPresent() && td.isPresent()
                    && Objects.equals(fd.get().expression(), td.get().expression()) && !options.parseable()
                    && options.target().renamesConstraints() && fd.get().name() != null && td.get().name() != null;
            if (Boolean.TRUE.equals(fc.identity()) != Boolean.TRUE.equals(tc.get().identity())
                    && fc.identity() != null && tc.get().identity() != null) {
                columnSteps.add(new DdlStatement("-- " + table + "." + fc.name() + " IDENTITY not changed",
                        List.of(table + "." + fc.name() + ": IDENTITY cannot be added or removed in place; rebuild"
                                + " the table by hand"), null, false));
            }
            if (defaultRenamedInPlace) {
                columnSteps.add(DdlStatement.of("EXEC sp_rename 'dbo." + fd.get().name() + "', '" + td.get().name()
                        + "', 'OBJECT'"));
                defaultChanged = false;
            }
            // In a migration a default changes by the column swap: jOOQ's interpreter, which derives the snapshot,
            // neither reads ADD CONSTRAINT … DEFAULT … FOR nor knows a default's name to drop.
            if (defaultChanged && td.isEmpty() && !typeOrNull && !options.parseable()) {
                dropObjects.add(dropDefault(table, fd.get()));
                continue;
            }
            if (defaultChanged && td.isPresent() && fd.isEmpty() && !typeOrNull && !options.parseable()
                    && options.target() == TsqlTarget.SQL_SERVER) {
                // A script run by hand on SQL Server adds the missing default in place; a migration cannot (jOOQ's
                // parser cannot read this form), it swaps the column below.
                addObjects.add(DdlStatement.of("ALTER TABLE dbo." + table + " ADD CONSTRAINT "
                        + defaultName(table, td.get()) + " DEFAULT " + td.get().expression() + " FOR " + fc.name()));
                continue;
            }
            if (typeOrNull || defaultChanged) {
                boolean tightensWithoutDefault = options.parseable() && Boolean.FALSE.equals(tc.get().nullable())
                        && td.isEmpty() && fd.isEmpty();
                if (!options.target().altersColumns() && tightensWithoutDefault) {
                    // The swap would need a temporary default, which the snapshot could not see dropped.
                    altered.put(fc.name(), tc.get());
                    columnReviews.put(fc.name(), table + "." + fc.name() + ": Babelfish cannot ALTER COLUMN … NOT "
                            + "NULL; this statement runs on SQL Server and the embedded engine");
                } else if (options.target().altersColumns() && !defaultChanged && fd.isEmpty() == td.isEmpty()
                        && (fd.isEmpty() || options.target() != TsqlTarget.SQL_SERVER)) {
                    altered.put(fc.name(), tc.get());
                } else {
                    swapped.put(fc.name(), tc.get());
                }
            }
        }
        Set<String> rebuilt = new LinkedHashSet<>(dropped);
        rebuilt.addAll(altered.keySet());
        rebuilt.addAll(swapped.keySet());
        // On SQL Server a default blocks ALTER COLUMN of its column: it is dropped and the column swapped instead
        // (the default is re-created inline); on the embedded engine ALTER COLUMN keeps it.
        Set<String> swappedOrDropped = new LinkedHashSet<>(dropped);
        swappedOrDropped.addAll(swapped.keySet());

        // Foreign keys: of this table, and of others referencing a key of it that is rebuilt.
        for (ForeignKeyModel fk : f.foreignKeys()) {
            Optional<ForeignKeyModel> now = t.foreignKey(fk.name());
            if (now.isEmpty() || uses(fk.columns(), rebuilt)) {
                dropForeignKey(f, fk, droppedFks);
            }
        }
        List<KeyModel> rebuiltKeys = new ArrayList<>();
        KeyModel fpk = f.primaryKey();
        KeyModel tpk = t.primaryKey();
        boolean pkRebuilt = fpk != null && (tpk == null || !fpk.columns().equals(tpk.columns())
                || uses(fpk.columns(), rebuilt) || !fpk.name().equals(tpk.name()) && !renameConstraint(table, fpk.name(),
                        tpk.name()));
        if (pkRebuilt) {
            rebuiltKeys.add(fpk);
        }
        for (KeyModel k : f.uniqueKeys()) {
            Optional<KeyModel> now = t.uniqueKey(k.name());
            if (now.isEmpty() || !now.get().equals(k) || uses(k.columns(), rebuilt)) {
                rebuiltKeys.add(k);
            }
        }
        for (KeyModel k : rebuiltKeys) {
            for (TableModel other : from.tables()) {
                for (ForeignKeyModel fk : other.foreignKeys()) {
                    if (fk.referencedTable().equals(table) && fk.referencedColumns().equals(k.columns())) {
                        dropForeignKey(other, fk, droppedFks);
                    }
                }
            }
        }
        // Indexes, checks, defaults, unique keys, primary key.
        for (IndexModel i : f.indexes()) {
            Optional<IndexModel> now = t.index(i.name());
            if (now.isEmpty() || !sameIndex(i, now.get()) || uses(i.columns(), rebuilt)
                    || i.includedColumns() != null && uses(i.includedColumns(), rebuilt)) {
                dropObjects.add(DdlStatement.of("DROP INDEX " + i.name() + " ON dbo." + table));
                now.ifPresent(x -> addObjects.add(createIndex(table, x, true)));
            }
        }
        for (IndexModel i : t.indexes()) {
            if (f.index(i.name()).isEmpty()) {
                addObjects.add(createIndex(table, i, true));
            }
        }
        if (f.checks() != null && t.checks() != null) {
            for (CheckModel c : f.checks()) {
                Optional<CheckModel> now = t.checks().stream().filter(x -> x.name().equals(c.name())).findFirst();
                boolean changed = now.isEmpty() || predicateChanged(c, now.get());
                if (changed || mentions(c.expression(), rebuilt)) {
                    dropObjects.add(DdlStatement.of("ALTER TABLE dbo." + table + " DROP CONSTRAINT " + c.name()));
                    now.ifPresent(x -> addCheck(table, x, true));
                }
            }
            for (CheckModel c : t.checks()) {
                if (f.checks().stream().noneMatch(x -> x.name().equals(c.name()))) {
                    addCheck(table, c, true);
                }
            }
        } else if (t.checks() == null) {
            columnSteps.add(new DdlStatement("-- " + table + ": CHECK constraints not compared", List.of(table
                    + ": the source cannot show CHECK constraints; none added or dropped"), null, false));
        }
        for (String col : swappedOrDropped) {
            f.defaultOf(col).ifPresent(d -> dropObjects.add(dropDefault(table, d)));
        }
        for (KeyModel k : f.uniqueKeys()) {
            if (rebuiltKeys.contains(k)) {
                dropObjects.add(DdlStatement.of("ALTER TABLE dbo." + table + " DROP CONSTRAINT " + k.name()));
                t.uniqueKey(k.name()).ifPresent(x -> addKeys.add(DdlStatement.of("ALTER TABLE dbo." + table
                        + " ADD CONSTRAINT " + x.name() + " UNIQUE (" + String.join(", ", x.columns()) + ")")));
            }
        }
        for (KeyModel k : t.uniqueKeys()) {
            if (f.uniqueKey(k.name()).isEmpty()) {
                addKeys.add(DdlStatement.of("ALTER TABLE dbo." + table + " ADD CONSTRAINT " + k.name() + " UNIQUE ("
                        + String.join(", ", k.columns()) + ")"));
            }
        }
        if (pkRebuilt) {
            dropObjects.add(DdlStatement.of("ALTER TABLE dbo." + table + " DROP CONSTRAINT " + fpk.name()));
        }
        if (tpk != null && (fpk == null || pkRebuilt)) {
            addKeys.add(0, DdlStatement.of("ALTER TABLE dbo." + table + " ADD CONSTRAINT " + tpk.name()
                    + " PRIMARY KEY CLUSTERED (" + String.join(", ", tpk.columns()) + ")"));
        }
        // Columns: added, altered in place, swapped, dropped.
        for (ColumnModel c : t.columns()) {
            if (f.column(c.name()).isEmpty()) {
                List<String> reviews = new ArrayList<>();
                DefaultModel d = t.defaultOf(c.name()).orElse(null);
                if (Boolean.FALSE.equals(c.nullable()) && d == null) {
                    reviews.add(table + "." + c.name() + " is NOT NULL without a default: the table must be empty,"
                            + " or add it NULL, fill it and tighten it");
                }
                columnSteps.add(new DdlStatement("ALTER TABLE dbo." + table + " ADD "
                        + columnDefinition(t, c, d, reviews), reviews, null, false));
                columnsAdded = true;
            }
        }
        altered.forEach((name, c) -> {
            guardTimeOfDay(table, f.column(name).orElseThrow(), c);
            List<String> reviews = new ArrayList<>();
            if (columnReviews.containsKey(name)) {
                reviews.add(columnReviews.get(name));
            }
            columnSteps.add(new DdlStatement("ALTER TABLE dbo." + table + " ALTER COLUMN " + name + " "
                    + typeSql(t, c, reviews) + nullSql(t, c, reviews), reviews, null, false));
            columnsAdded = true;
        });
        swapped.forEach((name, c) -> swap(f, t, c));
        for (String name : dropped) {
            columnSteps.add(DdlStatement.of("ALTER TABLE dbo." + table + " DROP COLUMN " + name));
            irreversible.add("drops column " + table + "." + name + " and its values");
        }
    }

    /**
     * Changes a column without {@code ALTER COLUMN}, keeping its values, as V20251101_0002 does: the column is renamed
     * aside, added anew (its default inline), filled from the old one, and the old one dropped.
     */
    private void swap(TableModel f, TableModel t, ColumnModel c) {
        String table = t.name();
        guardTimeOfDay(table, f.column(c.name()).orElseThrow(), c);
        String aside = c.name() + "_swap";
        List<String> reviews = new ArrayList<>();
        DefaultModel d = t.defaultOf(c.name()).orElse(null);
        boolean temporaryDefault = d == null && Boolean.FALSE.equals(c.nullable());
        DefaultModel inline = temporaryDefault ? new DefaultModel(c.name(), "df_" + table + "_" + c.name(),
                placeholder(c.type())) : d;
        columnSteps.add(DdlStatement.of("EXEC sp_rename 'dbo." + table + "." + c.name() + "', '" + aside
                + "', 'COLUMN'"));
        columnSteps.add(new DdlStatement("ALTER TABLE dbo." + table + " ADD " + columnDefinition(t, c, inline, reviews),
                reviews, null, true));
        columnSteps.add(DdlStatement.of("UPDATE dbo." + table + " SET " + c.name() + " = " + aside));
        if (temporaryDefault) {
            columnSteps.add(DdlStatement.of("ALTER TABLE dbo." + table + " DROP CONSTRAINT IF EXISTS "
                    + inline.name()));
        }
        columnSteps.add(DdlStatement.of("ALTER TABLE dbo." + table + " DROP COLUMN " + aside).withGoAfter());
        columnsAdded = true;
    }

    /**
     * A date-time column becoming DATE would lose any time of day: a temporary CHECK, which SQL Server, the embedded
     * engine and jOOQ's parser all accept (an {@code IF … THROW} block is not parseable), fails the script first when
     * a value has one. {@code ADD CONSTRAINT} checks the existing rows (WITH CHECK is SQL Server's default).
     */
    private void guardTimeOfDay(String table, ColumnModel from, ColumnModel to) {
        TypeFamily before = from.type().family();
        if (to.type().family() == TypeFamily.DATE && (before == TypeFamily.DATETIME || before == TypeFamily.DATETIME2
                || before == TypeFamily.DATETIMEOFFSET)) {
            String guard = "ck_" + table + "_" + from.name() + "_no_time";
            columnSteps.add(DdlStatement.of("ALTER TABLE dbo." + table + " ADD CONSTRAINT " + guard + " CHECK (CAST("
                    + from.name() + " AS DATE) = " + from.name() + ")"));
            columnSteps.add(DdlStatement.of("ALTER TABLE dbo." + table + " DROP CONSTRAINT " + guard));
        }
    }

    /** A value of the type for the rows a NOT NULL column is added to before the copy overwrites it. */
    private static String placeholder(ColumnType type) {
        return switch (type.family()) {
            case CHAR, NCHAR, VARCHAR, NVARCHAR -> "''";
            case BINARY, VARBINARY -> "0x";
            case DATE, DATETIME, DATETIME2 -> "'1900-01-01'";
            case DATETIMEOFFSET -> "'1900-01-01T00:00:00Z'";
            case TIME -> "'00:00'";
            case UNIQUEIDENTIFIER -> "'00000000-0000-0000-0000-000000000000'";
            default -> "0";
        };
    }

    private boolean renameConstraint(String table, String old, String now) {
        if (options.parseable() || !options.target().renamesConstraints()) {
            return false;
        }
        columnSteps.add(DdlStatement.of("EXEC sp_rename 'dbo." + old + "', '" + now + "', 'OBJECT'"));
        return true;
    }

    private void dropForeignKey(TableModel t, ForeignKeyModel fk, Set<String> dropped) {
        if (dropped.add(t.name() + "." + fk.name())) {
            dropForeignKeys.add(DdlStatement.of("ALTER TABLE dbo." + t.name() + " DROP CONSTRAINT " + fk.name()));
        }
    }

    private DdlStatement dropDefault(String table, DefaultModel d) {
        // Babelfish keeps no DEFAULT constraint by name (U20251101_0002), and in a migration the interpreter
        // knows no default's name: dropped if it exists (the column's drop follows).
        return DdlStatement.of("ALTER TABLE dbo." + table + " DROP CONSTRAINT "
                + (options.target() == TsqlTarget.BABELFISH || options.parseable() ? "IF EXISTS " : "") + defaultName(table, d));
    }

    private void addCheck(String table, CheckModel c, boolean existing) {
        if (c.expression() == null) {
            addObjects.add(new DdlStatement("-- CHECK " + c.name() + " not rendered", List.of(table + "." + c.name()
                    + ": the source cannot show the predicate"), null, false));
            return;
        }
        addObjects.add(new DdlStatement("ALTER TABLE dbo." + table + " ADD CONSTRAINT " + c.name() + " CHECK ("
                + c.expression() + ")", List.of(), existing ? marker(NOCHECK) : null, false));
    }

    private DdlStatement createIndex(String table, IndexModel i, boolean existing) {
        List<String> reviews = new ArrayList<>();
        if (i.unique() == null) {
            reviews.add(table + "." + i.name() + ": the source cannot show uniqueness; rendered not unique");
        }
        if (i.includedColumns() == null) {
            reviews.add(table + "." + i.name() + ": the source cannot show INCLUDE columns; none rendered");
        }
        if (i.filter() == null) {
            reviews.add(table + "." + i.name() + ": the source cannot show filters; none rendered");
        }
        String sql = "CREATE " + (Boolean.TRUE.equals(i.unique()) ? "UNIQUE " : "") + "INDEX " + i.name() + " ON dbo."
                + table + " (" + String.join(", ", i.columns()) + ")"
                + (i.includedColumns() == null || i.includedColumns().isEmpty() ? ""
                        : " INCLUDE (" + String.join(", ", i.includedColumns()) + ")")
                + (i.filter() == null || i.filter().isEmpty() ? "" : " WHERE " + i.filter().get());
        return new DdlStatement(sql, reviews, existing ? marker(ONLINE) : null, false);
    }

    // ---------------------------------------------------------------- columns

    private String columnDefinition(TableModel t, ColumnModel c, DefaultModel d, List<String> reviews) {
        StringBuilder sql = new StringBuilder(c.name()).append(' ').append(typeSql(t, c, reviews));
        if (Boolean.TRUE.equals(c.identity())) {
            sql.append(" IDENTITY(1,1)");
        }
        sql.append(nullSql(t, c, reviews));
        if (d != null) {
            if (d.expression() == null) {
                reviews.add(t.name() + "." + c.name() + ": the source cannot show the default's expression");
            } else {
                if (d.name() == null) {
                    reviews.add(t.name() + "." + c.name() + ": the source cannot show the default's name; named "
                            + defaultName(t.name(), d) + " by the project's rule");
                }
                sql.append(" CONSTRAINT ").append(defaultName(t.name(), d)).append(" DEFAULT ").append(d.expression());
            }
        } else if (t.defaults() == null) {
            reviews.add(t.name() + "." + c.name() + ": the source cannot show defaults; none rendered");
        }
        return sql.toString();
    }

    private static String nullSql(TableModel t, ColumnModel c, List<String> reviews) {
        if (c.nullable() == null) {
            reviews.add(t.name() + "." + c.name() + ": the source cannot show nullability; rendered NULL");
            return " NULL";
        }
        return c.nullable() ? " NULL" : " NOT NULL";
    }

    /** The type as T-SQL declares it; what the source cannot show is rendered as the project would and flagged. */
    static String typeSql(TableModel t, ColumnModel c, List<String> reviews) {
        ColumnType type = c.type();
        TypeFamily family = type.family();
        String path = t.name() + "." + c.name();
        if (family.isCharacter() && !type.nationalKnown()) {
            reviews.add(path + ": the source cannot tell " + family.name() + " from N" + family.name() + "; rendered "
                    + family.name());
        }
        String name = family == TypeFamily.OTHER ? type.otherName().toUpperCase(java.util.Locale.ROOT) : family.name();
        if (family == TypeFamily.OTHER) {
            reviews.add(path + ": type " + name + " is not one the library maps; rendered as the source names it");
        }
        return switch (family.size()) {
            case NONE -> name;
            case LENGTH -> {
                if (type.length() == null) {
                    reviews.add(path + ": the source cannot show the length; rendered MAX");
                    yield name + "(MAX)";
                }
                yield name + "(" + type.length() + ")";
            }
            case PRECISION_SCALE -> {
                if (type.precision() == null) {
                    reviews.add(path + ": the source cannot show precision and scale; rendered (18,0)");
                    yield name + "(18,0)";
                }
                yield name + "(" + type.precision() + "," + (type.scale() == null ? 0 : type.scale()) + ")";
            }
            case FRACTIONAL_SECONDS -> {
                if (type.scale() == null) {
                    reviews.add(path + ": the source cannot show the fractional-second digits; rendered 7");
                    yield name + "(7)";
                }
                yield name + "(" + type.scale() + ")";
            }
        };
    }

    static String defaultName(String table, DefaultModel d) {
        return d.name() != null ? d.name() : "df_" + table + "_" + d.column();
    }

    // ---------------------------------------------------------------- comparisons

    /** Both sides show the property and differ. */
    private static boolean known(Boolean a, Boolean b) {
        return a != null && b != null && !a.equals(b);
    }

    private static boolean defaultsShown(TableModel f, TableModel t) {
        return f.defaults() != null && t.defaults() != null;
    }

    private static boolean sameDefault(Optional<DefaultModel> a, Optional<DefaultModel> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        DefaultModel x = a.get();
        DefaultModel y = b.get();
        return agree(x.expression(), y.expression()) && agree(x.name(), y.name());
    }

    private static boolean sameIndex(IndexModel a, IndexModel b) {
        return a.columns().equals(b.columns()) && agree(a.unique(), b.unique())
                && agree(a.includedColumns(), b.includedColumns()) && agree(a.filter(), b.filter());
    }

    /** Both predicates shown and read, and different however each engine words them. */
    private static boolean predicateChanged(CheckModel a, CheckModel b) {
        return SqlText.samePredicate(a.expression(), b.expression()).map(same -> !same).orElse(false);
    }

    private static boolean agree(Object a, Object b) {
        return a == null || b == null || a.equals(b);
    }

    private static boolean uses(List<String> columns, Set<String> changed) {
        return columns.stream().anyMatch(changed::contains);
    }

    private static boolean mentions(String expression, Set<String> columns) {
        return expression != null && columns.stream()
                .anyMatch(c -> Pattern.compile("(?<![a-z0-9_])" + Pattern.quote(c) + "(?![a-z0-9_])")
                        .matcher(expression).find());
    }

}
