package io.fcn.persistence.internal.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.ForeignKeyModel;
import io.fcn.persistence.schema.model.Identifiers;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.TableModel;

/**
 * Collects catalog rows table by table into {@link TableModel}s. Rows of tables the filter left out are ignored;
 * multi-column keys and indexes arrive one row per column, in key order.
 */
final class TableAssembler {

    private final Map<String, Parts> tables = new TreeMap<>();
    private final boolean checksKnown;
    private final boolean defaultsKnown;

    TableAssembler(boolean checksKnown, boolean defaultsKnown) {
        this.checksKnown = checksKnown;
        this.defaultsKnown = defaultsKnown;
    }

    void addTable(String table) {
        tables.put(Identifiers.normalize(table), new Parts());
    }

    private Optional<Parts> parts(String table) {
        return Optional.ofNullable(tables.get(Identifiers.normalize(table)));
    }

    void addColumn(String table, ColumnModel column) {
        parts(table).ifPresent(p -> p.columns.add(column));
    }

    /**
     * One row of a catalog's key query (columns {@code table_name}, {@code constraint_name}, {@code column_name}),
     * of a primary key when {@code primary}, else of a unique key.
     */
    void addKeyRow(ResultSet rs, boolean primary) throws SQLException {
        String key = rs.getString("constraint_name");
        String column = rs.getString("column_name");
        parts(rs.getString("table_name")).ifPresent(p -> {
            if (primary) {
                p.primaryKeyName = key;
                p.primaryKeyColumns.add(column);
            } else {
                p.uniqueKeys.computeIfAbsent(key, k -> new ArrayList<>()).add(column);
            }
        });
    }

    /** One row of a catalog's foreign-key query: the key columns, then {@code referenced_table/_column}. */
    void addForeignKeyRow(ResultSet rs) throws SQLException {
        String key = rs.getString("constraint_name");
        String column = rs.getString("column_name");
        String referencedTable = rs.getString("referenced_table");
        String referencedColumn = rs.getString("referenced_column");
        parts(rs.getString("table_name")).ifPresent(p -> {
            ForeignKeyParts fk = p.foreignKeys.computeIfAbsent(key, k -> new ForeignKeyParts(referencedTable));
            fk.columns.add(column);
            fk.referencedColumns.add(referencedColumn);
        });
    }

    /**
     * One column of an index; {@code included} is null when the engine cannot tell included columns apart,
     * {@code filter} null when it cannot show filters.
     */
    void addIndexColumn(String table, String index, Boolean unique, Optional<String> filter, String column,
            Boolean included) {
        parts(table).ifPresent(p -> {
            IndexParts parts = p.indexes.computeIfAbsent(index,
                    k -> new IndexParts(unique, filter, included == null ? null : new ArrayList<>()));
            if (Boolean.TRUE.equals(included)) {
                parts.included.add(column);
            } else {
                parts.columns.add(column);
            }
        });
    }

    void addCheck(String table, CheckModel check) {
        parts(table).ifPresent(p -> p.checks.add(check));
    }

    void addDefault(String table, DefaultModel defaultValue) {
        parts(table).ifPresent(p -> p.defaults.add(defaultValue));
    }

    List<TableModel> tables() {
        List<TableModel> out = new ArrayList<>();
        tables.forEach((name, p) -> out.add(new TableModel(name, p.columns,
                p.primaryKeyName == null ? null : new KeyModel(p.primaryKeyName, p.primaryKeyColumns),
                p.uniqueKeys.entrySet().stream().map(e -> new KeyModel(e.getKey(), e.getValue())).toList(),
                p.foreignKeys.entrySet().stream().map(e -> new ForeignKeyModel(e.getKey(), e.getValue().columns,
                        e.getValue().referencedTable, e.getValue().referencedColumns)).toList(),
                p.indexes.entrySet().stream().map(e -> new IndexModel(e.getKey(), e.getValue().columns,
                        e.getValue().unique, e.getValue().included, e.getValue().filter)).toList(),
                checksKnown ? p.checks : null,
                defaultsKnown ? p.defaults : null)));
        return out;
    }

    private static final class Parts {
        final List<ColumnModel> columns = new ArrayList<>();
        String primaryKeyName;
        final List<String> primaryKeyColumns = new ArrayList<>();
        final Map<String, List<String>> uniqueKeys = new LinkedHashMap<>();
        final Map<String, ForeignKeyParts> foreignKeys = new LinkedHashMap<>();
        final Map<String, IndexParts> indexes = new LinkedHashMap<>();
        final List<CheckModel> checks = new ArrayList<>();
        final List<DefaultModel> defaults = new ArrayList<>();
    }

    private static final class ForeignKeyParts {
        final String referencedTable;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();

        ForeignKeyParts(String referencedTable) {
            this.referencedTable = referencedTable;
        }
    }

    private static final class IndexParts {
        final Boolean unique;
        final Optional<String> filter;
        final List<String> columns = new ArrayList<>();
        final List<String> included;

        IndexParts(Boolean unique, Optional<String> filter, List<String> included) {
            this.unique = unique;
            this.filter = filter;
            this.included = included;
        }
    }
}
