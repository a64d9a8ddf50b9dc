package io.fcn.persistence.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.Table;
import org.jooq.UniqueKey;

import io.fcn.persistence.internal.snapshot.MigrationInterpreter;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.Identifiers;

/**
 * What one DDL statement did, read as the difference between jOOQ's interpreted schema before and after it (the
 * interpretation the snapshots use), so lint does not re-parse DDL itself. Names are lower case, unqualified.
 */
final class Effect {

    enum Kind {
        PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK
    }

    record Column(String table, String name, ColumnType type, boolean nullable, boolean defaulted, boolean identity) {
    }

    record Constraint(String table, Kind kind, String name) {
    }

    record AddedIndex(String table, String name, boolean unique) {
    }

    final List<String> tablesCreated = new ArrayList<>();
    final List<String> tablesDropped = new ArrayList<>();
    final List<Column> columnsAdded = new ArrayList<>();
    final List<Column> columnsDropped = new ArrayList<>();
    /** Old and new state of a column whose type or nullability changed. */
    final List<Column[]> columnsChanged = new ArrayList<>();
    final List<Constraint> constraintsAdded = new ArrayList<>();
    final List<AddedIndex> indexesAdded = new ArrayList<>();

    static Effect between(Meta before, Meta after) {
        Effect e = new Effect();
        Map<String, Table<?>> old = tables(before);
        Map<String, Table<?>> now = tables(after);
        old.keySet().stream().filter(t -> !now.containsKey(t)).forEach(e.tablesDropped::add);
        now.keySet().stream().filter(t -> !old.containsKey(t)).forEach(e.tablesCreated::add);
        for (Map.Entry<String, Table<?>> entry : now.entrySet()) {
            Table<?> previous = old.get(entry.getKey());
            e.compare(entry.getKey(), previous, entry.getValue());
        }
        return e;
    }

    private void compare(String table, Table<?> before, Table<?> after) {
        Map<String, Column> oldColumns = before == null ? Map.of() : columns(table, before);
        Map<String, Column> newColumns = columns(table, after);
        newColumns.forEach((name, column) -> {
            Column previous = oldColumns.get(name);
            if (previous == null) {
                columnsAdded.add(column);
            } else if (!previous.type().equals(column.type()) || previous.nullable() != column.nullable()) {
                columnsChanged.add(new Column[] {previous, column});
            }
        });
        oldColumns.forEach((name, column) -> {
            if (!newColumns.containsKey(name)) {
                columnsDropped.add(column);
            }
        });
        List<Constraint> oldConstraints = before == null ? List.of() : constraints(table, before);
        List<Constraint> remaining = new ArrayList<>(oldConstraints);
        for (Constraint c : constraints(table, after)) {
            if (!remaining.remove(c)) {
                constraintsAdded.add(c);
            }
        }
        Map<String, Index> oldIndexes = before == null ? Map.of() : indexes(before);
        Map<String, Index> newIndexes = indexes(after);
        newIndexes.forEach((name, index) -> {
            if (!oldIndexes.containsKey(name)) {
                indexesAdded.add(new AddedIndex(table, name, index.getUnique()));
            }
        });
    }

    private static Map<String, Table<?>> tables(Meta meta) {
        Map<String, Table<?>> tables = new LinkedHashMap<>();
        for (Table<?> t : meta.getTables()) {
            tables.put(Identifiers.normalize(t.getName()), t);
        }
        return tables;
    }

    private static Map<String, Column> columns(String table, Table<?> t) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Field<?> f : t.fields()) {
            DataType<?> type = f.getDataType();
            String name = Identifiers.normalize(f.getName());
            columns.put(name, new Column(table, name, MigrationInterpreter.type(type), type.nullable(),
                    type.defaulted(), type.identity()));
        }
        return columns;
    }

    private static List<Constraint> constraints(String table, Table<?> t) {
        List<Constraint> list = new ArrayList<>();
        UniqueKey<?> pk = t.getPrimaryKey();
        if (pk != null) {
            list.add(new Constraint(table, Kind.PRIMARY_KEY, Identifiers.normalize(pk.getName())));
        }
        t.getUniqueKeys().stream().filter(k -> !k.isPrimary())
                .forEach(k -> list.add(new Constraint(table, Kind.UNIQUE, Identifiers.normalize(k.getName()))));
        t.getReferences().forEach(k -> list.add(new Constraint(table, Kind.FOREIGN_KEY,
                Identifiers.normalize(k.getName()))));
        t.getChecks().forEach(k -> list.add(new Constraint(table, Kind.CHECK, Identifiers.normalize(k.getName()))));
        return list;
    }

    private static Map<String, Index> indexes(Table<?> t) {
        Map<String, Index> map = new HashMap<>();
        t.getIndexes().forEach(i -> map.put(Identifiers.normalize(i.getName()), i));
        return map;
    }
}
