package io.fcn.persistence.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;

import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.support.AllEngines;

/**
 * A service's login usually may read and write its tables but not read definitions (SQL Server's VIEW DEFINITION,
 * which db_datareader does not grant). Checked through such a login, a clean database must never read as drifted:
 * either the engine shows it all (a clean report), or the check says that the privilege is missing, as one finding
 * of its own instead of missing objects.
 */
@AllEngines
class ReadOnlyLoginDriftTest {

    private static final int PERMISSION_DENIED = 15247;
    private static final String PASSWORD = "Rd-" + UUID.randomUUID().toString().substring(0, 18) + "-9x";

    @Test
    void aLoginThatMayOnlySelectGetsACleanReportOrThePrivilegeFinding(Database database) throws Exception {
        String login = "fcn_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        DataSource reader = readOnlyLogin(database, login);
        try {
            DriftReport report = DriftCheck.of(reader).againstLatest().run();

            assertTrue(report.findings().stream().noneMatch(f -> f.kind() != Kind.MISSING
                    || f.object() != ObjectType.PRIVILEGE), report::toText);
            if (hidesDefinitions(database)) {
                assertEquals(List.of(ObjectType.PRIVILEGE),
                        report.findings().stream().map(Finding::object).toList(), report::toText);
                assertTrue(report.findings().get(0).actual().contains("VIEW DEFINITION"), report::toText);
            } else {
                assertTrue(report.isEmpty(), report::toText);
            }
        } finally {
            dropLogin(database, login);
        }
    }

    /**
     * SQL Server hides definitions without VIEW DEFINITION; Babelfish (T-SQL on PostgreSQL, it says so in
     * SERVERPROPERTY) shows a table's whole definition to whoever may select from it, like the embedded engine.
     */
    private static boolean hidesDefinitions(Database database) throws SQLException {
        if (database.family() != EngineFamily.SQL_SERVER) {
            return false;
        }
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CAST(SERVERPROPERTY('babelfish') AS int)")) {
            return !(rs.next() && rs.getInt(1) == 1);
        }
    }

    private static DataSource readOnlyLogin(Database database, String login) throws SQLException {
        if (database instanceof EmbeddedDatabase embedded) {
            execute(database.dataSource(), "CREATE USER " + login + " PASSWORD '" + PASSWORD + "'",
                    "GRANT SELECT ON SCHEMA dbo TO " + login);
            JdbcDataSource ds = new JdbcDataSource();
            // The database is open with its settings; setting them again is for admins only.
            ds.setURL(embedded.jdbcUrl().substring(0, embedded.jdbcUrl().indexOf(';')));
            ds.setUser(login);
            ds.setPassword(PASSWORD);
            return ds;
        }
        try {
            execute(database.dataSource(), "CREATE LOGIN " + login + " WITH PASSWORD = '" + PASSWORD + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() == PERMISSION_DENIED) {
                Assumptions.abort("the test login may not create logins on " + database.description());
            }
            throw e;
        }
        execute(database.dataSource(), "CREATE USER " + login + " FOR LOGIN " + login);
        grantSelectOnLibraryTables(database.dataSource(), login);
        SQLServerDataSource admin = database.dataSource().unwrap(SQLServerDataSource.class);
        SQLServerDataSource ds = new SQLServerDataSource();
        ds.setURL(admin.getURL());
        ds.setUser(login);
        ds.setPassword(PASSWORD);
        return ds;
    }

    private static final List<String> TABLES = List.of("fcn_template", "fcn_trade", "fcn_observation",
            "fcn_lifecycle_event", "fcn_idempotency_key", "fcn_persistence_schema_history");

    /** Table by table: not every engine speaking T-SQL has schema-level grants. */
    private static void grantSelectOnLibraryTables(DataSource admin, String user) throws SQLException {
        for (String table : TABLES) {
            execute(admin, "GRANT SELECT ON dbo." + table + " TO " + user);
        }
    }

    private static void dropLogin(Database database, String login) throws SQLException {
        if (database.family() == EngineFamily.H2) {
            execute(database.dataSource(), "DROP USER " + login);
        } else {
            // Babelfish keeps a user with grants (PostgreSQL roles); SQL Server would drop them with it.
            for (String table : TABLES) {
                execute(database.dataSource(), "REVOKE SELECT ON dbo." + table + " FROM " + login);
            }
            execute(database.dataSource(), "DROP USER " + login, "DROP LOGIN " + login);
        }
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
