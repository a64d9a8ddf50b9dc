package io.fcn.persistence.internal.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import io.fcn.persistence.internal.engine.DriverText;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.sqlserver.SqlServerSettings;
import io.fcn.persistence.internal.engine.SqlServerUrl;
import io.fcn.persistence.internal.engine.UrlSecrets;

/**
 * A SQL Server database for one test run: a throwaway database created on the server and dropped on close, or,
 * where the login may not create databases, the database the URL names, used only if it is empty and emptied again
 * on close.
 */
public final class SqlServerDatabase implements Database {

    private static final int CREATE_DATABASE_PERMISSION_DENIED = 262;

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String databaseName;
    private final boolean throwaway;
    private final String description;
    private final SQLServerDataSource dataSource;

    private SqlServerDatabase(String serverUrl, String user, String password, String databaseName, boolean throwaway,
            String label) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.databaseName = databaseName;
        this.throwaway = throwaway;
        this.dataSource = dataSource(SqlServerUrl.withDatabase(serverUrl, databaseName), user, password);
        this.description = label + " (" + SqlServerUrl.redact(SqlServerUrl.withDatabase(serverUrl, databaseName))
                + (throwaway ? ", throwaway database" : ", existing empty database") + ")";
    }

    /**
     * Creates a throwaway database on the server at {@code url}; falls back to the (empty) database the URL names
     * when the login lacks CREATE DATABASE.
     */
    public static SqlServerDatabase create(String url, String user, String password, String label) {
        String name = "fcn_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = dataSource(url, user, password).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return new SqlServerDatabase(url, user, password, name, true, label);
        } catch (SQLException e) {
            if (e.getErrorCode() != CREATE_DATABASE_PERMISSION_DENIED) {
                throw new IllegalStateException(label + ": cannot create a test database on "
                        + SqlServerUrl.redact(url) + ": " + UrlSecrets.maskText(e.getMessage(), secrets(url, password)),
                        e);
            }
        }
        String named = SqlServerUrl.database(url);
        if (named == null) {
            throw new IllegalStateException(label + ": the login may not create databases and the URL names none "
                    + "(add databaseName=<an empty database>)");
        }
        SqlServerDatabase existing = new SqlServerDatabase(url, user, password, named, false, label);
        existing.requireEmpty();
        return existing;
    }

    /** A DataSource for {@code url} under the library's recommended settings ({@link SqlServerSettings}). */
    public static SQLServerDataSource dataSource(String url, String user, String password) {
        SQLServerDataSource ds = new SQLServerDataSource();
        ds.setURL(SqlServerSettings.applyTo(url));
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    private static java.util.Set<String> secrets(String url, String password) {
        java.util.Set<String> out = new java.util.HashSet<>(UrlSecrets.secretValues(url));
        if (password != null) {
            out.add(password);
        }
        return out;
    }

    private void requireEmpty() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sys.tables WHERE is_ms_shipped = 0")) {
            rs.next();
            int tables = rs.getInt(1);
            if (tables > 0) {
                throw new IllegalStateException("Refusing to use database " + databaseName + ": it has " + tables
                        + " tables, and the test suite empties the database it uses. Point the URL at an empty one.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot inspect database " + databaseName + ": " + DriverText.reason(e), DriverText.masked(e));
        }
    }

    @Override
    public EngineFamily family() {
        return EngineFamily.SQL_SERVER;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Another DataSource for this database, with {@code properties} set over the URL's and the recommended ones
     * (e.g. {@code sendStringParametersAsUnicode=true}, to see what the library does on a connection without them).
     */
    public DataSource dataSource(Map<String, String> properties) {
        return dataSource(SqlServerSettings.withProperties(SqlServerUrl.withDatabase(serverUrl, databaseName),
                properties, true), user, password);
    }

    public String databaseName() {
        return databaseName;
    }

    @Override
    public void close() {
        try {
            if (throwaway) {
                try (Connection c = dataSource(serverUrl, user, password).getConnection();
                        Statement s = c.createStatement()) {
                    try {
                        s.execute("ALTER DATABASE " + databaseName + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE");
                    } catch (SQLException notSupported) {
                        // Not every engine speaking T-SQL has it; without other sessions DROP works anyway.
                    }
                    s.execute("DROP DATABASE " + databaseName);
                }
            } else {
                dropAllTables();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clean up " + description + ": " + DriverText.reason(e), DriverText.masked(e));
        }
    }

    /** The database was empty when we took it: everything in it now is ours. */
    private void dropAllTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> drops = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT QUOTENAME(SCHEMA_NAME(t.schema_id)) + '.' + QUOTENAME(t.name),"
                    + " QUOTENAME(fk.name) FROM sys.foreign_keys fk JOIN sys.tables t ON t.object_id = fk.parent_object_id")) {
                while (rs.next()) {
                    drops.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT QUOTENAME(SCHEMA_NAME(schema_id)) + '.' + QUOTENAME(name)"
                    + " FROM sys.tables WHERE is_ms_shipped = 0")) {
                while (rs.next()) {
                    drops.add("DROP TABLE " + rs.getString(1));
                }
            }
            for (String drop : drops) {
                s.execute(drop);
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
