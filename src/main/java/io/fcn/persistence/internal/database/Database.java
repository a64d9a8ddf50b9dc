package io.fcn.persistence.internal.database;

import javax.sql.DataSource;
import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * A database obtained from one of the engines: embedded H2, SQL Server in a container, or an external SQL Server.
 * Closing it releases what the engine created for it (an in-memory database, a throwaway SQL Server database).
 */
public interface Database extends AutoCloseable {

    EngineFamily family();

    /** Where it lives, for people: never contains credentials. */
    String description();

    DataSource dataSource();

    @Override
    void close();
}
