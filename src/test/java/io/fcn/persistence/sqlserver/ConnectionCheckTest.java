package io.fcn.persistence.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.sqlserver.ConnectionCheck;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.database.ExternalSqlServer;
import io.fcn.persistence.internal.database.SqlServerDatabase;
import io.fcn.persistence.sqlserver.SqlServerSettings;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.support.LogCapture;
import io.fcn.persistence.FcnPersistence;

/**
 * The entry point checks the connection settings once, at the first connection it takes, and warns in one line when
 * a SQL Server connection sends string parameters as Unicode; silent on the recommended settings and on H2.
 */
@AllEngines
class ConnectionCheckTest {

    private LogCapture log;

    @BeforeEach
    void listen() {
        log = LogCapture.of("io.fcn.persistence");
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    void theRecommendedSettingsPassSilently(Database database) {
        FcnPersistence fcn = FcnPersistence.builder(database.dataSource()).build();
        fcn.templates().find("TPL-NONE");

        ConnectionCheck check = fcn.connectionCheck().orElseThrow();
        assertEquals(database.family(), check.family());
        assertFalse(check.stringsAsUnicode());
        assertEquals(List.of(), warnings());
    }

    @Test
    void aUnicodeConnectionIsWarnedAboutOnceWithoutSecrets(Database database) {
        if (!(database instanceof SqlServerDatabase sqlServer)) {
            // H2 has no such setting: whatever the URL, nothing to warn about.
            FcnPersistence fcn = FcnPersistence.builder(database.dataSource()).build();
            fcn.templates().find("TPL-NONE");
            assertEquals(EngineFamily.H2, fcn.connectionCheck().orElseThrow().family());
            assertEquals(List.of(), warnings());
            return;
        }
        DataSource unicode = sqlServer.dataSource(Map.of(SqlServerSettings.SEND_STRING_PARAMETERS_AS_UNICODE, "true"));
        FcnPersistence fcn = FcnPersistence.builder(unicode).build();
        fcn.templates().find("TPL-NONE");
        fcn.templates().find("TPL-NONE");
        fcn.inTransaction(() -> fcn.trades().find("TRD-NONE"));

        assertTrue(fcn.connectionCheck().orElseThrow().stringsAsUnicode());
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings::toString);
        String warning = warnings.get(0);
        assertTrue(warning.contains("sendStringParametersAsUnicode=false"), warning);
        assertFalse(warning.contains("\n"), "one line");
        assertFalse(warning.contains("jdbc:"), "no URL");
        assertFalse(warning.contains(sqlServer.databaseName()), "no server details");
        String password = System.getenv(ExternalSqlServer.PASSWORD_VARIABLE);
        assertTrue(password == null || !warning.contains(password), "no password");
    }

    @Test
    void aConnectionWithoutStatementPoolingIsWarnedAboutInTheSameLine(Database database) {
        if (!(database instanceof SqlServerDatabase sqlServer)) {
            FcnPersistence fcn = FcnPersistence.builder(database.dataSource()).build();
            fcn.templates().find("TPL-NONE");
            assertFalse(fcn.connectionCheck().orElseThrow().statementPoolingOff(), "H2 caches per session itself");
            assertEquals(List.of(), warnings());
            return;
        }
        DataSource neither = sqlServer.dataSource(Map.of(SqlServerSettings.SEND_STRING_PARAMETERS_AS_UNICODE, "true",
                SqlServerSettings.DISABLE_STATEMENT_POOLING, "true"));
        FcnPersistence fcn = FcnPersistence.builder(neither).build();
        fcn.templates().find("TPL-NONE");
        fcn.templates().find("TPL-NONE");

        ConnectionCheck check = fcn.connectionCheck().orElseThrow();
        assertTrue(check.statementPoolingOff());
        assertTrue(check.stringsAsUnicode());
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings::toString);
        String warning = warnings.get(0);
        assertTrue(warning.contains("sendStringParametersAsUnicode=false;disableStatementPooling=false;"
                + "statementPoolingCacheSize=256"), warning);
        assertFalse(warning.contains("\n"), "one line");
        assertFalse(warning.contains(sqlServer.databaseName()), "no server details");
    }

    @Test
    void buildTakesNoConnectionAndTheProbeRunsOnce(Database database) {
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger probes = new AtomicInteger();
        DataSource counting = counting(database.dataSource(), connections, probes);

        FcnPersistence fcn = FcnPersistence.builder(counting).build();
        assertEquals(0, connections.get(), "build() does not need the database");

        fcn.templates().find("TPL-NONE");
        fcn.templates().find("TPL-NONE");
        fcn.connectionCheck();
        assertEquals(database.family() == EngineFamily.SQL_SERVER ? 1 : 0, probes.get(),
                "one round trip on SQL Server, none on H2");
    }

    private List<String> warnings() {
        return log.records().stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }

    private static DataSource counting(DataSource target, AtomicInteger connections, AtomicInteger probes) {
        return (DataSource) Proxy.newProxyInstance(ConnectionCheckTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = call(target, method, args);
                    if (result instanceof Connection c) {
                        connections.incrementAndGet();
                        return Proxy.newProxyInstance(ConnectionCheckTest.class.getClassLoader(),
                                new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement") && a[0] instanceof String sql && sql.startsWith("SELECT DATALENGTH(?)")) {
                                        probes.incrementAndGet();
                                    }
                                    return call(c, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
