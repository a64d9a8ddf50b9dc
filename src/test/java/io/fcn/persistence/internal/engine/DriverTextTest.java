package io.fcn.persistence.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.migration.MigrationOperations;
import io.fcn.persistence.schema.SchemaReader;

/**
 * A driver that quotes the URL, password and all, in its message (H2 and Flyway do, mssql-jdbc names hosts): what the
 * library's own operations throw keeps the reason and masks the URL, in the message and in every cause's, as a
 * printed stack trace shows them (issue 18, point 3).
 */
class DriverTextTest {

    private static final String SECRET = "S3cretPw!";
    private static final String DRIVER_MESSAGE = "Connection refused: jdbc:h2:tcp://db.internal/fcn;USER=sa;PASSWORD="
            + SECRET + " (and jdbc:sqlserver://db;user=sa;password={" + SECRET + ";x}}y};loginTimeout=2)";

    /** A data source whose every connection attempt fails as such a driver does. */
    private static final DataSource REFUSING = (DataSource) java.lang.reflect.Proxy.newProxyInstance(
            DriverTextTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                if (method.getName().equals("getConnection")) {
                    throw new SQLException(DRIVER_MESSAGE, "08001", 0,
                            new java.net.ConnectException("refused by " + DRIVER_MESSAGE));
                }
                if (method.getName().equals("toString")) {
                    return "refusing data source";
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void reasonMasksEveryUrlAndKeepsTheRest() {
        String reason = DriverText.reason(new SQLException(DRIVER_MESSAGE));
        assertFalse(reason.contains(SECRET), reason);
        assertTrue(reason.startsWith("Connection refused"), reason);
        assertTrue(reason.contains("loginTimeout=2"), "the text after the braced secret stays: " + reason);
        assertEquals("SQLException", DriverText.reason(new SQLException()));
    }

    @Test
    void maskedCopiesKeepStateCodeAndStack() {
        SQLException original = new SQLException(DRIVER_MESSAGE, "08S01", 17, new IllegalStateException(DRIVER_MESSAGE));
        Throwable copy = DriverText.masked(original);
        SQLException sql = (SQLException) copy;
        assertEquals("08S01", sql.getSQLState());
        assertEquals(17, sql.getErrorCode());
        assertEquals(original.getStackTrace().length, copy.getStackTrace().length);
        assertEquals(IllegalStateException.class.getName(), DriverText.originalClass(copy.getCause()));
        assertTrue(copy.getCause().toString().startsWith(IllegalStateException.class.getName() + ": Connection refused"),
                copy.getCause().toString());
        assertClean(copy);
    }

    @Test
    void engineDetection() {
        assertClean(assertThrows(RuntimeException.class, () -> EngineFamily.of(REFUSING)));
    }

    @Test
    void migrate() {
        assertClean(assertThrows(RuntimeException.class, () -> FcnMigrations.migrate(REFUSING)));
        assertClean(assertThrows(RuntimeException.class, () -> MigrationOperations.on(REFUSING).migrate(null)));
    }

    @Test
    void driftCheckAndCatalog() {
        assertClean(assertThrows(RuntimeException.class, () -> DriftCheck.of(REFUSING).run()));
        assertClean(assertThrows(RuntimeException.class, () -> SchemaReader.live(REFUSING).read()));
    }

    /** Nothing printed of {@code thrown}, with its whole stack trace, carries the secret; the reason is there. */
    private static void assertClean(Throwable thrown) {
        StringWriter printed = new StringWriter();
        thrown.printStackTrace(new PrintWriter(printed));
        String text = printed.toString();
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains("x}}y"), "no tail of the braced password: " + text);
        assertTrue(text.contains("Connection refused"), "the driver's reason stays: " + text);
    }
}
