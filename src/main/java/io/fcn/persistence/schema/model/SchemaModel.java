package io.fcn.persistence.schema.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The library's schema as one source shows it: the generated classes, a live catalog, or (later) a migration
 * version's expected model. Immutable and sorted by name, so two models of the same schema are equal and compare
 * in a stable order. A property a source cannot show is null in it: "not checkable here", never a difference.
 *
 * @param source what the model was read from, for people (e.g. {@code "generated classes"}); never credentials
 * @param tables the tables, sorted by name
 */
public record SchemaModel(String source, List<TableModel> tables) {

    /**
     * A schema; tables are sorted by name.
     * @param source what the model was read from
     * @param tables the tables
     * @throws IllegalArgumentException when two tables have the same name
     */
    public SchemaModel {
        Objects.requireNonNull(source, "source");
        tables = tables.stream().sorted(Comparator.comparing(TableModel::name)).toList();
        long distinct = tables.stream().map(TableModel::name).distinct().count();
        if (distinct != tables.size()) {
            throw new IllegalArgumentException("Duplicate table names in " + source);
        }
    }

    /**
     * The table of this name.
     * @param name a table name, in any letter case
     * @return the table, or empty
     */
    public Optional<TableModel> table(String name) {
        String wanted = Identifiers.normalize(name);
        return tables.stream().filter(t -> t.name().equals(wanted)).findFirst();
    }

    /** {@return the table names, sorted} */
    public List<String> tableNames() {
        return tables.stream().map(TableModel::name).toList();
    }
}
