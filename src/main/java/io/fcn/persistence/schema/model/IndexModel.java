package io.fcn.persistence.schema.model;

import java.util.List;
import java.util.Optional;

/**
 * An index that is not the implementation of a primary key or unique constraint.
 *
 * @param name            the index name
 * @param columns         key columns in index order
 * @param unique          null when not known
 * @param includedColumns sorted ({@code INCLUDE} order carries no meaning); null when the reader cannot show them
 * @param filter          the normalized filter predicate, empty for an unfiltered index; null when the reader
 *                        cannot show filters
 */
public record IndexModel(String name, List<String> columns, Boolean unique, List<String> includedColumns,
        Optional<String> filter) {

    /**
     * An index; names are folded to lower case, included columns sorted, the filter normalized.
     * @param name the index's name
     * @param columns key columns in index order
     * @param unique whether it is unique, or null
     * @param includedColumns the INCLUDE columns, or null
     * @param filter the filter predicate, empty for none, or null
     */
    public IndexModel {
        name = Identifiers.normalize(name);
        columns = Identifiers.normalize(columns);
        includedColumns = Identifiers.sortedOrNull(includedColumns);
        filter = filter == null ? null : filter.map(SqlText::normalize).filter(f -> !f.isEmpty());
    }

    /**
     * E.g. {@code UNIQUE (a, b) INCLUDE (c) WHERE c IS NOT NULL}.
     * @return the index as people read it
     */
    public String describe() {
        return (Boolean.TRUE.equals(unique) ? "UNIQUE " : "") + "(" + String.join(", ", columns) + ")"
                + (includedColumns == null || includedColumns.isEmpty() ? ""
                        : " INCLUDE (" + String.join(", ", includedColumns) + ")")
                + (filter == null || filter.isEmpty() ? "" : " WHERE " + filter.get());
    }
}
