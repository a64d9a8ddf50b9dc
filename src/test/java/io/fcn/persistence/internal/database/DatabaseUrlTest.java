package io.fcn.persistence.internal.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void thePythonServicesUrlBecomesTheJdbcEquivalent() {
        DatabaseUrl url = DatabaseUrl.parse("mssql+pyodbc://fcn_app:p%40ss%3Bw+rd@db.internal:14330/fcn"
                + "?driver=ODBC+Driver+18+for+SQL+Server&TrustServerCertificate=yes", null, null);
        assertEquals("jdbc:sqlserver://db.internal:14330;databaseName=fcn;encrypt=true;trustServerCertificate=true",
                url.jdbcUrl());
        assertEquals("fcn_app", url.user());
        assertEquals("p@ss;w+rd", url.password());
        assertTrue(url.isSqlServer());
        assertFalse(url.toString().contains("p@ss"));
    }

    @Test
    void defaultsPortAndHonoursEncryptNo() {
        DatabaseUrl url = DatabaseUrl.parse("mssql+pyodbc://sa:x@localhost/fcn?Encrypt=no", "ignored", "ignored");
        assertEquals("jdbc:sqlserver://localhost:1433;databaseName=fcn;encrypt=false", url.jdbcUrl());
        assertEquals("sa", url.user());
        assertEquals("x", url.password());
    }

    @Test
    void aJdbcUrlPassesThroughWithTheGivenCredentials() {
        DatabaseUrl url = DatabaseUrl.parse(" jdbc:sqlserver://h:1433;databaseName=fcn;encrypt=true ", "u", "pw");
        assertEquals("jdbc:sqlserver://h:1433;databaseName=fcn;encrypt=true", url.jdbcUrl());
        assertEquals("u", url.user());
        assertEquals("pw", url.password());
    }

    @Test
    void anythingElseIsRefusedWithoutShowingThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse("postgresql://u:topsecret@h/db", null, null));
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }
}
