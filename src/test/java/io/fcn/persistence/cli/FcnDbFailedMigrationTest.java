package io.fcn.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.internal.format.Json;
import io.fcn.persistence.internal.scripts.EmbeddedTranslation;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import tools.jackson.databind.JsonNode;

/**
 * A failed migration on the command line: {@code check} reports it as its own finding, exit 5, with where it
 * stopped and what it left, never as the current version (text and {@code --json}); {@code migrate} then
 * completes it and {@code check} exits 0.
 */
class FcnDbFailedMigrationTest {

    private static final String V1 = "20251022.0001";
    private static final String V2 = "20251101.0002";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FcnDb.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkReportsAFailedMigrationWithItsOwnExitCodeAndMigrateCompletesIt() throws Exception {
        String db = dir.resolve("local").toString();
        assertEquals(0, run("--embedded", db, "migrate", "--target", V1).code());
        MigrationScripts.Script v2 = MigrationScripts.migrations().stream().filter(s -> s.version().equals(V2))
                .findFirst().orElseThrow();
        List<String> statements = new ArrayList<>(EmbeddedTranslation.statements(v2.text()));
        statements.add(2, "SELECT 1 / 0"); // after the first two foreign keys
        Path copy = Files.createDirectories(dir.resolve("copy/db/migration"));
        Files.writeString(copy.resolve(v2.filename()), String.join(";\n", statements) + ";\n");
        Run failed = run("--embedded", db, "migrate", "--dir", copy.toString());
        assertEquals(ExitCode.FAILURE.code(), failed.code(), failed.err());

        Run check = run("--embedded", db, "check");
        assertEquals(ExitCode.FAILED.code(), check.code(), check.out() + check.err());
        assertTrue(check.out().contains("Failed: migration " + V2 + " (integrity and concurrency) is recorded as"
                + " failed; the current version is " + V1), check.out());
        assertTrue(check.out().contains("Where it stopped: migration " + V2 + " (integrity and concurrency) stopped"
                + " after statement 2 of "), check.out());
        assertTrue(check.out().contains("fk_fcn_trade_template") && check.out().contains("fk_fcn_observation_trade"),
                "what it left: " + check.out());
        assertFalse(check.out().contains("Pending"), check.out());
        assertFalse(check.out().contains("current version " + V2), check.out());

        Run json = run("--embedded", db, "check", "--json");
        assertEquals(ExitCode.FAILED.code(), json.code(), json.err());
        JsonNode o = Json.read(json.out());
        assertEquals("FAILED", o.get("result").asString());
        assertEquals(V1, o.get("currentVersion").asString());
        assertEquals(V2, o.get("failed").get(0).get("version").asString());
        assertTrue(o.get("stopped").asString().contains("stopped after statement 2 of "), json.out());

        Run migrate = run("--embedded", db, "migrate");
        assertEquals(0, migrate.code(), migrate.err());
        Run clean = run("--embedded", db, "check");
        assertEquals(ExitCode.OK.code(), clean.code(), clean.out());
        assertTrue(clean.out().contains("Up to date at " + MigrationScripts.latestVersion() + "; no schema drift"),
                clean.out());
    }
}
