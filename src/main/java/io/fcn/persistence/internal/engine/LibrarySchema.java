package io.fcn.persistence.internal.engine;

/** Where the library's tables live on every engine. */
public final class LibrarySchema {

    /** The library's schema, as on SQL Server. */
    public static final String SCHEMA = "dbo";

    /** Flyway's history table for the library's migrations; a service's own Flyway keeps its default table. */
    public static final String HISTORY_TABLE = "fcn_persistence_schema_history";

    private LibrarySchema() {
    }
}
