package io.fcn.persistence.schema.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import io.fcn.persistence.schema.model.SchemaChange.Kind;
import io.fcn.persistence.schema.model.SchemaChange.ObjectType;

/**
 * The structural difference between two schema models, {@code from} and {@code to}: what was added, removed or
 * changed, object by object, with both sides. Objects are matched by name (columns, keys, indexes, checks; a
 * default by its column; the primary key per table). A property is compared only when both sides can show it;
 * otherwise the diff holds a {@link Kind#NOT_COMPARABLE} entry for it, never a change (H2 cannot show the N of
 * NVARCHAR, default names, INCLUDE columns or index filters). Entries are in table order, then columns, primary,
 * unique and foreign keys, indexes, checks and defaults.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.between(ExpectedSchemas.forVersion("20251101.0002"), ExpectedSchemas.latest());
 * diff.differences().forEach(c -> System.out.println(c.kind() + " " + c.object() + " " + c.path()));
 * }</pre>
 */
public final class SchemaDiff {

    private final SchemaModel from;
    private final SchemaModel to;
    private final List<SchemaChange> changes = new ArrayList<>();

    private SchemaDiff(SchemaModel from, SchemaModel to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    /**
     * The difference from {@code from} to {@code to}: an object only {@code to} has is added.
     * @param from the schema before (e.g. the expected one)
     * @param to the schema after (e.g. the live one)
     * @return the diff, empty when they match
     */
    public static SchemaDiff between(SchemaModel from, SchemaModel to) {
        SchemaDiff diff = new SchemaDiff(from, to);
        for (String name : union(from.tableNames(), to.tableNames())) {
            Optional<TableModel> f = from.table(name);
            Optional<TableModel> t = to.table(name);
            if (t.isEmpty()) {
                diff.add(Kind.REMOVED, ObjectType.TABLE, name, name, null, f.get(), null, describe(f.get()), null);
            } else if (f.isEmpty()) {
                diff.add(Kind.ADDED, ObjectType.TABLE, name, name, null, null, t.get(), null, describe(t.get()));
            } else {
                diff.table(f.get(), t.get());
            }
        }
        return diff;
    }

    /** {@return the schema diffed from} */
    public SchemaModel from() {
        return from;
    }

    /** {@return the schema diffed to} */
    public SchemaModel to() {
        return to;
    }

    /** {@return every entry, not-comparable ones included} */
    public List<SchemaChange> changes() {
        return List.copyOf(changes);
    }

    /** {@return the entries that are added, removed or changed objects} */
    public List<SchemaChange> differences() {
        return changes.stream().filter(SchemaChange::isDifference).toList();
    }

    /** {@return the entries for properties one side cannot show} */
    public List<SchemaChange> notComparable() {
        return changes.stream().filter(c -> !c.isDifference()).toList();
    }

    /** {@return whether no object was added, removed or changed (not-comparable properties aside)} */
    public boolean isEmpty() {
        return differences().isEmpty();
    }

    @Override
    public String toString() {
        return "SchemaDiff[" + from.source() + " -> " + to.source() + ": " + differences().size() + " differences, "
                + notComparable().size() + " not comparable]";
    }

    /**
     * A table as people read it, e.g. {@code table (7 columns)}.
     * @param table the table
     * @return the text
     */
    public static String describe(TableModel table) {
        return "table (" + table.columns().size() + " columns)";
    }

    /**
     * A check as people read it, e.g. {@code CHECK (notional>(0))}, or {@code CHECK} when the predicate is not known.
     * @param check the check
     * @return the text
     */
    public static String describe(CheckModel check) {
        return check.expression() == null ? "CHECK" : "CHECK (" + check.expression() + ")";
    }

    /**
     * A default as people read it, e.g. {@code CONSTRAINT df_fcn_trade_version DEFAULT 0}.
     * @param d the default
     * @return the text
     */
    public static String describe(DefaultModel d) {
        return (d.name() == null ? "" : "CONSTRAINT " + d.name() + " ")
                + "DEFAULT " + (d.expression() == null ? "(not known)" : d.expression());
    }

    private void table(TableModel f, TableModel t) {
        String table = f.name();
        matchByName(f.columns(), t.columns(), ColumnModel::name, (cf, ct) -> {
            String path = table + "." + (cf != null ? cf : ct).name();
            if (present(ObjectType.COLUMN, table, path, cf, ct, ColumnModel::describe)) {
                column(table, path, cf, ct);
            }
        });
        primaryKey(table, f.primaryKey(), t.primaryKey());
        matchByName(f.uniqueKeys(), t.uniqueKeys(), KeyModel::name, (kf, kt) -> {
            String path = table + "." + (kf != null ? kf : kt).name();
            if (present(ObjectType.UNIQUE_KEY, table, path, kf, kt, KeyModel::describe)) {
                changed(ObjectType.UNIQUE_KEY, table, path, "columns", kf, kt, kf.columns(), kt.columns());
            }
        });
        matchByName(f.foreignKeys(), t.foreignKeys(), ForeignKeyModel::name, (kf, kt) -> {
            String path = table + "." + (kf != null ? kf : kt).name();
            if (present(ObjectType.FOREIGN_KEY, table, path, kf, kt, ForeignKeyModel::describe)) {
                changed(ObjectType.FOREIGN_KEY, table, path, "columns", kf, kt, kf.columns(), kt.columns());
                changed(ObjectType.FOREIGN_KEY, table, path, "references", kf, kt, kf.references(),
                        kt.references());
            }
        });
        matchByName(f.indexes(), t.indexes(), IndexModel::name, (xf, xt) -> {
            String path = table + "." + (xf != null ? xf : xt).name();
            if (present(ObjectType.INDEX, table, path, xf, xt, IndexModel::describe)) {
                index(table, path, xf, xt);
            }
        });
        checks(f, t);
        defaults(f, t);
    }

    private void column(String table, String path, ColumnModel f, ColumnModel t) {
        if (f.type().family().isCharacter() && !(f.type().nationalKnown() && t.type().nationalKnown())) {
            notComparable(ObjectType.COLUMN, table, path, "national", f, t, national(f.type()), national(t.type()));
        }
        if (!f.type().matches(t.type())) {
            add(Kind.CHANGED, ObjectType.COLUMN, table, path, "type", f, t, f.type().sql(), t.type().sql());
        } else {
            sizesShown(table, path, f, t);
        }
        compareKnown(ObjectType.COLUMN, table, path, "nullable", f, t, nullability(f.nullable()),
                nullability(t.nullable()));
        compareKnown(ObjectType.COLUMN, table, path, "identity", f, t, identity(f.identity()),
                identity(t.identity()));
    }

    private static String national(ColumnType type) {
        return type.nationalKnown() ? type.family().name() : NOT_SHOWN;
    }

    private static final String NOT_SHOWN = SchemaChange.NOT_SHOWN;

    /** Notes the size properties of matching types that one side cannot show (they matched unchecked). */
    private void sizesShown(String table, String path, ColumnModel f, ColumnModel t) {
        ColumnType a = f.type();
        ColumnType b = t.type();
        switch (a.family().size()) {
            case NONE -> {
            }
            case LENGTH -> shown(table, path, "length", f, t, a.length(), b.length());
            case PRECISION_SCALE -> {
                shown(table, path, "precision", f, t, a.precision(), b.precision());
                shown(table, path, "scale", f, t, a.scale(), b.scale());
            }
            case FRACTIONAL_SECONDS -> shown(table, path, "scale", f, t, a.scale(), b.scale());
        }
    }

    private void shown(String table, String path, String property, ColumnModel f, ColumnModel t, Object a,
            Object b) {
        if (a == null || b == null) {
            notComparable(ObjectType.COLUMN, table, path, property, f, t, text(a), text(b));
        }
    }

    private static String nullability(Boolean nullable) {
        return nullable == null ? null : nullable ? "NULL" : "NOT NULL";
    }

    private static String identity(Boolean identity) {
        return identity == null ? null : identity ? "IDENTITY" : "not IDENTITY";
    }

    private void primaryKey(String table, KeyModel f, KeyModel t) {
        if (f == null && t == null) {
            return;
        }
        String path = table + "." + (f != null ? f : t).name();
        if (present(ObjectType.PRIMARY_KEY, table, path, f, t, KeyModel::describe)) {
            changed(ObjectType.PRIMARY_KEY, table, path, "name", f, t, f.name(), t.name());
            changed(ObjectType.PRIMARY_KEY, table, path, "columns", f, t, f.columns(), t.columns());
        }
    }

    private void index(String table, String path, IndexModel f, IndexModel t) {
        changed(ObjectType.INDEX, table, path, "columns", f, t, f.columns(), t.columns());
        compareKnown(ObjectType.INDEX, table, path, "unique", f, t, f.unique(), t.unique());
        compareKnown(ObjectType.INDEX, table, path, "included_columns", f, t, f.includedColumns(),
                t.includedColumns());
        compareKnown(ObjectType.INDEX, table, path, "filter", f, t,
                f.filter() == null ? null : f.filter().orElse("(none)"),
                t.filter() == null ? null : t.filter().orElse("(none)"));
    }

    private void checks(TableModel f, TableModel t) {
        if (f.checks() == null || t.checks() == null) {
            notComparable(ObjectType.TABLE, f.name(), f.name(), "checks", f, t, f.checks() == null ? NOT_SHOWN
                    : f.checks().size() + " checks", t.checks() == null ? NOT_SHOWN : t.checks().size() + " checks");
            return;
        }
        String table = f.name();
        matchByName(f.checks(), t.checks(), CheckModel::name, (cf, ct) -> {
            String path = table + "." + (cf != null ? cf : ct).name();
            if (present(ObjectType.CHECK, table, path, cf, ct, SchemaDiff::describe)) {
                checkExpression(table, path, cf, ct);
            }
        });
    }

    /**
     * Predicates compare by their canonical form ({@link SqlText#canonicalPredicate}): each engine words the same
     * one differently. One that side cannot show, or that cannot be read, is not comparable.
     */
    private void checkExpression(String table, String path, CheckModel f, CheckModel t) {
        if (f.expression() == null || t.expression() == null || f.expression().equals(t.expression())) {
            compareKnown(ObjectType.CHECK, table, path, "expression", f, t, f.expression(), t.expression());
            return;
        }
        Optional<Boolean> same = SqlText.samePredicate(f.expression(), t.expression());
        if (same.isEmpty()) {
            notComparable(ObjectType.CHECK, table, path, "expression", f, t, f.expression(), t.expression());
        } else if (!same.get()) {
            add(Kind.CHANGED, ObjectType.CHECK, table, path, "expression", f, t, f.expression(), t.expression());
        }
    }

    private void defaults(TableModel f, TableModel t) {
        if (f.defaults() == null || t.defaults() == null) {
            notComparable(ObjectType.TABLE, f.name(), f.name(), "defaults", f, t, f.defaults() == null ? NOT_SHOWN
                    : f.defaults().size() + " defaults",
                    t.defaults() == null ? NOT_SHOWN : t.defaults().size() + " defaults");
            return;
        }
        String table = f.name();
        matchByName(f.defaults(), t.defaults(), DefaultModel::column, (df, dt) -> {
            String path = table + "." + (df != null ? df : dt).column();
            if (present(ObjectType.DEFAULT, table, path, df, dt, SchemaDiff::describe)) {
                compareKnown(ObjectType.DEFAULT, table, path, "name", df, dt, df.name(), dt.name());
                compareKnown(ObjectType.DEFAULT, table, path, "expression", df, dt, df.expression(),
                        dt.expression());
            }
        });
    }

    /** Adds a removed or added object; true when both sides have it and its properties are to be compared. */
    private <T> boolean present(ObjectType object, String table, String path, T f, T t,
            Function<T, String> describe) {
        if (t == null) {
            add(Kind.REMOVED, object, table, path, null, f, null, describe.apply(f), null);
            return false;
        }
        if (f == null) {
            add(Kind.ADDED, object, table, path, null, null, t, null, describe.apply(t));
            return false;
        }
        return true;
    }

    private void changed(ObjectType object, String table, String path, String property, Object f, Object t,
            Object fromValue, Object toValue) {
        if (!Objects.equals(fromValue, toValue)) {
            add(Kind.CHANGED, object, table, path, property, f, t, show(fromValue), show(toValue));
        }
    }

    /** Compares a property only when both sides show it; otherwise notes it as not comparable. */
    private void compareKnown(ObjectType object, String table, String path, String property, Object f, Object t,
            Object fromValue, Object toValue) {
        if (fromValue == null || toValue == null) {
            notComparable(object, table, path, property, f, t, text(fromValue), text(toValue));
        } else {
            changed(object, table, path, property, f, t, fromValue, toValue);
        }
    }

    private static String text(Object value) {
        return value == null ? NOT_SHOWN : show(value);
    }

    private static String show(Object value) {
        return value instanceof List<?> list
                ? "(" + String.join(", ", list.stream().map(String::valueOf).toList()) + ")"
                : String.valueOf(value);
    }

    private void notComparable(ObjectType object, String table, String path, String property, Object f, Object t,
            String fromText, String toText) {
        add(Kind.NOT_COMPARABLE, object, table, path, property, f, t, fromText, toText);
    }

    private void add(Kind kind, ObjectType object, String table, String path, String property, Object f, Object t,
            String fromText, String toText) {
        changes.add(new SchemaChange(kind, object, table, path, property, f, t, fromText, toText));
    }

    @FunctionalInterface
    private interface Pair<T> {
        /** One of the two is null when only the other side has the object. */
        void accept(T from, T to);
    }

    private static <T> void matchByName(List<T> from, List<T> to, Function<T, String> name, Pair<T> pair) {
        for (String key : union(from.stream().map(name).toList(), to.stream().map(name).toList())) {
            pair.accept(find(from, name, key), find(to, name, key));
        }
    }

    private static <T> T find(List<T> items, Function<T, String> name, String key) {
        return items.stream().filter(i -> name.apply(i).equals(key)).findFirst().orElse(null);
    }

    private static TreeSet<String> union(List<String> a, List<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
