package io.fcn.persistence.schema.model;

import java.util.Objects;

/**
 * One entry of a {@link SchemaDiff}: an object added, removed or changed between the two models, or a property
 * that cannot be compared because one side cannot show it ("not comparable", never a change).
 *
 * @param kind     added, removed, changed or not comparable
 * @param object   what kind of object the entry is about
 * @param table    the table the object belongs to (the table itself for {@link ObjectType#TABLE})
 * @param path     {@code fcn_trade} (table), {@code fcn_trade.notional} (column or its default),
 *                 {@code fcn_trade.uq_fcn_trade_trade_id} (key, index or check; the primary key by the name on the
 *                 {@code from} side when it has one)
 * @param property what changed or cannot be compared ({@code type}, {@code nullable}, {@code columns},
 *                 {@code national}, {@code filter} …; {@code checks} or {@code defaults} on a table whose side
 *                 cannot show them at all); null for an added or removed object
 * @param from     the model object on the {@code from} side ({@link TableModel}, {@link ColumnModel},
 *                 {@link KeyModel}, {@link ForeignKeyModel}, {@link IndexModel}, {@link CheckModel},
 *                 {@link DefaultModel}); null when the object was added
 * @param to       the model object on the {@code to} side; null when the object was removed
 * @param fromText the {@code from} side as people read it: the object, or the property's value; null when added,
 *                 {@code "not shown"} for a property that side cannot show
 * @param toText   the same for the {@code to} side
 */
public record SchemaChange(Kind kind, ObjectType object, String table, String path, String property, Object from,
        Object to, String fromText, String toText) {

    /** Text of a property a side cannot show. */
    public static final String NOT_SHOWN = "not shown";

    /** What happened to the object or property. */
    public enum Kind {
        /** Only the {@code to} side has the object. */
        ADDED,
        /** Only the {@code from} side has the object. */
        REMOVED,
        /** Both sides have the object; a property differs. */
        CHANGED,
        /** One side cannot show the property: neither a change nor a match. */
        NOT_COMPARABLE
    }

    /** The kind of schema object an entry is about. */
    public enum ObjectType {
        /** A table. */
        TABLE,
        /** A column. */
        COLUMN,
        /** A primary key. */
        PRIMARY_KEY,
        /** A unique constraint. */
        UNIQUE_KEY,
        /** A foreign key. */
        FOREIGN_KEY,
        /** An index (not a constraint's). */
        INDEX,
        /** A CHECK constraint. */
        CHECK,
        /** A column default. */
        DEFAULT
    }

    /**
     * An entry; kind, object, table and path are required.
     * @param kind     added, removed, changed or not comparable
     * @param object   what kind of object the entry is about
     * @param table    the table the object belongs to
     * @param path     the object's path, e.g. {@code fcn_trade.notional}
     * @param property what changed or cannot be compared; null for an added or removed object
     * @param from     the model object on the {@code from} side, or null
     * @param to       the model object on the {@code to} side, or null
     * @param fromText the {@code from} side as people read it
     * @param toText   the {@code to} side as people read it
     */
    public SchemaChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
    }

    /** {@return whether this is a difference: ADDED, REMOVED or CHANGED, not NOT_COMPARABLE} */
    public boolean isDifference() {
        return kind != Kind.NOT_COMPARABLE;
    }

    /**
     * What a not-comparable entry is about, as one key: {@code column.national}, {@code index.filter},
     * {@code default.name}; {@code checks} or {@code defaults} for a table-level entry.
     * @return the key
     */
    public String propertyKey() {
        return object == ObjectType.TABLE ? property
                : object.name().toLowerCase(java.util.Locale.ROOT) + "." + property;
    }
}
