package io.fcn.persistence.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.scripts.FlywayLogging;
import io.fcn.persistence.internal.scripts.FlywaySetup;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.support.LogCapture;

/**
 * What a consumer's test run shows from the library and Flyway at default settings (java.util.logging as the JDK
 * configures it: root at INFO, a console handler on stderr): one line per migrate, saying what was applied on which
 * engine. Flyway's detail is there at DEBUG; errors stay visible. Output is captured, not printed.
 */
class KitOutputTest {

    /** The JDK's own logging.properties, without the test suite's quieter one. */
    private static final String JDK_DEFAULTS = """
            handlers=java.util.logging.ConsoleHandler
            .level=INFO
            java.util.logging.ConsoleHandler.level=INFO
            java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private LogCapture root;

    @BeforeEach
    void captureOutputAtDefaultSettings() throws IOException {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        // Before the configuration is read: the console handler takes System.err when it is created.
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        LogManager.getLogManager().readConfiguration(
                new ByteArrayInputStream(JDK_DEFAULTS.getBytes(StandardCharsets.UTF_8)));
        root = LogCapture.of("");
    }

    @AfterEach
    void restore() throws IOException {
        root.close();
        System.setOut(originalOut);
        System.setErr(originalErr);
        LogManager.getLogManager().readConfiguration(); // the suite's configuration again
    }

    @Test
    void aKitMigrateShowsOneLineWithWhatWasAppliedOnWhichEngine() {
        int migrations = MigrationScripts.migrations().size();
        for (int run = 1; run <= 2; run++) {
            int recordsBefore = shown().size();
            int outBefore = lines(out).size();
            KitDatabase database = KitDatabase.open(TestEngine.EMBEDDED, "");
            try {
                database.reset(); // what the kit does before each test: jOOQ statements, guarded
                List<LogRecord> shown = shown().subList(recordsBefore, shown().size());
                assertEquals(1, shown.size(), "run " + run + ": " + describe());
                assertEquals(FlywaySetup.SUMMARY_LOGGER, shown.get(0).getLoggerName());
                assertEquals(Level.INFO, shown.get(0).getLevel());
                String line = shown.get(0).getMessage();
                assertEquals("fcn-persistence: applied " + migrations + " migrations to H2 (embedded), now at version "
                        + latest(), line);
                assertEquals(outBefore, lines(out).size(), "nothing on stdout: " + describe());
                // On stderr, the console handler's one record per migrate (its format puts the time and the
                // caller on a line before the message); nothing of Flyway's.
                List<String> messages = lines(err).stream()
                        .filter(l -> l.matches("(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): .*")).toList();
                assertEquals(run, messages.size(), describe());
                assertTrue(messages.stream().allMatch(l -> l.startsWith("INFO: fcn-persistence: applied ")),
                        describe());
                // Nothing else at all, but for the console format's line before each message, and SLF4J's own
                // notice that it has no provider here (jOOQ finds slf4j-api, from Testcontainers, on this class path).
                List<String> others = lines(err).stream()
                        .filter(l -> !messages.contains(l))
                        .filter(l -> !l.endsWith(" " + FlywaySetup.class.getName() + " migrate"))
                        .filter(l -> !l.startsWith("SLF4J(W): "))
                        .toList();
                assertEquals(List.of(), others, describe());
            } finally {
                database.close();
            }
        }
    }

    @Test
    void aMigrateWithNothingToApplySaysSoInOneLine() {
        try (Database database = EmbeddedDatabase.inMemory()) {
            FcnMigrations.migrate(database.dataSource());
            int before = shown().size();
            FcnMigrations.migrate(database.dataSource());
            List<LogRecord> shown = shown().subList(before, shown().size());
            assertEquals(1, shown.size(), describe());
            assertEquals("fcn-persistence: no migration to apply on H2 (embedded), at version " + latest(),
                    shown.get(0).getMessage());
        }
    }

    @Test
    void flywayLogsThroughTheLibraryWhatEverLoggingItWouldHaveChosen() {
        try (Database database = EmbeddedDatabase.inMemory()) {
            // Not "auto": Flyway would pick SLF4J when a binding is present, and JUL otherwise.
            assertArrayEquals(new String[] {FlywayLogging.class.getName()},
                    FcnMigrations.configure(database.dataSource()).getLoggers());
        }
    }

    @Test
    void flywaysDetailIsThereAtDebug() {
        try (Database database = EmbeddedDatabase.inMemory();
                LogCapture flyway = LogCapture.of(FlywayLogging.LOGGER, Level.FINE)) {
            FcnMigrations.migrate(database.dataSource());
            List<String> detail = flyway.records().stream()
                    .filter(r -> r.getLevel() == Level.FINE).map(LogRecord::getMessage).toList();
            assertTrue(detail.stream().anyMatch(m -> m.startsWith("Successfully applied")), detail.toString());
            assertTrue(detail.stream().anyMatch(m -> m.contains("newer than the version Flyway has been verified with")),
                    detail.toString());
        }
    }

    @Test
    void flywaysErrorsStayErrors() {
        new FlywayLogging().createLogger(KitOutputTest.class).error("a migration failed");
        List<LogRecord> shown = shown();
        assertEquals(1, shown.size(), describe());
        assertEquals(Level.SEVERE, shown.get(0).getLevel());
        assertEquals(FlywayLogging.LOGGER, shown.get(0).getLoggerName());
        assertTrue(lines(err).contains("SEVERE: a migration failed"), describe());
    }

    @Test
    void aFailingMigrateThrowsAndClaimsNothing() throws SQLException {
        try (Database database = EmbeddedDatabase.inMemory()) {
            FcnMigrations.migrate(database.dataSource());
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                // A checksum that no longer matches the file: validation fails the migrate.
                s.execute("UPDATE dbo." + FcnMigrations.HISTORY_TABLE + " SET checksum = checksum + 1");
            }
            int before = shown().size();
            FlywayException e = assertThrows(FlywayException.class, () -> FcnMigrations.migrate(database.dataSource()));
            assertTrue(e.getMessage().contains("checksum"), e.getMessage());
            List<LogRecord> shown = shown().subList(before, shown().size());
            assertTrue(shown.stream().noneMatch(r -> r.getMessage().startsWith("fcn-persistence: applied")),
                    describe());
        }
    }

    private static String latest() {
        List<MigrationScripts.Script> all = MigrationScripts.migrations();
        return all.get(all.size() - 1).version();
    }

    /** The records the default configuration shows (INFO and above), from any logger. */
    private List<LogRecord> shown() {
        return root.atLeast(Level.INFO);
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        String text = stream.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : text.lines().toList();
    }

    private String describe() {
        List<String> all = new ArrayList<>();
        shown().forEach(r -> all.add("log " + r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()));
        Stream.concat(lines(out).stream().map(l -> "out: " + l), lines(err).stream().map(l -> "err: " + l))
                .forEach(all::add);
        return String.join("\n", all);
    }
}
