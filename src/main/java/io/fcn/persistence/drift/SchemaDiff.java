package io.fcn.persistence.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.drift.Finding.Severity;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.ForeignKeyModel;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;
import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.drift.Finding;

/**
 * Compares an expected schema with an actual one. Objects are matched by name (columns, keys, indexes, checks; a
 * default by its column; the primary key per table). A property is compared only when both sides can show it;
 * otherwise it is counted as not checkable. Severities: an unexpected table, index or default, or an unexpected
 * column the library's inserts can ignore (nullable, defaulted or identity), is a WARNING; everything else is an
 * ERROR.
 */
public final class SchemaDiff {

    private final List<Finding> findings = new ArrayList<>();
    private final SortedMap<String, Integer> notCheckable = new TreeMap<>();

    private SchemaDiff() {
    }

    /**
     * Compares two schema models, table by table and object by object.
     * @param expected the schema the version should have
     * @param actual the schema read from a database
     * @return the differences and what could not be checked
     */
    public static DriftReport compare(SchemaModel expected, SchemaModel actual) {
        SchemaDiff diff = new SchemaDiff();
        for (String name : union(expected.tableNames(), actual.tableNames())) {
            Optional<TableModel> e = expected.table(name);
            Optional<TableModel> a = actual.table(name);
            if (a.isEmpty()) {
                diff.add(Severity.ERROR, Kind.MISSING, ObjectType.TABLE, name, null, describe(e.get()), null);
            } else if (e.isEmpty()) {
                diff.add(Severity.WARNING, Kind.UNEXPECTED, ObjectType.TABLE, name, null, null, describe(a.get()));
            } else {
                diff.table(e.get(), a.get());
            }
        }
        return new DriftReport(expected.source(), actual.source(), diff.findings, diff.notCheckable);
    }

    private static String describe(TableModel table) {
        return "table (" + table.columns().size() + " columns)";
    }

    private void table(TableModel e, TableModel a) {
        String t = e.name();
        matchByName(e.columns(), a.columns(), ColumnModel::name, (ce, ca) -> {
            String path = t + "." + (ce != null ? ce : ca).name();
            if (ca == null) {
                add(Severity.ERROR, Kind.MISSING, ObjectType.COLUMN, path, null, ce.describe(), null);
            } else if (ce == null) {
                add(insertsIgnore(a, ca) ? Severity.WARNING : Severity.ERROR, Kind.UNEXPECTED, ObjectType.COLUMN,
                        path, null, null, ca.describe());
            } else {
                column(path, ce, ca);
            }
        });
        primaryKey(t, e.primaryKey(), a.primaryKey());
        matchByName(e.uniqueKeys(), a.uniqueKeys(), KeyModel::name, (ke, ka) -> {
            String path = t + "." + (ke != null ? ke : ka).name();
            if (present(ObjectType.UNIQUE_KEY, path, ke == null ? null : ke.describe(),
                    ka == null ? null : ka.describe(), Severity.ERROR)) {
                changed(ObjectType.UNIQUE_KEY, path, "columns", ke.columns(), ka.columns());
            }
        });
        matchByName(e.foreignKeys(), a.foreignKeys(), ForeignKeyModel::name, (fe, fa) -> {
            String path = t + "." + (fe != null ? fe : fa).name();
            if (present(ObjectType.FOREIGN_KEY, path, fe == null ? null : fe.describe(),
                    fa == null ? null : fa.describe(), Severity.ERROR)) {
                changed(ObjectType.FOREIGN_KEY, path, "columns", fe.columns(), fa.columns());
                changed(ObjectType.FOREIGN_KEY, path, "references", fe.references(), fa.references());
            }
        });
        matchByName(e.indexes(), a.indexes(), IndexModel::name, (ie, ia) -> {
            String path = t + "." + (ie != null ? ie : ia).name();
            if (present(ObjectType.INDEX, path, ie == null ? null : ie.describe(),
                    ia == null ? null : ia.describe(), Severity.WARNING)) {
                index(path, ie, ia);
            }
        });
        checks(t, e.checks(), a.checks());
        defaults(t, e.defaults(), a.defaults());
    }

    /** An unexpected column the library's inserts need not fill. */
    private static boolean insertsIgnore(TableModel table, ColumnModel column) {
        return !Boolean.FALSE.equals(column.nullable()) || Boolean.TRUE.equals(column.identity())
                || table.defaultOf(column.name()).isPresent();
    }

    private void column(String path, ColumnModel e, ColumnModel a) {
        if (e.type().family().isCharacter() && !(e.type().nationalKnown() && a.type().nationalKnown())) {
            unknown("column.national");
        }
        if (!e.type().matches(a.type())) {
            add(Severity.ERROR, Kind.CHANGED, ObjectType.COLUMN, path, "type", e.type().sql(), a.type().sql());
        } else {
            sizesShown(e.type(), a.type());
        }
        compareKnown(ObjectType.COLUMN, path, "nullable", "column.nullable",
                nullability(e.nullable()), nullability(a.nullable()));
        compareKnown(ObjectType.COLUMN, path, "identity", "column.identity",
                identity(e.identity()), identity(a.identity()));
    }

    /** Counts the size properties of matching types that one side cannot show (they matched unchecked). */
    private void sizesShown(ColumnType e, ColumnType a) {
        switch (e.family().size()) {
            case NONE -> {
            }
            case LENGTH -> shown(e.length(), a.length(), "column.length");
            case PRECISION_SCALE -> {
                shown(e.precision(), a.precision(), "column.precision");
                shown(e.scale(), a.scale(), "column.scale");
            }
            case FRACTIONAL_SECONDS -> shown(e.scale(), a.scale(), "column.scale");
        }
    }

    private void shown(Object expected, Object actual, String unknownKey) {
        if (expected == null || actual == null) {
            unknown(unknownKey);
        }
    }

    private static String nullability(Boolean nullable) {
        return nullable == null ? null : nullable ? "NULL" : "NOT NULL";
    }

    private static String identity(Boolean identity) {
        return identity == null ? null : identity ? "IDENTITY" : "not IDENTITY";
    }

    private void primaryKey(String table, KeyModel e, KeyModel a) {
        if (e == null && a == null) {
            return;
        }
        String path = table + "." + (e != null ? e : a).name();
        if (present(ObjectType.PRIMARY_KEY, path, e == null ? null : e.describe(), a == null ? null : a.describe(),
                Severity.ERROR)) {
            changed(ObjectType.PRIMARY_KEY, path, "name", e.name(), a.name());
            changed(ObjectType.PRIMARY_KEY, path, "columns", e.columns(), a.columns());
        }
    }

    private void index(String path, IndexModel e, IndexModel a) {
        changed(ObjectType.INDEX, path, "columns", e.columns(), a.columns());
        compareKnown(ObjectType.INDEX, path, "unique", "index.unique", e.unique(), a.unique());
        compareKnown(ObjectType.INDEX, path, "included_columns", "index.included_columns",
                e.includedColumns(), a.includedColumns());
        compareKnown(ObjectType.INDEX, path, "filter", "index.filter",
                e.filter() == null ? null : e.filter().orElse("(none)"),
                a.filter() == null ? null : a.filter().orElse("(none)"));
    }

    private void checks(String table, List<CheckModel> e, List<CheckModel> a) {
        if (e == null || a == null) {
            unknown("checks");
            return;
        }
        matchByName(e, a, CheckModel::name, (ce, ca) -> {
            String path = table + "." + (ce != null ? ce : ca).name();
            if (present(ObjectType.CHECK, path, ce == null ? null : check(ce), ca == null ? null : check(ca),
                    Severity.ERROR)) {
                compareKnown(ObjectType.CHECK, path, "expression", "check.expression",
                        ce.expression(), ca.expression());
            }
        });
    }

    private static String check(CheckModel check) {
        return check.expression() == null ? "CHECK" : "CHECK (" + check.expression() + ")";
    }

    private void defaults(String table, List<DefaultModel> e, List<DefaultModel> a) {
        if (e == null || a == null) {
            unknown("defaults");
            return;
        }
        matchByName(e, a, DefaultModel::column, (de, da) -> {
            String path = table + "." + (de != null ? de : da).column();
            if (present(ObjectType.DEFAULT, path, de == null ? null : defaultValue(de),
                    da == null ? null : defaultValue(da), Severity.WARNING)) {
                compareKnown(ObjectType.DEFAULT, path, "name", "default.name", de.name(), da.name());
                compareKnown(ObjectType.DEFAULT, path, "expression", "default.expression",
                        de.expression(), da.expression());
            }
        });
    }

    private static String defaultValue(DefaultModel d) {
        return (d.name() == null ? "" : "CONSTRAINT " + d.name() + " ")
                + "DEFAULT " + (d.expression() == null ? "(not known)" : d.expression());
    }

    /**
     * Reports a missing (always ERROR) or unexpected ({@code unexpectedSeverity}) object; true when both sides
     * have it and its properties are to be compared.
     */
    private boolean present(ObjectType object, String path, String expected, String actual,
            Severity unexpectedSeverity) {
        if (actual == null) {
            add(Severity.ERROR, Kind.MISSING, object, path, null, expected, null);
            return false;
        }
        if (expected == null) {
            add(unexpectedSeverity, Kind.UNEXPECTED, object, path, null, null, actual);
            return false;
        }
        return true;
    }

    private void changed(ObjectType object, String path, String property, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            add(Severity.ERROR, Kind.CHANGED, object, path, property, show(expected), show(actual));
        }
    }

    /** Compares a property only when both sides know it; otherwise counts it as not checkable. */
    private void compareKnown(ObjectType object, String path, String property, String unknownKey, Object expected,
            Object actual) {
        if (expected == null || actual == null) {
            unknown(unknownKey);
        } else {
            changed(object, path, property, expected, actual);
        }
    }

    private static String show(Object value) {
        return value instanceof List<?> list
                ? "(" + String.join(", ", list.stream().map(String::valueOf).toList()) + ")"
                : String.valueOf(value);
    }

    private void unknown(String what) {
        notCheckable.merge(what, 1, Integer::sum);
    }

    private void add(Severity severity, Kind kind, ObjectType object, String path, String property, String expected,
            String actual) {
        findings.add(new Finding(severity, kind, object, path, property, expected, actual));
    }

    @FunctionalInterface
    private interface Pair<T> {
        /** One of the two is null when only the other side has the object. */
        void accept(T expected, T actual);
    }

    private static <T> void matchByName(List<T> expected, List<T> actual, Function<T, String> name, Pair<T> pair) {
        for (String key : union(expected.stream().map(name).toList(), actual.stream().map(name).toList())) {
            pair.accept(find(expected, name, key), find(actual, name, key));
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
