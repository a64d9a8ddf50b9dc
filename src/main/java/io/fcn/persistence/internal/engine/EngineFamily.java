package io.fcn.persistence.internal.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;


/** The two kinds of database the library runs on. SQL Server includes engines that speak its protocol. */
public enum EngineFamily {
    SQL_SERVER,
    H2;

    public static EngineFamily of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return of(c);
        } catch (SQLException e) {
            throw DriverText.dataAccess("Cannot connect to find the database engine", e);
        }
    }

    public static EngineFamily of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("sql server")) {
            return SQL_SERVER;
        }
        throw new IllegalStateException("Unsupported database product: " + product);
    }
}
