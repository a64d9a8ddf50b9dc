package io.fcn.persistence.internal.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.FcnPersistenceException;

/**
 * A repository call on an H2 file another process holds: the driver's and jOOQ's messages quote the URL with its
 * inline password; nothing the library throws may (issue 18, point 3).
 */
class LockedH2FileTest {

    private static final String PASSWORD = "S3cretPw!";

    @TempDir
    Path dir;

    @Test
    void noMessageInTheChainCarriesThePassword() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("locked").toAbsolutePath() + ";USER=sa;PASSWORD=" + PASSWORD;
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldH2File.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("open", out.readLine(), "the other process holds the file");
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url);
            ds.setUser("sa"); // as the URL says: H2 refuses two different users

            // What the library must not pass on: jOOQ's own exception quotes the data source, URL and password.
            DataAccessException raw = assertThrows(DataAccessException.class,
                    () -> DSL.using(ds, org.jooq.SQLDialect.H2).fetch("SELECT 1"));
            assertTrue(messages(raw).stream().anyMatch(m -> m.contains(PASSWORD)), messages(raw).toString());

            FcnPersistence fcn = FcnPersistence.builder(ds).build();
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> fcn.templates().find("TPL-1"));
            assertTrue(thrown instanceof FcnPersistenceException, thrown.getClass().getName());
            List<String> messages = messages(thrown);
            assertTrue(messages.size() >= 2, "the cause is kept: " + messages);
            for (String m : messages) {
                assertFalse(m.contains(PASSWORD), m);
                assertFalse(m.toLowerCase(Locale.ROOT).contains("password="), m);
            }
            assertTrue(messages.stream().anyMatch(m -> m.contains("SQLState 90020")),
                    "the driver's state stays: " + messages);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }

    /** Every message and toString() of the chain: causes, next exceptions and suppressed ones. */
    private static List<String> messages(Throwable error) {
        List<String> out = new ArrayList<>();
        walk(error, out, new IdentityHashMap<>());
        return out;
    }

    private static void walk(Throwable t, List<String> out, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return;
        }
        out.add(String.valueOf(t.getMessage()));
        out.add(t.toString());
        walk(t.getCause(), out, seen);
        if (t instanceof SQLException s) {
            walk(s.getNextException(), out, seen);
        }
        for (Throwable s : t.getSuppressed()) {
            walk(s, out, seen);
        }
    }
}
