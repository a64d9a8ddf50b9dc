package io.fcn.persistence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.cli.FcnDb;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.migration.MigrationOperations;

/**
 * Nothing committed is lost on kill -9: a child JVM commits through {@code inTransaction} on the library's embedded
 * file database and prints each id after the call returned; the test kills it ({@code destroyForcibly}, SIGKILL on
 * Linux) at a random point, reopens the file and finds every printed id. Killed during {@code migrate} (between
 * two of its statements: the child waits for the test before each), the next {@code migrate} completes and the
 * schema is the latest version's.
 */
class KillNineTest {

    private static final int COMMIT_ROUNDS = 20;
    /**
     * The child's statements (Flyway's, the library's checks, the migrations') it is killed before: today inside V1,
     * inside V2, and after V2's last statement before its history row.
     */
    private static final int[] KILL_BEFORE_STATEMENT = {33, 65, 80};

    @TempDir
    Path dir;

    private final Random random = new Random(18);

    @Test
    void everyCommitReportedBeforeAKillIsThereAfterwards() throws Exception {
        Path path = dir.resolve("kill");
        try (EmbeddedDatabase h2 = EmbeddedDatabase.file(path)) {
            FcnMigrations.migrate(h2.dataSource());
        }
        int reported = 0;
        for (int round = 0; round < COMMIT_ROUNDS; round++) {
            Process child = child("commit", path.toString(), String.valueOf(round * 100_000));
            List<String> ids = new ArrayList<>();
            try (BufferedReader out = reader(child)) {
                assertEquals("ready", out.readLine(), "round " + round);
                int before = 1 + random.nextInt(30); // kill after a random number of reported commits
                for (int i = 0; i < before; i++) {
                    String id = out.readLine();
                    assertTrue(id != null && id.startsWith("TPL-"), "round " + round + ": " + id);
                    ids.add(id);
                }
                kill(child); // what it printed after the last line read is not reported (the pipe closes)
            }
            try (EmbeddedDatabase h2 = EmbeddedDatabase.file(path)) {
                FcnPersistence fcn = FcnPersistence.builder(h2.dataSource()).build();
                List<String> lost = ids.stream().filter(id -> fcn.templates().find(id).isEmpty()).toList();
                assertEquals(List.of(), lost, "round " + round + ": committed and reported, then lost");
            }
            reported += ids.size();
        }
        assertTrue(reported >= COMMIT_ROUNDS, "every round reported commits: " + reported);
    }

    @Test
    void aMigrationKilledHalfwayCompletesOnTheNextMigrate() throws Exception {
        List<String> stops = new ArrayList<>();
        for (int killBefore : KILL_BEFORE_STATEMENT) {
            Path path = dir.resolve("migrate-" + killBefore);
            Process child = child("migrate", path.toString());
            try (BufferedReader out = reader(child); Writer go = new OutputStreamWriter(child.getOutputStream(),
                    StandardCharsets.UTF_8)) {
                assertEquals("migrating", out.readLine());
                int statements = 0;
                for (String line = out.readLine(); line != null && line.equals("sql"); line = out.readLine()) {
                    if (++statements == killBefore) {
                        break; // the child waits before this statement: it dies between two statements
                    }
                    go.write("go\n");
                    go.flush();
                }
                kill(child);
            }
            try (EmbeddedDatabase h2 = EmbeddedDatabase.file(path)) {
                MigrationOperations ops = MigrationOperations.on(h2.dataSource());
                ops.stopped().ifPresent(stops::add);
                ops.migrate(null);
                MigrationOperations.CheckResult check = ops.check();
                assertFalse(check.pending(), "killed before statement " + killBefore);
                assertFalse(check.failed(), "killed before statement " + killBefore);
                assertTrue(check.drift().orElseThrow().isEmpty(), () -> check.drift().orElseThrow().toText());
            }
        }
        assertFalse(stops.isEmpty(), "some kill landed inside a migration");
        assertTrue(stops.stream().allMatch(s -> s.endsWith("without a history row (killed)")), stops::toString);
    }

    @Test
    void theCommandLinesEmbeddedDatabaseWritesEveryCommitAtOnce() throws SQLException {
        Path path = dir.resolve("cli");
        int code = FcnDb.run(new String[] {"--embedded", path.toString(), "migrate"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        assertEquals(0, code);
        // WRITE_DELAY is persistent in H2: the file keeps the value the command line's URL gave it.
        assertEquals("0", writeDelay("jdbc:h2:file:" + path.toAbsolutePath()));
        assertEquals("500", writeDelay("jdbc:h2:file:" + dir.resolve("plain").toAbsolutePath()),
                "H2's own default, which the library's URLs override");
    }

    private static String writeDelay(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private Process child(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), KillNineChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child-stderr.txt").toFile())).start();
    }

    private static BufferedReader reader(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, no checkpoint
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
    }
}
