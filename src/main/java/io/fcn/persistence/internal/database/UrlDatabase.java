package io.fcn.persistence.internal.database;

import java.util.List;

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
    private final List<String> warnings;

    private UrlDatabase(DatabaseUrl url, EngineFamily family, DataSource dataSource, List<String> warnings) {
        this.url = url;
        this.family = family;
        this.dataSource = dataSource;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Opens {@code url}. An H2 URL that names none of the library's settings ({@link H2Settings}) gets them
     * appended; one that names some must name them all with the required values, and may carry only the allowed
     * others.
     *
     * @throws IllegalArgumentException an unsupported URL, or an H2 URL that lacks a required setting or carries one
     *                                  the library does not allow (each named)
     */
    public static UrlDatabase open(DatabaseUrl url) {
        if (url.isSqlServer()) {
            return new UrlDatabase(url, EngineFamily.SQL_SERVER,
                    SqlServerDatabase.dataSource(url.jdbcUrl(), url.user(), url.password()), List.of());
        }
        if (url.isH2()) {
            String jdbc = H2Settings.namesNone(url.jdbcUrl()) ? url.jdbcUrl() + H2Settings.URL_SUFFIX : url.jdbcUrl();
            H2Settings.Check check = H2Settings.check(jdbc);
            if (!check.errors().isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", check.errors()));
            }
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(jdbc);
            h2.setUser(url.user() == null ? "sa" : url.user());
            h2.setPassword(url.password() == null ? "" : url.password());
            return new UrlDatabase(url, EngineFamily.H2, h2, check.warnings());
        }
        throw new IllegalArgumentException("Unsupported database URL (jdbc:sqlserver: or jdbc:h2: expected): "
                + url.redacted());
    }

    /** What is usable but unwise about the URL (e.g. an H2 URL without the durability setting). */
    public List<String> warnings() {
        return warnings;
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
