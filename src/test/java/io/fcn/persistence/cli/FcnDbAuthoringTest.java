package io.fcn.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.database.ExternalSqlServer;
import io.fcn.persistence.internal.database.SqlServerDatabase;
import io.fcn.persistence.internal.format.Json;
import io.fcn.persistence.internal.sql.ddl.TsqlTarget;
import io.fcn.persistence.internal.scripts.EmbeddedTranslation;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.support.AlembicRows;
import tools.jackson.databind.JsonNode;

/**
 * The authoring commands end to end on embedded database files: {@code new --autogenerate} from a changed
 * development database, and {@code diff --sql}'s reconcile script in the adoption of an Alembic-built database.
 */
class FcnDbAuthoringTest {

    private static final String V1 = "20251022.0001";
    private static final String LATEST = MigrationScripts.latestVersion();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FcnDb.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        return run;
    }

    /** A command on the embedded database file {@code name}. */
    private Run on(String name, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--embedded");
        all.add(dir.resolve(name).toString());
        return run(all.toArray(String[]::new));
    }

    /** A problem: exit 1, one line on stderr (after the database line), nothing on stdout. */
    private static void assertProblem(Run r, String... contains) {
        assertEquals(ExitCode.FAILURE.code(), r.code(), r.out() + r.err());
        List<String> errors = r.err().lines().filter(l -> !l.startsWith("database: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("fcn-db: error: "), r.err());
        for (String c : contains) {
            assertTrue(errors.get(0).contains(c), c + " in: " + r.err());
        }
        assertEquals("", r.out());
    }

    /** T-SQL run on the embedded file {@code name} through the embedded translation, statement by statement. */
    private void execute(String name, String tsql) throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.file(dir.resolve(name));
                Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : EmbeddedTranslation.toH2(tsql).split(";\n\n")) {
                String statement = sql.strip().replaceAll(";$", "");
                if (!statement.isEmpty()) {
                    s.execute(statement);
                }
            }
        }
    }

    private List<String> files() throws Exception {
        Path project = dir.resolve("project");
        if (!Files.exists(project)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(project)) {
            return walk.filter(Files::isRegularFile).map(p -> project.relativize(p).toString()).sorted().toList();
        }
    }

    // ---- new --autogenerate ----

    private static final String DESK_NOTES = """
            CREATE TABLE dbo.fcn_desk_note (
                id        INT IDENTITY(1,1) NOT NULL,
                trade_id  VARCHAR(100)      NOT NULL,
                note      VARCHAR(400)      NOT NULL,
                CONSTRAINT pk_fcn_desk_note PRIMARY KEY CLUSTERED (id),
                CONSTRAINT fk_fcn_desk_note_trade FOREIGN KEY (trade_id) REFERENCES dbo.fcn_trade (trade_id)
            );
            ALTER TABLE dbo.fcn_trade ADD desk VARCHAR(50) NULL;
            CREATE INDEX ix_fcn_trade_desk ON dbo.fcn_trade (desk);
            """;

    @Test
    void autogenerateWritesAProvedDraftWhichAFreshDatabaseMigratesToWithoutDrift() throws Exception {
        assertEquals(0, on("dev", "migrate").code());
        execute("dev", DESK_NOTES);
        Path migrations = dir.resolve("project/db/migration");

        Run created = on("dev", "new", "desk notes", "--autogenerate", "--dir", migrations.toString());

        assertEquals(0, created.code(), created.out() + created.err());
        assertTrue(created.err().startsWith("database: embedded H2 (file "), created.err());
        Path v = migrations.resolve("V20261125_0004__desk_notes.sql");
        Path u = dir.resolve("project/db/rollback/U20261125_0004__desk_notes.sql");
        assertEquals(List.of("db/migration/V20261125_0004__desk_notes.sql",
                "db/rollback/U20261125_0004__desk_notes.sql"), files());
        List<String> out = created.out().lines().toList();
        assertEquals("Created " + v, out.get(0));
        assertEquals("Created " + u, out.get(1));
        assertTrue(out.get(2).startsWith("Proved on a fresh embedded database: on top of " + LATEST), out.get(2));
        assertTrue(created.out().contains("Review 4 -- REVIEW lines in the draft"), created.out());
        assertTrue(out.get(out.size() - 1).startsWith("Lint of the draft: 0 errors (0 allowed), "), created.out());

        String migration = Files.readString(v);
        assertTrue(migration.startsWith("-- desk notes\n-- Autogenerated from the H2 catalog against version "
                + LATEST), migration);
        for (String statement : List.of("CREATE TABLE dbo.fcn_desk_note (\n",
                "    CONSTRAINT pk_fcn_desk_note PRIMARY KEY CLUSTERED (id)\n",
                "ALTER TABLE dbo.fcn_trade ADD desk VARCHAR(50) NULL;\nGO\n",
                "-- fcn:online\nCREATE INDEX ix_fcn_trade_desk ON dbo.fcn_trade (desk);\n",
                "ALTER TABLE dbo.fcn_desk_note ADD CONSTRAINT fk_fcn_desk_note_trade FOREIGN KEY (trade_id) "
                        + "REFERENCES dbo.fcn_trade (trade_id);\n")) {
            assertTrue(migration.contains(statement), statement + " in:\n" + migration);
        }
        assertEquals("""
                -- Undoes V20261125_0004__desk_notes.sql, in reverse order.

                ALTER TABLE dbo.fcn_desk_note DROP CONSTRAINT fk_fcn_desk_note_trade;
                DROP INDEX ix_fcn_trade_desk ON dbo.fcn_trade;
                DROP TABLE dbo.fcn_desk_note;
                ALTER TABLE dbo.fcn_trade DROP COLUMN desk;
                """, Files.readString(u));

        Run migrate = on("fresh", "migrate", "--dir", migrations.toString());
        assertEquals(0, migrate.code(), migrate.err());
        assertTrue(migrate.out().contains("Applied 20261125.0004 desk notes"), migrate.out());
        Run check = on("fresh", "check", "--dir", migrations.toString());
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().startsWith("Up to date at 20261125.0004; no schema drift\nChecked: embedded H2 (file "),
                "the draft's version is checked: " + check.out());
        // Migrated with the draft, the database matches the latest migration of --dir: nothing to draft.
        Run nothing = on("fresh", "new", "more", "--autogenerate", "--dir", migrations.toString());
        assertEquals(0, nothing.code(), nothing.err());
        assertEquals("No changes: the development database matches version 20261125.0004; nothing written\n",
                nothing.out());
        Run undo = on("fresh", "undo", "--steps", "1", "--dir", migrations.toString());
        assertEquals(0, undo.code(), undo.err());
        assertEquals(0, on("fresh", "check", "--version", LATEST).code(), "the rollback gives the version before");
        assertEquals(2, files().size());
    }

    @Test
    void aDryRunPrintsBothFilesAndTheLintOfTheDraftAndWritesNothing() throws Exception {
        assertEquals(0, on("dev", "migrate").code());
        execute("dev", DESK_NOTES);
        Path migrations = dir.resolve("project/db/migration");
        String url = EmbeddedDatabase.file(dir.resolve("dev")).jdbcUrl();

        Run dry = run("new", "desk notes", "--autogenerate", "--dry-run", "--url", url, "--user", "sa",
                "--dir", migrations.toString());

        assertEquals(0, dry.code(), dry.out() + dry.err());
        assertEquals(List.of(), files(), "nothing written");
        assertTrue(dry.out().startsWith("-- " + migrations.resolve("V20261125_0004__desk_notes.sql")
                + " (dry run: not written)\n-- desk notes\n"), dry.out());
        assertTrue(dry.out().contains("\n-- " + dir.resolve("project/db/rollback/U20261125_0004__desk_notes.sql")
                + " (dry run: not written)\n-- Undoes V20261125_0004__desk_notes.sql"), dry.out());
        assertTrue(dry.out().contains("CREATE INDEX ix_fcn_trade_desk ON dbo.fcn_trade (desk);"), dry.out());
        assertTrue(dry.out().contains("\nLint of the draft: 0 errors (0 allowed), "), dry.out());

        JsonNode json = Json.read(run("new", "desk notes", "--autogenerate", "--dry-run", "--json", "--url", url,
                "--user", "sa", "--dir", migrations.toString()).out());
        assertEquals("DRY_RUN", json.get("outcome").asString());
        assertEquals("20261125.0004", json.get("version").asString());
        assertFalse(json.get("written").asBoolean());
        assertTrue(json.get("migrationText").asString().contains("CREATE TABLE dbo.fcn_desk_note ("));
        assertTrue(json.get("rollbackText").asString().contains("DROP TABLE dbo.fcn_desk_note;"));
        assertEquals(4, json.get("reviews").size(), json.toString());
        assertTrue(json.get("lint").isArray(), json.toString());
        assertEquals(List.of(), files());
    }

    @Test
    void theLintOfADraftIsPrintedAndDoesNotStopIt() throws Exception {
        assertEquals(0, on("dev", "migrate").code());
        // Dropping a column loses its values: an error of lint (FCN102), which the draft carries for review.
        execute("dev", "ALTER TABLE dbo.fcn_observation DROP CONSTRAINT ck_fcn_observation_observation_data_json;\n"
                + "ALTER TABLE dbo.fcn_observation DROP COLUMN observation_data;\n");
        Path migrations = dir.resolve("project/db/migration");

        Run created = on("dev", "new", "drop observation data", "--autogenerate", "--dir", migrations.toString());

        assertEquals(0, created.code(), created.out() + created.err());
        assertEquals(List.of("db/migration/V20261125_0004__drop_observation_data.sql"), files(),
                "irreversible: no rollback");
        assertTrue(created.out().contains("Irreversible, so no rollback: drops column "
                + "fcn_observation.observation_data and its values"), created.out());
        assertTrue(created.out().contains("V20261125_0004__drop_observation_data.sql:"), "a finding: " + created.out());
        assertTrue(created.out().contains("  rule: ") && created.out().contains("  fix:  "), created.out());
        String last = created.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches("Lint of the draft: [1-9]\\d* errors? \\(0 allowed\\), .*: fcn-db lint fails on it"), last);
        Run lint = run("lint", "--dir", migrations.toString());
        assertEquals(ExitCode.FAILURE.code(), lint.code(), "lint itself fails on the draft's error: " + lint.out());
    }

    @Test
    void autogenerateProblemsAreOneLineAndWriteNothing() throws Exception {
        Path migrations = dir.resolve("project/db/migration");
        String d = migrations.toString();
        assertEquals(0, on("old", "migrate", "--target", "20251101.0002").code());
        assertProblem(on("old", "new", "x", "--autogenerate", "--dir", d),
                "The development database is at version 20251101.0002, the latest migration is " + LATEST);

        assertEquals(0, on("dev", "migrate").code());
        assertProblem(on("dev", "new", "x", "--autogenerate", "--rename", "fcn_trade.nope=other", "--dir", d),
                "rename hint 'fcn_trade.nope=other'", "nope");
        assertProblem(on("dev", "new", "x", "--autogenerate", "--rename", "fcn_trade.termination_date=terminated_on",
                "--dir", d), "the development database has no column fcn_trade.terminated_on");
        // A type only the embedded engine has: the draft renders it as its catalog names it, and fails its proof.
        try (EmbeddedDatabase db = EmbeddedDatabase.file(dir.resolve("dev"));
                Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE dbo.fcn_trade ADD memo ENUM('a', 'b') NULL");
        }
        assertProblem(on("dev", "new", "memo", "--autogenerate", "--dir", d),
                "the draft V20261125_0004__memo.sql fails its proof, so nothing was written: ", "memo");

        for (String[] usage : List.of(new String[] {"--autogenerate", "--rename", "no-equals-sign"},
                new String[] {"--autogenerate", "--rename", "a.b.c=d"}, new String[] {"--dry-run"},
                new String[] {"--rename", "a=b"})) {
            List<String> args = new ArrayList<>(List.of("new", "x", "--dir", d));
            args.addAll(List.of(usage));
            Run r = on("dev", args.toArray(String[]::new));
            assertEquals(ExitCode.USAGE.code(), r.code(), String.join(" ", usage) + ": " + r.err());
            assertEquals("see fcn-db new --help", r.err().lines().reduce((a, b) -> b).orElseThrow());
            assertEquals(2, r.err().lines().count(), r.err());
        }
        assertEquals(List.of(), files(), "nothing written");
    }

    // ---- diff --sql: the adoption of an Alembic-built database ----


    /** The service's original schema (OriginalSchemaAdoptionTest's fixture), with a row in every table. */
    private void buildAlembicDatabase(String name) throws Exception {
        String fixture;
        try (InputStream in = FcnDbAuthoringTest.class.getResourceAsStream("/fixtures/alembic_20251022_0001.sql")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.file(dir.resolve(name))) {
            FcnMigrations.configure(db.dataSource()); // schema dbo and SQL Server's functions on H2
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String statement : EmbeddedTranslation.toH2(fixture).split(";\\s*\\n")) {
                    String sql = statement.lines().filter(l -> !l.strip().startsWith("--"))
                            .reduce("", (a, b) -> a + b + "\n").strip();
                    if (!sql.isEmpty()) {
                        s.execute(sql);
                    }
                }
                for (String row : AlembicRows.ROWS) {
                    s.execute(row);
                }
            }
        }
    }

    private List<String> rows(String name) throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.file(dir.resolve(name))) {
            return AlembicRows.read(db.dataSource());
        }
    }

    @Test
    void theAdoptionSequenceOfTheGuideRunsOnTheCommandLineAndKeepsEveryRow() throws Exception {
        buildAlembicDatabase("alembic");
        List<String> before = rows("alembic");
        assertEquals(6, before.size());
        String url = EmbeddedDatabase.file(dir.resolve("alembic")).jdbcUrl();

        Run drift = on("alembic", "check", "--version", V1);
        assertEquals(ExitCode.DRIFT.code(), drift.code(), drift.out() + drift.err());

        Run diff = run("diff", "--from-url", url, "--user", "sa", "--to", V1, "--sql", "--drop-extra");
        assertEquals(0, diff.code(), diff.err());
        String script = diff.out();
        assertTrue(script.startsWith("-- Reconciles "), script);
        assertTrue(script.lines().limit(3).anyMatch(l -> l.contains("embedded H2")), "the engine named: " + script);
        assertTrue(script.contains("ALTER TABLE dbo.fcn_template ADD CONSTRAINT uq_fcn_template_template_id"
                + " UNIQUE (template_id);\n"), script);
        assertTrue(script.contains("DROP INDEX ix_fcn_template_template_id ON dbo.fcn_template;\n"), script);
        assertTrue(script.contains("CHECK (CAST(trade_date AS DATE) = trade_date);\n"), "the guard: " + script);
        List<String> human = diff.err().lines().toList();
        assertTrue(human.get(0).startsWith("database: H2 jdbc:h2:file:"), diff.err());
        assertTrue(human.get(1).startsWith("Reconcile script to version " + V1 + " for embedded H2"), diff.err());
        assertTrue(human.get(1).endsWith(" on stdout; review it, run it, then baseline --version " + V1), diff.err());
        Files.writeString(dir.resolve("reconcile.sql"), script);

        // Review and run it: plain JDBC, through the embedded translation as the script's header says.
        execute("alembic", Files.readString(dir.resolve("reconcile.sql")));
        assertEquals(before, rows("alembic"));
        Run reconciled = on("alembic", "check", "--version", V1);
        assertEquals(0, reconciled.code(), reconciled.out());
        assertEquals("No schema drift against " + V1 + "\n", reconciled.out());

        assertEquals(0, on("alembic", "baseline", "--version", V1).code());
        Run migrate = on("alembic", "migrate");
        assertEquals(0, migrate.code(), migrate.err());
        Run check = on("alembic", "check");
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().startsWith("Up to date at " + LATEST + "; no schema drift\nChecked: embedded H2 (file "),
                check.out());
        assertEquals(before, rows("alembic"));

        Run nothing = on("alembic", "diff", "--to", "latest", "--sql", "--exit-code");
        assertEquals(0, nothing.code(), nothing.err());
        assertTrue(nothing.out().endsWith("\n-- Nothing to change.\n"), nothing.out());
        assertTrue(nothing.err().contains("Nothing to reconcile: the database has the structure of version " + LATEST),
                nothing.err());
    }

    /** The fixture's statements, comments out, split at the semicolons that end them. */
    private static List<String> fixtureStatements() throws Exception {
        String fixture;
        try (InputStream in = FcnDbAuthoringTest.class.getResourceAsStream("/fixtures/alembic_20251022_0001.sql")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        for (String statement : fixture.split(";\\s*\\n")) {
            String sql = statement.lines().filter(l -> !l.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n").strip();
            if (!sql.isEmpty()) {
                out.add(sql);
            }
        }
        return out;
    }

    private static List<String> rows(DataSource dataSource) throws SQLException {
        return AlembicRows.read(dataSource);
    }

    private static String[] with(String[] connection, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(connection));
        return all.toArray(String[]::new);
    }

    /**
     * The same sequence on the suite's T-SQL engine (FCN_TEST_MSSQL_URL; Babelfish here): the fixture as SQLAlchemy
     * renders it, the reconcile script rendered for the engine the connection reaches and run batch by batch.
     */
    @Test
    void theAdoptionSequenceOfTheGuideRunsOnTheCommandLineOnTheTsqlEngine() throws Exception {
        java.util.Optional<ExternalSqlServer> server = ExternalSqlServer.fromEnvironment();
        Assumptions.assumeTrue(server.isPresent(), "needs a T-SQL engine: FCN_TEST_MSSQL_URL is not set");
        try (SqlServerDatabase db = server.get().newDatabase()) {
            DataSource ds = db.dataSource();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String sql : fixtureStatements()) {
                    s.execute(sql);
                }
                for (String row : AlembicRows.ROWS) {
                    s.execute(row);
                }
            }
            List<String> before = rows(ds);
            assertEquals(6, before.size());
            Path password = dir.resolve("password");
            Files.writeString(password, System.getenv(ExternalSqlServer.PASSWORD_VARIABLE));
            String url = System.getenv(ExternalSqlServer.URL_VARIABLE).replaceAll("(?i);databaseName=[^;]*", "")
                    + ";databaseName=" + db.databaseName();
            String[] connection = {"--url", url, "--user", System.getenv(ExternalSqlServer.USER_VARIABLE),
                "--password-file", password.toString()};
            TsqlTarget target = TsqlTarget.of(ds);

            Run drift = run(with(connection, "check", "--version", V1));
            assertEquals(ExitCode.DRIFT.code(), drift.code(), drift.out() + drift.err());
            Run diff = run(with(connection, "diff", "--to", V1, "--sql", "--drop-extra"));
            assertEquals(0, diff.code(), diff.err());
            String script = diff.out();
            assertTrue(script.lines().limit(3).anyMatch(l -> l.contains(target.label())), "the engine: " + script);
            assertTrue(script.contains("ALTER TABLE dbo.fcn_template ADD CONSTRAINT uq_fcn_template_template_id"
                    + " UNIQUE (template_id);\n"), script);
            assertTrue(script.contains("CHECK (CAST(trade_date AS DATE) = trade_date);\n"), "the guard: " + script);
            if (target == TsqlTarget.BABELFISH) {
                assertFalse(script.contains(" ALTER COLUMN "), "Babelfish swaps columns instead: " + script);
                assertTrue(script.contains("EXEC sp_rename 'dbo.fcn_template.parameters', 'parameters_swap',"
                        + " 'COLUMN';\n"), script);
            }
            assertFalse(script.contains(System.getenv(ExternalSqlServer.PASSWORD_VARIABLE)), "no secret");

            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String batch : script.split("(?m)^GO$")) {
                    if (!batch.isBlank()) {
                        s.execute(batch);
                    }
                }
            }
            assertEquals(before, rows(ds));
            Run reconciled = run(with(connection, "check", "--version", V1));
            assertEquals(0, reconciled.code(), reconciled.out() + reconciled.err());

            assertEquals(0, run(with(connection, "baseline", "--version", V1)).code());
            Run migrate = run(with(connection, "migrate"));
            assertEquals(0, migrate.code(), migrate.err());
            Run check = run(with(connection, "check"));
            assertEquals(0, check.code(), check.out() + check.err());
            assertTrue(check.out().startsWith("Up to date at " + LATEST), check.out());
            assertEquals(before, rows(ds));
        }
    }

    @Test
    void withoutDropExtraTheExtraIndexesAreKeptAndListedAndBadUsageIsTwoLines() throws Exception {
        buildAlembicDatabase("alembic");

        Run kept = on("alembic", "diff", "--to", V1, "--sql", "--exit-code");
        assertEquals(ExitCode.FAILURE.code(), kept.code(), "--exit-code: there is something to reconcile");
        assertTrue(kept.out().contains("-- Extra index fcn_template.ix_fcn_template_spec_version kept"), kept.out());
        assertFalse(kept.out().contains("DROP INDEX ix_fcn_template_spec_version "), kept.out());
        assertTrue(kept.err().contains("Kept (not in version " + V1 + "; --drop-extra drops them): ")
                && kept.err().contains("fcn_template.ix_fcn_template_spec_version"), kept.err());
        execute("alembic", kept.out());
        Run warned = on("alembic", "check", "--version", V1);
        assertEquals(0, warned.code(), "kept indexes are warnings: " + warned.out());
        assertTrue(warned.out().contains("ix_fcn_template_spec_version"), warned.out());

        assertProblem(on("alembic", "diff", "--to", "20990101.0001", "--sql"), "20990101.0001");
        // An unparsable version is bad usage, before any database is opened.
        for (String[] usage : List.of(new String[] {"diff", "--from", "nonsense", "--to", "latest"},
                new String[] {"schema", "--version", "x.y", "--format", "mermaid"})) {
            Run r = run(usage);
            assertEquals(ExitCode.USAGE.code(), r.code(), r.err());
            assertEquals(List.of("fcn-db: not a version: " + usage[2], "see fcn-db " + usage[0] + " --help"),
                    r.err().lines().toList());
        }
        for (String[] usage : List.of(new String[] {"diff", "--from", V1, "--to", "latest", "--sql"},
                new String[] {"diff", "--to-url", "jdbc:h2:mem:x", "--sql"},
                new String[] {"diff", "--to", V1, "--drop-extra"},
                new String[] {"diff", "--to", V1, "--sql", "--json"},
                new String[] {"diff", "--to", V1, "--sql", "--format", "markdown"})) {
            Run r = on("alembic", usage);
            assertEquals(ExitCode.USAGE.code(), r.code(), String.join(" ", usage) + ": " + r.err());
            assertEquals(List.of("see fcn-db diff --help"), r.err().lines().skip(1).toList(), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void theHelpShowsTheAuthoringOptions() {
        String help = run("new", "--help").out();
        for (String option : List.of("--autogenerate", "--rename=T.OLD=NEW", "--dry-run")) {
            assertTrue(help.contains(option), option + " in: " + help);
        }
        String diff = run("diff", "--help").out();
        assertTrue(diff.contains("--sql") && diff.contains("--drop-extra"), diff);
    }
}
