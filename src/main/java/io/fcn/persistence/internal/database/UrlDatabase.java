package io.fcn.persistence.internal.database;

import java.util.Locale;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.engine.H2Settings;

/**
 * A database named by a {@link DatabaseUrl}: SQL Server (or an engine speaking its protocol) through mssql-jdbc, or
 * an H2 database (made to behave as the embedded engine does). Nothing is created or dropped: closing it releases
 * nothing on the server.
 */
public final class UrlDatabase implements Database {

    private final DatabaseUrl url;
    private final EngineFamily family;
    private final DataSource dataSource;

    private UrlDatabase(DatabaseUrl url, EngineFamily family, DataSource dataSource) {
        this.url = url;
        this.family = family;
        this.dataSource = dataSource;
    }

    public static UrlDatabase open(DatabaseUrl url) {
        if (url.isSqlServer()) {
            return new UrlDatabase(url, EngineFamily.SQL_SERVER,
                    SqlServerDatabase.dataSource(url.jdbcUrl(), url.user(), url.password()));
        }
        if (url.isH2()) {
            JdbcDataSource h2 = new JdbcDataSource();
            String jdbc = url.jdbcUrl();
            h2.setURL(jdbc.toUpperCase(Locale.ROOT).contains(";MODE=") ? jdbc : jdbc + H2Settings.MODE);
            h2.setUser(url.user() == null ? "sa" : url.user());
            h2.setPassword(url.password() == null ? "" : url.password());
            return new UrlDatabase(url, EngineFamily.H2, h2);
        }
        throw new IllegalArgumentException("Unsupported database URL (jdbc:sqlserver: or jdbc:h2: expected): "
                + url.redacted());
    }

    @Override
    public EngineFamily family() {
        return family;
    }

    @Override
    public String description() {
        return (family == EngineFamily.H2 ? "H2 " : "SQL Server ") + url.redacted();
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        // The server's database outlives this handle.
    }

    @Override
    public String toString() {
        return description();
    }
}
