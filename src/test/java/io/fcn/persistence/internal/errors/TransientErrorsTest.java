package io.fcn.persistence.internal.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.exceptions.DatabaseException;
import io.fcn.persistence.exceptions.TransientDatabaseException;
import io.fcn.persistence.exceptions.TransientDatabaseException.Reason;

/** What each driver's connection and failover errors become; the real faults are in ConnectionLossTest. */
class TransientErrorsTest {

    private static Reason reasonOf(SQLException e) {
        RuntimeException translated = SqlErrors.translate(new DataAccessException("SQL [select 1]; withheld", e));
        if (translated instanceof TransientDatabaseException t) {
            assertTrue(t.isRetryable());
            assertTrue(t.getMessage().contains(t.reason().name()), "the reason is in the message");
            assertFalse(t.getMessage().contains("secret"), t.getMessage());
            return t.reason();
        }
        assertInstanceOf(DatabaseException.class, translated);
        return null;
    }

    @Test
    void connectionClassSqlStatesAreALostConnection() {
        // mssql-jdbc: 08S01 connection reset / socket failure, 08006 and 08003 "The connection is closed."
        for (String state : new String[] {"08S01", "08006", "08003", "08001", "08000"}) {
            assertEquals(Reason.CONNECTION_LOST, reasonOf(new SQLException("password=secret", state, 0)), state);
        }
        assertEquals(Reason.CONNECTION_LOST, reasonOf(new SQLException("The connection is closed.", null, 0)));
        // a pool that could not hand out a connection in time (HikariCP), with no state
        assertEquals(Reason.CONNECTION_LOST, reasonOf(new SQLTransientConnectionException("pool timeout")));
    }

    @Test
    void h2ConnectionCodesAreALostConnection() {
        // CONNECTION_BROKEN_1, DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN ("Database is already closed")
        for (int code : new int[] {90067, 90098, 90121}) {
            assertEquals(Reason.CONNECTION_LOST,
                    reasonOf(new SQLNonTransientConnectionException("secret", String.valueOf(code), code)),
                    String.valueOf(code));
        }
    }

    @Test
    void sqlServerFailoverErrorsAreRetryable() {
        for (int code : new int[] {4060, 4221, 10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920}) {
            assertEquals(Reason.FAILOVER, reasonOf(new SQLException("secret", "S0001", code)), String.valueOf(code));
        }
    }

    @Test
    void theOtherReasonsAreUnchangedAndOrdinaryErrorsStayNonTransient() {
        assertEquals(Reason.DEADLOCK, reasonOf(new SQLException("x", "40001", 1205)));
        assertEquals(Reason.LOCK_TIMEOUT, reasonOf(new SQLException("x", "S00051", 1222)));
        assertNull(reasonOf(new SQLException("FOREIGN KEY constraint fk_x", "23000", 547)));
        assertNull(reasonOf(new SQLException("Login failed", "S0001", 18456)));
        assertFalse(SqlErrors.isConnectionLoss(new SQLException("x", "23000", 2627)));
    }

    @Test
    void aLostConnectionIsFoundThroughWrappersAndNextExceptions() {
        SQLException batch = new SQLException("batch", "HY000", 0);
        batch.setNextException(new SQLException("reset", "08S01", 0));
        assertTrue(SqlErrors.isConnectionLoss(new RuntimeException(new DataAccessException("x", batch))));
        assertTrue(SqlErrors.isConnectionLoss(ScrubbedSqlException.of(new SQLException("secret", "08S01", 0))),
                "the scrubbed stand-in keeps the state");
    }
}
