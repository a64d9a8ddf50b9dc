package io.fcn.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.exceptions.MigrationException;
import io.fcn.persistence.internal.scripts.EmbeddedTranslation;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.scripts.MigrationScripts.Script;
import io.fcn.persistence.support.AlembicRows;

/**
 * A migration the embedded engine stopped in the middle of (H2 commits DDL at once), after each statement of V2
 * and of V3: failed (a copy of the migration with a failing statement inserted after statement k, from a project
 * directory) or killed (its first k statements applied, no history row). {@code check} names the failure and where
 * it stopped; the next {@code migrate} completes it, and {@code check} is clean.
 */
class PartialMigrationTest {

    private static final String V1 = "20251022.0001";
    private static final String V2 = "20251101.0002";
    private static final String V3 = "20261124.0003";

    @TempDir
    Path dir;

    @Test
    void aFailureAfterAnyStatementOfV2IsCompletedByTheNextMigrate() throws Exception {
        failAfterEachStatement(V1, V2);
    }

    @Test
    void aFailureAfterAnyStatementOfV3IsCompletedByTheNextMigrate() throws Exception {
        failAfterEachStatement(V2, V3);
    }

    @Test
    void aKillAfterAnyStatementOfV2OrV3IsCompletedByTheNextMigrate() throws Exception {
        for (String[] pair : List.of(new String[] {V1, V2}, new String[] {V2, V3})) {
            List<String> statements = EmbeddedTranslation.statements(script(pair[1]).text());
            for (int k = 1; k < statements.size(); k++) {
                try (EmbeddedDatabase h2 = EmbeddedDatabase.inMemory()) {
                    MigrationOperations ops = MigrationOperations.on(h2.dataSource());
                    ops.migrate(pair[0]);
                    try (Connection c = h2.dataSource().getConnection(); Statement s = c.createStatement()) {
                        for (String sql : statements.subList(0, k)) {
                            s.execute(sql);
                        }
                    }
                    String at = pair[1] + " after statement " + k;
                    assertEquals(pair[0], ops.info().currentVersion(), at);
                    assertStoppedAt(ops.stopped().orElseThrow(), k, statements.size(),
                            " without a history row (killed)", pair[1], at);
                    assertClean(ops, at);
                }
            }
        }
    }

    @Test
    void aFailedMigrationIsNeverTheCurrentVersionAndCheckSaysWhatItLeft() throws Exception {
        try (EmbeddedDatabase h2 = EmbeddedDatabase.inMemory()) {
            MigrationOperations ops = MigrationOperations.on(h2.dataSource());
            ops.migrate(V1);
            int k = 3; // the three foreign keys of V2
            assertThrows(MigrationException.class, () -> failingCopy(V2, k, ops).migrate(V2));

            MigrationOperations.CheckResult check = ops.check();
            assertTrue(check.failed());
            assertEquals(List.of(V2), check.status().failed().stream().map(MigrationEntry::version).toList());
            assertEquals(V1, check.status().currentVersion(), "a failed migration is not current");
            assertTrue(check.stopped().orElseThrow().startsWith("migration " + V2
                    + " (integrity and concurrency) stopped after statement 3 of "), check.stopped().get());
            String left = check.drift().orElseThrow().toText();
            for (String fk : List.of("fk_fcn_trade_template", "fk_fcn_observation_trade",
                    "fk_fcn_lifecycle_event_trade")) {
                assertTrue(left.contains(fk), left);
            }
            assertClean(ops, "after the three foreign keys");
        }
    }

    @Test
    void repairThenMigrateCompletesItToo() throws Exception {
        try (EmbeddedDatabase h2 = EmbeddedDatabase.inMemory()) {
            MigrationOperations ops = MigrationOperations.on(h2.dataSource());
            ops.migrate(V1);
            assertThrows(MigrationException.class, () -> failingCopy(V2, 10, ops).migrate(V2));
            assertFalse(ops.repair().isEmpty(), "repair removes the failed row");
            assertFalse(ops.check().failed());
            assertTrue(ops.check().stopped().orElseThrow().contains("stopped after statement 10 of "),
                    () -> ops.check().stopped().toString());
            assertClean(ops, "repair, then migrate");
        }
    }

    @Test
    void aMigrationARowRefusesFailsAgainAtTheSameStatementUntilTheRowIsFixed() throws Exception {
        try (EmbeddedDatabase h2 = EmbeddedDatabase.inMemory()) {
            MigrationOperations ops = MigrationOperations.on(h2.dataSource());
            ops.migrate(V1);
            try (Connection c = h2.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String row : AlembicRows.ROWS.subList(0, 2)) {
                    s.execute(row.replace("'USD'", "'usd'")); // the first revision took a lower-case currency
                }
            }
            MigrationException first = assertThrows(MigrationException.class, () -> ops.migrate(null));
            assertTrue(first.getMessage().contains("ck_fcn_trade_currency"), first.getMessage());
            String stopped = ops.check().stopped().orElseThrow();
            MigrationException again = assertThrows(MigrationException.class, () -> ops.migrate(null));
            assertTrue(again.getMessage().startsWith("migrate failed: " + stopped + "; completing it failed at "
                    + "statement "), again.getMessage());
            assertTrue(again.getMessage().contains("ck_fcn_trade_currency"), again.getMessage());
            assertEquals(stopped, ops.check().stopped().orElseThrow(), "nothing more applied, nothing undone");
            try (Connection c = h2.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE dbo.fcn_trade SET currency = 'USD'");
            }
            assertClean(ops, "after fixing the row");
        }
    }

    private void failAfterEachStatement(String before, String version) throws Exception {
        int n = EmbeddedTranslation.statements(script(version).text()).size();
        for (int k = 0; k <= n; k++) {
            try (EmbeddedDatabase h2 = EmbeddedDatabase.inMemory()) {
                MigrationOperations ops = MigrationOperations.on(h2.dataSource());
                ops.migrate(before);
                int after = k;
                MigrationException e = assertThrows(MigrationException.class,
                        () -> failingCopy(version, after, ops).migrate(version));
                String at = version + " failing after statement " + k;
                assertTrue(e.getMessage().contains("migrate failed"), at + ": " + e.getMessage());
                MigrationOperations.CheckResult check = ops.check();
                assertTrue(check.failed(), at);
                assertEquals(before, check.status().currentVersion(), at);
                assertStoppedAt(check.stopped().orElseThrow(), k, n, " and is recorded as failed", version, at);
                assertClean(ops, at);
            }
        }
    }

    /**
     * Stopped after statement {@code k}, or after an earlier one {@code j} when statements {@code j+1..k} only move
     * data: the schema cannot tell them apart, and they run again.
     */
    private static void assertStoppedAt(String stopped, int k, int n, String how, String version, String at) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stopped after statement (\\d+) of (\\d+)(.*)")
                .matcher(stopped);
        assertTrue(m.find(), at + ": " + stopped);
        int j = Integer.parseInt(m.group(1));
        assertEquals(n, Integer.parseInt(m.group(2)), at);
        assertEquals(how, m.group(3), at);
        assertTrue(j <= k, at + ": " + stopped);
        List<String> between = EmbeddedTranslation.statements(script(version).text()).subList(j, k);
        assertTrue(between.stream().allMatch(sql -> sql.strip().toLowerCase().startsWith("update")),
                at + ": " + stopped + " " + between);
    }

    /** Migrates with the jar's scripts, then the check is clean: nothing failed, nothing pending, no drift. */
    private static void assertClean(MigrationOperations ops, String at) {
        List<StepResult> steps = ops.migrate(null);
        assertFalse(steps.isEmpty(), at);
        MigrationOperations.CheckResult check = ops.check();
        assertFalse(check.failed(), at);
        assertFalse(check.pending(), at);
        assertEquals(MigrationScripts.latestVersion(), check.status().currentVersion(), at);
        assertTrue(check.drift().orElseThrow().isEmpty(), () -> at + ": " + check.drift().get().toText());
        assertTrue(ops.validate().isEmpty(), at + ": " + ops.validate());
        assertTrue(ops.stopped().isEmpty(), at);
    }

    /** The operations with a copy of {@code version} that fails after its statement {@code k} (0: at once). */
    private MigrationOperations failingCopy(String version, int k, MigrationOperations ops) throws IOException {
        Script script = script(version);
        List<String> statements = new ArrayList<>(EmbeddedTranslation.statements(script.text()));
        statements.add(k, "SELECT 1 / 0");
        Path migrations = Files.createDirectories(dir.resolve("copy-" + version + "-" + k + "/migration"));
        Files.writeString(migrations.resolve(script.filename()), String.join(";\n", statements) + ";\n");
        return ops.withProjectDirectories(migrations, dir.resolve("none"));
    }

    private static Script script(String version) {
        return MigrationScripts.migrations().stream().filter(s -> s.version().equals(version)).findFirst()
                .orElseThrow();
    }

}
