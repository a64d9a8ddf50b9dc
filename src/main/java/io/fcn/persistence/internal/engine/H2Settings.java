package io.fcn.persistence.internal.engine;

/** The H2 URL settings the library's embedded engine runs with: SQL Server's mode and collation, schema dbo. */
public final class H2Settings {

    /** Appended to an H2 URL; the session schema is {@code dbo}, as on SQL Server. */
    public static final String MODE = ";MODE=MSSQLServer;DATABASE_TO_LOWER=TRUE;IGNORECASE=TRUE"
            + ";INIT=CREATE SCHEMA IF NOT EXISTS dbo\\;SET SCHEMA dbo";

    private H2Settings() {
    }
}
