package io.fcn.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.scripts.MigrationScripts;

/** The command line, run in-process on embedded database files. */
class FcnDbTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FcnDb.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env,
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        return run;
    }

    private Run embedded(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--embedded";
        all[args.length + 1] = dir.resolve("local").toString();
        return run(Map.of(), all);
    }

    @Test
    void aNewcomerMigratesChecksUndoesAndSeesPendingWorkOnTheEmbeddedDefault() {
        Run migrate = embedded("migrate");
        assertEquals(0, migrate.code(), migrate.err());
        assertTrue(migrate.err().contains("embedded H2 (file " + dir.resolve("local").toAbsolutePath()), migrate.err());
        assertTrue(migrate.out().contains("Applied 20251022.0001 initial core schema ("), migrate.out());
        assertTrue(migrate.out().contains("3 migrations applied, now at " + MigrationScripts.latestVersion()));

        Run info = embedded("info");
        assertEquals(0, info.code());
        List<String> lines = info.out().lines().toList();
        assertEquals("Current version: " + MigrationScripts.latestVersion(), lines.get(0));
        assertTrue(lines.get(1).startsWith("VERSION        DESCRIPTION                TYPE  STATE    INSTALLED ON"),
                lines.get(1));
        assertTrue(lines.get(2).matches("20251022\\.0001  initial core schema +SQL +Success +\\S+ +-?\\d+ +\\d+ ms +yes"),
                lines.get(2));

        assertEquals(0, embedded("check").code());
        Run undo = embedded("undo", "--steps", "1");
        assertEquals(0, undo.code(), undo.err());
        assertTrue(undo.out().startsWith("Undid 20261124.0003 list indexes ("), undo.out());
        Run pending = embedded("check");
        assertEquals(ExitCode.PENDING.code(), pending.code());
        assertTrue(pending.out().contains("20261124.0003"), pending.out());

        Run json = embedded("info", "--json");
        assertTrue(json.out().startsWith("{\"command\":\"info\",\"database\":\"embedded H2 (file "), json.out());
        assertTrue(json.out().contains("\"currentVersion\":\"20251101.0002\""), json.out());
        assertEquals("", json.err());
    }

    @Test
    void checkExitsWithTheDriftCodeWhenTheSchemaDrifted() throws Exception {
        assertEquals(0, embedded("migrate").code());
        try (EmbeddedDatabase db = EmbeddedDatabase.file(dir.resolve("local"));
                Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE dbo.fcn_trade DROP CONSTRAINT ck_fcn_trade_currency");
        }
        Run check = embedded("check");
        assertEquals(ExitCode.DRIFT.code(), check.code(), check.out() + check.err());
        assertTrue(check.out().contains("ck_fcn_trade_currency"), check.out());
        Run json = embedded("check", "--json");
        assertTrue(json.out().contains("\"result\":\"DRIFT\""), json.out());
        assertTrue(json.out().contains("\"drift\":{\"expected\""), json.out());
        Run undo = embedded("undo", "--to-base");
        assertEquals(ExitCode.FAILURE.code(), undo.code());
        assertTrue(undo.err().contains("Refusing to undo: the schema has drifted"), undo.err());
    }

    @Test
    void sqlPrintsThePendingStatementsAndRunsNothing() {
        assertEquals(0, embedded("migrate", "--target", "20251101.0002").code());
        Run sql = embedded("sql");
        assertEquals(0, sql.code());
        assertTrue(sql.out().startsWith("-- V20261124_0003__list_indexes.sql\n"), sql.out());
        assertEquals(5, sql.out().lines().filter(l -> l.startsWith("create index")).count(), sql.out());
        assertTrue(embedded("info").out().startsWith("Current version: 20251101.0002"));
        Run undoSql = embedded("sql", "--undo", "--target", "20251022.0001");
        assertTrue(undoSql.out().startsWith("-- U20251101_0002__integrity_and_concurrency.sql"), undoSql.out());
    }

    @Test
    void newCreatesTheNextMigrationAndItsRollbackWhichMigrateAndUndoThenRun() throws Exception {
        Path migrations = dir.resolve("project/db/migration");
        Run created = run(Map.of(), "new", "Add trade note", "--dir", migrations.toString());
        assertEquals(0, created.code(), created.err());
        Path v = migrations.resolve("V20261125_0004__add_trade_note.sql");
        Path u = dir.resolve("project/db/rollback/U20261125_0004__add_trade_note.sql");
        assertTrue(created.out().contains(v.toString()), created.out());
        Files.writeString(v, Files.readString(v) + "ALTER TABLE dbo.fcn_trade ADD note NVARCHAR(200) NULL;\n");
        Files.writeString(u, Files.readString(u) + "ALTER TABLE dbo.fcn_trade DROP COLUMN note;\n");

        Run migrate = embedded("migrate", "--dir", migrations.toString());
        assertEquals(0, migrate.code(), migrate.err());
        assertTrue(migrate.out().contains("Applied 20261125.0004 add trade note"), migrate.out());
        Run undo = embedded("undo", "--steps", "1", "--dir", migrations.toString());
        assertTrue(undo.out().startsWith("Undid 20261125.0004 add trade note"), undo.out());
    }

    @Test
    void anH2UrlIsCheckedAgainstTheLibrarysSettings() {
        String base = "jdbc:h2:file:" + dir.resolve("own").toAbsolutePath();
        Run lacking = run(Map.of(), "info", "--url", base + ";MODE=MSSQLServer;IGNORECASE=TRUE");
        assertEquals(ExitCode.FAILURE.code(), lacking.code());
        assertTrue(lacking.err().contains("DATABASE_TO_LOWER=TRUE") && lacking.err().contains("INIT="),
                lacking.err());
        String required = ";MODE=MSSQLServer;DATABASE_TO_LOWER=TRUE;IGNORECASE=TRUE"
                + ";INIT=CREATE SCHEMA IF NOT EXISTS dbo\\;SET SCHEMA dbo";
        Run warned = run(Map.of(), "migrate", "--url", base + required);
        assertEquals(0, warned.code(), warned.err());
        assertTrue(warned.err().contains("fcn-db: warning: the H2 URL lacks WRITE_DELAY=0"), warned.err());
        Run quiet = run(Map.of(), "info", "--url", base + required + ";WRITE_DELAY=0");
        assertEquals(0, quiet.code(), quiet.err());
        assertFalse(quiet.err().contains("warning"), quiet.err());
        assertTrue(quiet.out().startsWith("Current version: " + MigrationScripts.latestVersion()), quiet.out());
    }

    @Test
    void databaseUrlReachesTheDatabaseAndUrlOptionTakesPrecedence() {
        String viaEnv = "jdbc:h2:file:" + dir.resolve("env").toAbsolutePath();
        Run migrate = run(Map.of("DATABASE_URL", viaEnv), "migrate", "--target", "20251022.0001");
        assertEquals(0, migrate.code(), migrate.err());
        assertTrue(migrate.err().contains("database: H2 " + viaEnv), migrate.err());
        Run info = run(Map.of(), "info", "--url", viaEnv);
        assertTrue(info.out().startsWith("Current version: 20251022.0001"), info.out());
        Run other = run(Map.of("DATABASE_URL", viaEnv), "info", "--url",
                "jdbc:h2:file:" + dir.resolve("other").toAbsolutePath());
        assertTrue(other.out().startsWith("Current version: (none)"), other.out());
    }

    @Test
    void aWrongPasswordIsAClearErrorThatNeverShowsThePassword() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("secured").toAbsolutePath();
        Path right = Files.writeString(dir.resolve("right.txt"), "Right-Pa55word\n");
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "Wr0ng-Pa55word\n");
        Run created = run(Map.of(), "migrate", "--url", url, "--user", "fcn", "--password-file", right.toString());
        assertEquals(0, created.code(), created.err());

        Run denied = run(Map.of(), "info", "--url", url, "--user", "fcn", "--password-file", wrong.toString());
        assertEquals(ExitCode.FAILURE.code(), denied.code());
        assertTrue(denied.err().contains("cannot connect to H2 " + url), denied.err());
        assertTrue(denied.err().contains("Wrong user name or password"), denied.err());
        assertFalse((denied.out() + denied.err()).contains("Wr0ng-Pa55word"));

        Run inUrl = run(Map.of("DATABASE_URL", url + ";USER=fcn;PASSWORD=Wr0ng-Pa55word"), "info");
        assertEquals(ExitCode.FAILURE.code(), inUrl.code());
        assertFalse((inUrl.out() + inUrl.err()).contains("Wr0ng-Pa55word"), inUrl.err());

        Run badForm = run(Map.of("DATABASE_URL", "mssql+pyodbc://sa:Wr0ng-Pa55word@/fcn"), "info");
        assertEquals(ExitCode.USAGE.code(), badForm.code());
        assertFalse(badForm.err().contains("Wr0ng-Pa55word"), badForm.err());
    }

    @Test
    void badArgumentsGetOneLineAPointerToTheHelpAndExitTwo() {
        for (String[] args : List.of(new String[0], new String[] {"frobnicate"}, new String[] {"undo"},
                new String[] {"migrate", "--bogus"}, new String[] {"undo", "--steps", "zero"},
                new String[] {"baseline"}, new String[] {"new"}, new String[] {"info", "--url"},
                new String[] {"undo", "--steps", "1", "--target", "20251022.0001"},
                new String[] {"--url", "jdbc:h2:mem:a", "info", "--url", "jdbc:h2:mem:b"},
                new String[] {"baseline", "--version", "20251022.0001", "--dir", "db/migration"},
                new String[] {"help", "frobnicate"}, new String[] {"info", "unexpected"})) {
            Run r = run(Map.of(), args);
            String given = String.join(" ", args);
            assertEquals(ExitCode.USAGE.code(), r.code(), given);
            List<String> lines = r.err().lines().toList();
            assertTrue(lines.size() <= 2, given + ": " + r.err());
            assertTrue(lines.get(0).startsWith("fcn-db: "), r.err());
            assertTrue(lines.get(1).matches("see fcn-db( [a-z-]+)? --help"), r.err());
            assertEquals("", r.out(), given);
        }
        assertEquals(List.of("fcn-db: unknown command frobnicate", "see fcn-db --help"),
                run(Map.of(), "frobnicate").err().lines().toList());
        assertEquals(List.of("fcn-db: undo needs exactly one of --steps N, --target V, --to-base",
                "see fcn-db undo --help"), run(Map.of(), "undo").err().lines().toList());
        assertTrue(run(Map.of(), "undo", "--steps", "zero").err()
                .contains("must be a positive whole number, got zero"));

        Run help = run(Map.of(), "--help");
        assertEquals(0, help.code());
        assertEquals("", help.err());
        for (ExitCode c : ExitCode.values()) {
            assertEquals(1, help.out().lines().filter(l -> l.matches("\\s+" + c.code() + "\\s+\\S.*")).count(),
                    "one line for exit code " + c.code() + ": " + help.out());
        }
        for (String command : List.of("info", "migrate", "undo", "sql", "check", "validate", "repair", "baseline",
                "new", "purge-idempotency")) {
            assertTrue(help.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), command + help.out());
        }
    }

    @Test
    void docsCliListsTheExitCodesTheHelpPrints() throws Exception {
        Map<String, String> documented = new LinkedHashMap<>();
        Files.readString(Path.of("docs/cli.md")).lines().map(Pattern.compile("^\\| (\\d) \\| (.+) \\|$")::matcher)
                .filter(Matcher::matches).forEach(m -> documented.put(m.group(1), m.group(2)));
        assertEquals(ExitCode.table(), documented);
        String help = run(Map.of(), "--help").out().replaceAll("\\s+", " ");
        ExitCode.table().forEach((code, meaning) -> assertTrue(help.contains(" " + code + " " + meaning + " "),
                code + " " + meaning + " in: " + help));
    }

    @Test
    void helpOnOneCommandDescribesThatCommandAlone() {
        Run viaHelp = run(Map.of(), "help", "undo");
        Run viaOption = run(Map.of(), "undo", "--help");
        assertEquals(0, viaHelp.code());
        assertEquals(0, viaOption.code());
        assertEquals(viaHelp.out(), viaOption.out());
        String help = viaHelp.out();
        assertTrue(help.contains("Usage: fcn-db undo (--steps N | --target V | --to-base)"), help);
        assertTrue(help.contains("--to-base") && help.contains("--url"), help);
        for (String other : List.of("migrate", "purge-idempotency", "baseline", "--batch", "--version", "Exit codes")) {
            assertFalse(help.contains(other), other + " in the help of undo: " + help);
        }
        assertEquals("", viaHelp.err() + viaOption.err());
    }

    @Test
    void aGlobalOptionWorksBeforeAndAfterTheCommand() {
        String url = "jdbc:h2:file:" + dir.resolve("either").toAbsolutePath();
        assertEquals(0, run(Map.of(), "--url", url, "migrate", "--target", "20251022.0001").code());
        Run after = run(Map.of(), "info", "--url", url, "--json");
        Run before = run(Map.of(), "--json", "--url", url, "info");
        assertEquals(0, after.code(), after.err());
        assertEquals(0, before.code(), before.err());
        assertTrue(after.out().contains("\"currentVersion\":\"20251022.0001\""), after.out());
        assertEquals(after.out(), before.out());

        Run embeddedBefore = run(Map.of(), "--embedded", dir.resolve("local").toString(), "migrate");
        assertEquals(0, embeddedBefore.code(), embeddedBefore.err());
        assertEquals(embedded("info", "--json").out(),
                run(Map.of(), "--json", "--embedded", dir.resolve("local").toString(), "info").out());
    }
}
