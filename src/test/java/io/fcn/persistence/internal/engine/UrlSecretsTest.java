package io.fcn.persistence.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Masking by parsing: whole braced values, every credential property, and never inside other words. */
class UrlSecretsTest {

    @Test
    void aBracedPasswordIsMaskedWholeAndTheNextPropertyStays() {
        String url = "jdbc:sqlserver://db:1433;user=sa;password={S3cret;Pw!};loginTimeout=2";
        assertEquals("jdbc:sqlserver://db:1433;user=***;password=***;loginTimeout=2", UrlSecrets.maskUrl(url));
        String escaped = "jdbc:sqlserver://db;password={a}};b=c};encrypt=true";
        assertEquals("jdbc:sqlserver://db;password=***;encrypt=true", UrlSecrets.maskUrl(escaped));
        assertEquals("a};b=c", UrlSecrets.properties(escaped).get("password"));
        assertEquals("S3cret;Pw!", UrlSecrets.properties(url).get("password"));
    }

    @Test
    void everyCredentialPropertyIsMaskedWhateverItsCase() {
        for (String key : List.of("password", "PWD", "keyStoreSecret", "KEYSTOREPASSWORD", "aadSecurePrincipalSecret",
                "trustStorePassword", "clientKeyPassword", "accessToken", "keyVaultProviderClientKey", "AUTHZPWD",
                "myApiToken", "vaultSecretX")) {
            String url = "jdbc:sqlserver://db;" + key + "=Zq9-value;encrypt=true";
            String masked = UrlSecrets.maskUrl(url);
            assertFalse(masked.contains("Zq9-value"), masked);
            assertTrue(masked.endsWith(";encrypt=true") && masked.contains(key + "=***"), masked);
            assertTrue(UrlSecrets.secretValues(url).contains("Zq9-value"), key);
        }
        assertFalse(UrlSecrets.isSecretKey("encrypt"));
        assertFalse(UrlSecrets.isSecretKey("databaseName"));
    }

    @Test
    void h2AndSqlAlchemyCredentialsAreMasked() {
        assertEquals("jdbc:h2:file:/x;USER=***;PASSWORD=***;MODE=MSSQLServer",
                UrlSecrets.maskUrl("jdbc:h2:file:/x;USER=sa;PASSWORD=S3cretPw!;MODE=MSSQLServer"));
        assertEquals("mssql+pyodbc://***@db:1433/fcn?driver=x&TrustServerCertificate=yes",
                UrlSecrets.maskUrl("mssql+pyodbc://fcn_app:p%40ss@db:1433/fcn?driver=x&TrustServerCertificate=yes"));
        assertEquals("jdbc:sqlserver://db;user=***;password=***",
                UrlSecrets.maskUrl("jdbc:sqlserver://db;user=app@corp.example;password=x"));
        assertEquals("DATABASE_URL=mssql+pyodbc://***@db/fcn",
                UrlSecrets.maskText("DATABASE_URL=mssql+pyodbc://sa:p@ss@db/fcn", List.of()));
        Set<String> values = UrlSecrets.secretValues("mssql+pyodbc://fcn_app:p%40ss@db:1433/fcn");
        assertTrue(values.contains("p@ss") && values.contains("p%40ss"), values.toString());
    }

    @Test
    void freeTextKeepsTheReasonAndMasksOnlyWholeTokens() {
        String url = "jdbc:sqlserver://db:1433;encrypt=true;user=sa;password=p";
        String text = "cannot connect to SQL Server " + url + ": The TCP/IP connection to the host db, port 1433 "
                + "has failed. Error: \"Connection refused. Verify the connection properties.\" password p used";
        String masked = UrlSecrets.maskText(text, UrlSecrets.secretValues(url));
        assertTrue(masked.contains(";encrypt=true;user=***;password=***: The TCP/IP connection"), masked);
        assertTrue(masked.contains("Connection refused. Verify the connection properties."), masked);
        assertTrue(masked.endsWith("password *** used"), masked);
        assertFalse(masked.contains("***t"), masked);

        String last = "jdbc:sqlserver://db;loginTimeout=2;password=L4st-Secret";
        String reason = UrlSecrets.maskText("cannot connect to " + last + ": Login failed for user 'sa'.",
                UrlSecrets.secretValues(last));
        assertEquals("cannot connect to jdbc:sqlserver://db;loginTimeout=2;password=***: Login failed for user 'sa'.",
                reason);

        String braced = "jdbc:sqlserver://db;password={S3cret;Pw!};keyStoreSecret=K3y;loginTimeout=2";
        String quoted = UrlSecrets.maskText("url " + braced + " then S3cret;Pw! and K3y alone, K3yring stays",
                UrlSecrets.secretValues(braced));
        assertEquals("url jdbc:sqlserver://db;password=***;keyStoreSecret=***;loginTimeout=2 then *** and *** "
                + "alone, K3yring stays", quoted);
        assertEquals("mssql+pyodbc://***@db/fcn: Connection refused",
                UrlSecrets.maskText("mssql+pyodbc://sa:pw@db/fcn: Connection refused", List.of()));
    }

    @Test
    void classLoadingPropertiesAreFound() {
        assertEquals(List.of("socketfactoryclass", "trustmanagerclass", "accesstokencallbackclass"),
                UrlSecrets.classLoadingProperties("jdbc:sqlserver://db;SocketFactoryClass=a.B;trustManagerClass={c.D};"
                        + "accessTokenCallbackClass=e.F;encrypt=true"));
        assertEquals(Map.of("encrypt", "true"), UrlSecrets.properties("jdbc:sqlserver://db;encrypt=true"));
    }
}
