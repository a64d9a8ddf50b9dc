package io.fcn.persistence.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;

import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.database.SqlServerDatabase;
import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * The recommended settings reach the connections the engines hand out (read back from the driver, and seen by the
 * server: whether a Thai letter sent as a plain string arrives intact), and the check tells a connection with them from one without.
 */
@AllEngines(migrated = false)
class ConnectionSettingsTest {

    private static final int THAI_KO_KAI = 0x0E01;

    @Test
    void theEnginesConnectionsSendPlainStringsAsVarchar(Database database) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            ConnectionCheck check = SqlServerSettings.check(c);
            assertEquals(database.family(), check.family());
            assertFalse(check.stringsAsUnicode());
            assertTrue(check.warning().isEmpty());
            if (database.family() == EngineFamily.SQL_SERVER) {
                ISQLServerConnection sqlServer = c.unwrap(ISQLServerConnection.class);
                assertFalse(sqlServer.getUseBulkCopyForBatchInsert());
                assertTrue(sqlServer.isStatementPoolingEnabled(), "prepared handles reused across calls");
                assertEquals(SqlServerSettings.STATEMENT_POOLING_CACHE_SIZE, sqlServer.getStatementPoolingCacheSize());
                assertFalse(check.statementPoolingOff());
                assertEquals('?', codePoint(c, false), "a plain string parameter arrives as VARCHAR: Thai is lost");
                assertEquals(THAI_KO_KAI, codePoint(c, true), "a national one as NVARCHAR");
            }
        }
    }

    @Test
    void aConnectionWithoutTheSettingsIsToldApart(Database database) throws SQLException {
        if (!(database instanceof SqlServerDatabase sqlServer)) {
            // H2 has no such setting: nothing to tell apart, and the check finds nothing to report.
            try (Connection c = database.dataSource().getConnection()) {
                assertEquals(new ConnectionCheck(EngineFamily.H2, false), SqlServerSettings.check(c));
            }
            return;
        }
        DataSource unicode = sqlServer.dataSource(Map.of(SqlServerSettings.SEND_STRING_PARAMETERS_AS_UNICODE, "true"));
        try (Connection c = unicode.getConnection()) {
            ConnectionCheck check = SqlServerSettings.check(c);
            assertTrue(check.stringsAsUnicode());
            assertTrue(check.warning().orElseThrow().contains("sendStringParametersAsUnicode=false"));
            assertEquals(THAI_KO_KAI, codePoint(c, false), "the driver's default: every string as NVARCHAR");
            assertFalse(check.statementPoolingOff());
        }
        for (Map<String, String> off : List.of(Map.of(SqlServerSettings.DISABLE_STATEMENT_POOLING, "true"),
                Map.of(SqlServerSettings.STATEMENT_POOLING_CACHE_SIZE_PROPERTY, "0"))) {
            try (Connection c = sqlServer.dataSource(off).getConnection()) {
                ConnectionCheck check = SqlServerSettings.check(c);
                assertTrue(check.statementPoolingOff(), off::toString);
                assertFalse(check.stringsAsUnicode());
                assertFalse(check.followsRecommendedSettings());
                assertTrue(check.warning().orElseThrow().contains(
                        "disableStatementPooling=false;statementPoolingCacheSize=256"), check.warning()::get);
            }
        }
    }

    @Test
    void theBulkCopyGuardRestoresTheConnectionsSetting(Database database) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            if (database.family() != EngineFamily.SQL_SERVER) {
                assertEquals("ran", SqlServerSettings.withoutBulkCopyForBatchInsert(c, () -> "ran"));
                return;
            }
            ISQLServerConnection sqlServer = c.unwrap(ISQLServerConnection.class);
            sqlServer.setUseBulkCopyForBatchInsert(true);
            boolean inside = SqlServerSettings.withoutBulkCopyForBatchInsert(c,
                    sqlServer::getUseBulkCopyForBatchInsert);
            assertFalse(inside);
            assertTrue(sqlServer.getUseBulkCopyForBatchInsert(), "restored for the pool's next user");
            assertThrows(SQLException.class, () -> SqlServerSettings.withoutBulkCopyForBatchInsert(c, () -> {
                throw new SQLException("failed batch");
            }));
            assertTrue(sqlServer.getUseBulkCopyForBatchInsert(), "restored after a failure too");
            sqlServer.setUseBulkCopyForBatchInsert(false);
        }
    }

    /** The code point of a Thai letter sent as a parameter, as the server received it. */
    private static int codePoint(Connection c, boolean national) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT UNICODE(?)")) {
            String thai = new String(Character.toChars(THAI_KO_KAI));
            if (national) {
                ps.setNString(1, thai);
            } else {
                ps.setString(1, thai);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
