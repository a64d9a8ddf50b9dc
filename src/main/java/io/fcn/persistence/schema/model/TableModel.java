package io.fcn.persistence.schema.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A table with everything the schema comparison looks at. Lists are sorted by name (columns too: their order in
 * the table is not compared). {@code checks} and {@code defaults} are null when the reader cannot show them at all
 * (not checkable); {@code primaryKey} is null when the table has none.
 *
 * @param name        the table name
 * @param columns     the columns, sorted by name
 * @param primaryKey  the primary key, or null
 * @param uniqueKeys  the unique constraints
 * @param foreignKeys the foreign keys
 * @param indexes     the indexes that are not a key's
 * @param checks      the CHECK constraints, or null when not checkable
 * @param defaults    the column defaults, or null when not checkable
 */
public record TableModel(String name, List<ColumnModel> columns, KeyModel primaryKey, List<KeyModel> uniqueKeys,
        List<ForeignKeyModel> foreignKeys, List<IndexModel> indexes, List<CheckModel> checks,
        List<DefaultModel> defaults) {

    /**
     * A table; names are folded to lower case and lists sorted by name.
     * @param name the table's name
     * @param columns its columns
     * @param primaryKey its primary key, or null
     * @param uniqueKeys its UNIQUE constraints
     * @param foreignKeys its foreign keys
     * @param indexes its other indexes
     * @param checks its CHECK constraints, or null
     * @param defaults its column defaults, or null
     */
    public TableModel {
        name = Identifiers.normalize(name);
        columns = sorted(columns, Comparator.comparing(ColumnModel::name));
        uniqueKeys = sorted(uniqueKeys, Comparator.comparing(KeyModel::name));
        foreignKeys = sorted(foreignKeys, Comparator.comparing(ForeignKeyModel::name));
        indexes = sorted(indexes, Comparator.comparing(IndexModel::name));
        checks = checks == null ? null : sorted(checks, Comparator.comparing(CheckModel::name));
        defaults = defaults == null ? null : sorted(defaults, Comparator.comparing(DefaultModel::column));
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items.stream().sorted(order).toList();
    }

    /**
     * The column of this name.
     * @param columnName a column name, in any letter case
     * @return the column, or empty
     */
    public Optional<ColumnModel> column(String columnName) {
        String wanted = Identifiers.normalize(columnName);
        return columns.stream().filter(c -> c.name().equals(wanted)).findFirst();
    }

    /**
     * The UNIQUE constraint of this name.
     * @param keyName a constraint name, in any letter case
     * @return the key, or empty
     */
    public Optional<KeyModel> uniqueKey(String keyName) {
        String wanted = Identifiers.normalize(keyName);
        return uniqueKeys.stream().filter(k -> k.name().equals(wanted)).findFirst();
    }

    /**
     * The foreign key of this name.
     * @param keyName a constraint name, in any letter case
     * @return the key, or empty
     */
    public Optional<ForeignKeyModel> foreignKey(String keyName) {
        String wanted = Identifiers.normalize(keyName);
        return foreignKeys.stream().filter(k -> k.name().equals(wanted)).findFirst();
    }

    /**
     * The index of this name.
     * @param indexName an index name, in any letter case
     * @return the index, or empty
     */
    public Optional<IndexModel> index(String indexName) {
        String wanted = Identifiers.normalize(indexName);
        return indexes.stream().filter(i -> i.name().equals(wanted)).findFirst();
    }

    /**
     * The default of a column.
     * @param columnName a column name, in any letter case
     * @return the default, or empty (also when defaults are not checkable)
     */
    public Optional<DefaultModel> defaultOf(String columnName) {
        String wanted = Identifiers.normalize(columnName);
        return defaults == null ? Optional.empty()
                : defaults.stream().filter(d -> d.column().equals(wanted)).findFirst();
    }
}
