package io.fcn.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.database.ExternalSqlServer;
import io.fcn.persistence.internal.database.SqlServerDatabase;

/**
 * The Python service's {@code DATABASE_URL} form reaching a real SQL Server: needs one, so it runs where
 * FCN_TEST_MSSQL_URL names it and is skipped elsewhere.
 */
class FcnDbOnSqlServerTest {

    private static final Pattern HOST_PORT = Pattern.compile("jdbc:sqlserver://([^:;/]+)(?::(\\d+))?");

    @Test
    void thePyodbcUrlFormReachesTheServerAndAWrongPasswordStaysSecret() {
        String jdbc = System.getenv(ExternalSqlServer.URL_VARIABLE);
        Assumptions.assumeTrue(jdbc != null && !jdbc.isBlank(), "needs a SQL Server: FCN_TEST_MSSQL_URL is not set");
        String user = System.getenv(ExternalSqlServer.USER_VARIABLE);
        String password = System.getenv(ExternalSqlServer.PASSWORD_VARIABLE);
        Matcher m = HOST_PORT.matcher(jdbc);
        assertTrue(m.find(), jdbc);
        String hostPort = m.group(1) + ":" + (m.group(2) == null ? "1433" : m.group(2));
        String encrypt = jdbc.toLowerCase().contains("encrypt=false") ? "no" : "yes";

        try (SqlServerDatabase database = ExternalSqlServer.fromEnvironment().orElseThrow().newDatabase()) {
            String pyodbc = "mssql+pyodbc://" + enc(user) + ":" + enc(password) + "@" + hostPort + "/"
                    + database.databaseName() + "?driver=ODBC+Driver+18+for+SQL+Server&TrustServerCertificate=yes"
                    + "&Encrypt=" + encrypt;

            String[] migrate = run(pyodbc, "migrate");
            assertEquals("0", migrate[0], migrate[2]);
            String[] info = run(pyodbc, "info");
            assertEquals("0", info[0], info[2]);
            assertTrue(info[1].contains("20261124.0003"), info[1]);
            assertFalse(info[1].contains(password), "the password is never printed");

            String wrong = pyodbc.replace(":" + enc(password) + "@", ":Wr0ng-Secret-42@");
            String[] refused = run(wrong, "info");
            assertEquals("1", refused[0]);
            assertTrue(refused[2].contains("cannot connect"), refused[2]);
            assertFalse(refused[1].contains("Wr0ng-Secret-42") || refused[2].contains("Wr0ng-Secret-42"),
                    "the wrong password is never printed: " + refused[2]);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static String[] run(String databaseUrl, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FcnDb.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("DATABASE_URL", databaseUrl),
                Clock.systemUTC());
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }
}
