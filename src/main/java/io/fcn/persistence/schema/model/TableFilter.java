package io.fcn.persistence.schema.model;

import java.util.Objects;
import java.util.function.Predicate;
import io.fcn.persistence.internal.engine.LibrarySchema;


/**
 * Which tables of schema {@code dbo} a catalog reader reads, by (lower-case) table name.
 *
 * @param description what it accepts, for people
 * @param accepts     the test on a lower-case table name
 */
public record TableFilter(String description, Predicate<String> accepts) {

    /**
     * A filter.
     * @param description what it accepts, for people
     * @param accepts the test on a lower-case table name
     */
    public TableFilter {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(accepts, "accepts");
    }

    /**
     * The library's tables: named {@code fcn_*}, without Flyway's history table.
     * @return the filter
     */
    public static TableFilter library() {
        return new TableFilter("fcn_* tables",
                name -> name.startsWith("fcn_") && !name.equals(LibrarySchema.HISTORY_TABLE));
    }

    /**
     * Every table of the schema, Flyway's history tables included.
     * @return the filter
     */
    public static TableFilter all() {
        return new TableFilter("all tables", name -> true);
    }

    /**
     * Whether the filter accepts a table.
     * @param tableName a table name, in any letter case
     * @return true if it is read
     */
    public boolean test(String tableName) {
        return accepts.test(Identifiers.normalize(tableName));
    }
}
