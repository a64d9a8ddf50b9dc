package io.fcn.persistence.schema.model;

import java.util.Objects;

/**
 * A column. {@code nullable} and {@code identity} are null when the reader cannot show them (not checkable).
 *
 * @param name     the column name
 * @param type     the normalized type
 * @param nullable whether it allows NULL; null when not known
 * @param identity whether it is an identity column; null when not known
 */
public record ColumnModel(String name, ColumnType type, Boolean nullable, Boolean identity) {

    /**
     * A column; the name is folded to lower case.
     * @param name the column's name
     * @param type its type
     * @param nullable whether it is nullable, or null
     * @param identity whether it is an identity column, or null
     */
    public ColumnModel {
        name = Identifiers.normalize(name);
        Objects.requireNonNull(type, "type");
    }

    /**
     * E.g. {@code DECIMAL(18,4) NOT NULL}, {@code INT NOT NULL IDENTITY}.
     * @return the column's declaration without its name
     */
    public String describe() {
        return type.sql()
                + (nullable == null ? "" : nullable ? " NULL" : " NOT NULL")
                + (Boolean.TRUE.equals(identity) ? " IDENTITY" : "");
    }
}
