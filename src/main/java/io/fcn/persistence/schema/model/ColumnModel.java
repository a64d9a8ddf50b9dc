package io.fcn.persistence.schema.model;

import java.util.Objects;

/**
 * A column. {@code nullable} and {@code identity} are null when the reader cannot show them (not checkable).
 */
public record ColumnModel(String name, ColumnType type, Boolean nullable, Boolean identity) {

    public ColumnModel {
        name = Identifiers.normalize(name);
        Objects.requireNonNull(type, "type");
    }

    /** E.g. {@code DECIMAL(18,4) NOT NULL}, {@code INT NOT NULL IDENTITY}. */
    public String describe() {
        return type.sql()
                + (nullable == null ? "" : nullable ? " NULL" : " NOT NULL")
                + (Boolean.TRUE.equals(identity) ? " IDENTITY" : "");
    }
}
