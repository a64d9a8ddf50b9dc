package io.fcn.persistence.schema.model;

import java.util.List;

/**
 * A primary key or unique constraint: its name and its columns in key order.
 *
 * @param name    the constraint name
 * @param columns the key columns, in key order
 */
public record KeyModel(String name, List<String> columns) {

    /**
     * A key; names are folded to lower case.
     * @param name the constraint's name
     * @param columns its columns, in key order
     */
    public KeyModel {
        name = Identifiers.normalize(name);
        columns = Identifiers.normalize(columns);
    }

    /** {@return the key's columns, e.g. {@code (trade_id)}} */
    public String describe() {
        return "(" + String.join(", ", columns) + ")";
    }
}
