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
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.format.Json;
import io.fcn.persistence.internal.scripts.EmbeddedTranslation;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.migration.MigrationOperations;
import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.schema.model.TableModel;
import tools.jackson.databind.JsonNode;

/** The authoring and adoption commands (lint, diff, schema, check --version, new's folders, Alembic databases). */
class FcnDbCommandsTest {

    private static final String GUIDE = "docs/adopting-an-alembic-database.md";

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

    private Run embedded(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--embedded");
        all.add(dir.resolve("local").toString());
        return run(all.toArray(String[]::new));
    }

    /** Bad usage: exit 2, the reason and the pointer to the help, nothing on stdout. */
    private void assertUsage(Run r, String command, String reason) {
        assertEquals(ExitCode.USAGE.code(), r.code(), r.err());
        assertEquals(List.of("fcn-db: " + reason, "see fcn-db " + command + " --help"), r.err().lines().toList());
        assertEquals("", r.out());
    }

    /** A problem: exit 1, one line on stderr (after the database line, when the command connected). */
    private void assertProblem(Run r, String contains) {
        assertEquals(ExitCode.FAILURE.code(), r.code(), r.out() + r.err());
        List<String> errors = r.err().lines().filter(l -> !l.startsWith("database: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("fcn-db: error: ") && errors.get(0).contains(contains), r.err());
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = FcnDbCommandsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void migrateTakesALockTimeoutAndSqlSaysWhichFormTheMarkersTake() {
        assertUsage(embedded("migrate", "--lock-timeout", "soon"), "migrate",
                "Invalid value for option '--lock-timeout': must be a duration such as 10s, 500ms or 2m (0 or more, "
                        + "at most 2147483647 ms), got soon");
        assertTrue(run("migrate", "--help").out().contains("--lock-timeout"), "documented in the help");
        LockTimeout parse = new LockTimeout();
        assertEquals(java.time.Duration.ofSeconds(10), parse.convert("10s"));
        assertEquals(java.time.Duration.ofSeconds(5), parse.convert("5"));
        assertEquals(java.time.Duration.ofMinutes(2), parse.convert("2m"));
        assertEquals(java.time.Duration.ZERO, parse.convert("0ms"));
        Run sql = embedded("sql");
        assertEquals(0, sql.code(), sql.err());
        assertTrue(sql.err().contains("-- H2 (embedded): -- fcn:online runs as written (offline), -- fcn:nocheck "
                + "runs as written (validated at once)"), sql.err());
        Run migrate = embedded("migrate", "--lock-timeout", "500ms");
        assertEquals(0, migrate.code(), migrate.err());
        assertTrue(migrate.out().contains("20261124.0003"), migrate.out());
    }

    @Test
    void theNewCommandsAreInTheHelpEachWithItsOwn() {
        Run help = run("--help");
        for (String command : List.of("lint", "diff", "schema")) {
            assertTrue(help.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), command + help.out());
            Run own = run(command, "--help");
            assertEquals(0, own.code());
            assertTrue(own.out().startsWith("Usage: fcn-db " + command + " "), own.out());
            assertTrue(own.out().contains("Global options (before or after the command):"), own.out());
        }
        assertTrue(run("diff", "--help").out().contains("--exit-code"));
        assertTrue(run("check", "--help").out().contains("--version=V"));
        assertTrue(run("new", "--help").out().replaceAll("\\s+", " ").contains("any other D needs --rollback-dir"),
                run("new", "--help").out());
    }

    // ---- lint ----

    @Test
    void lintOverTheJarPassesAndShowsEachFindingWithItsRuleAndFix() {
        Run text = run("lint");
        assertEquals(0, text.code(), text.err());
        assertEquals("", text.err());
        List<String> lines = text.out().lines().toList();
        int at = lines.indexOf("V20261124_0003__list_indexes.sql:9: FCN131 warning");
        assertTrue(at >= 0, text.out());
        assertEquals("    CREATE INDEX ix_fcn_trade_status_id ON dbo.fcn_trade (status, id);", lines.get(at + 1));
        assertTrue(lines.get(at + 2).startsWith("  rule: CREATE INDEX ix_fcn_trade_status_id on existing table"),
                lines.get(at + 2));
        assertTrue(lines.get(at + 3).startsWith("  fix:  Mark the statement -- fcn:online"), lines.get(at + 3));
        assertTrue(lines.contains("V20251101_0002__integrity_and_concurrency.sql:80: FCN102 error (allowed)"),
                text.out());
        assertTrue(lines.get(lines.size() - 1).matches("Lint passed: \\d+ errors \\(\\d+ allowed\\), \\d+ warnings"),
                lines.get(lines.size() - 1));

        Run json = run("lint", "--json");
        assertEquals(0, json.code());
        JsonNode o = Json.read(json.out());
        assertEquals("lint", o.get("command").asString());
        assertTrue(o.get("passed").asBoolean());
        long shown = text.out().lines().filter(l -> l.matches("\\S+\\.sql:\\d+: FCN\\d+ .*")).count();
        assertEquals(shown, o.get("findings").size());
        for (JsonNode f : o.get("findings")) {
            for (String field : List.of("code", "severity", "file", "line", "statement", "rule", "fix", "allowed")) {
                assertTrue(f.has(field), field + " in " + f);
            }
            assertEquals(List.of("code", "severity", "file", "line", "statement", "rule", "fix", "allowed"),
                    f.propertyNames().stream().toList(), "exactly these fields, in this order: " + f);
        }
        assertEquals(List.of("command", "passed", "findings"), o.propertyNames().stream().toList());
        assertEquals(Json.read(io.fcn.persistence.lint.MigrationLint.classpath().run().toJson()).get("findings"),
                o.get("findings"), "LintReport.toJson()'s findings");
    }

    @Test
    void lintFailsOnAnErrorOfTheDirectoryThatIsNotAllowedAndPassesOnceAllowed() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("project/db/migration"));
        Path rollbacks = Files.createDirectories(dir.resolve("project/db/rollback"));
        Path v = migrations.resolve("V20261125_0004__drop_issuer.sql");
        Files.writeString(v, "ALTER TABLE dbo.fcn_template DROP COLUMN issuer;\n");
        // A rollback that reverses it (lint checks that): issuer was NOT NULL, without a default.
        Files.writeString(rollbacks.resolve("U20261125_0004__drop_issuer.sql"),
                "ALTER TABLE dbo.fcn_template ADD issuer VARCHAR(100) NOT NULL\n"
                        + "    CONSTRAINT df_fcn_template_issuer DEFAULT '';\n"
                        + "ALTER TABLE dbo.fcn_template DROP CONSTRAINT df_fcn_template_issuer;\n");

        Run failed = run("lint", "--dir", migrations.toString());
        assertEquals(ExitCode.FAILURE.code(), failed.code(), failed.out());
        assertTrue(failed.out().contains("V20261125_0004__drop_issuer.sql:1: FCN102 error\n"
                + "    ALTER TABLE dbo.fcn_template DROP COLUMN issuer;\n"), failed.out());
        assertTrue(failed.out().lines().reduce((a, b) -> b).orElseThrow().startsWith("Lint failed: "), failed.out());
        JsonNode json = Json.read(run("lint", "--dir", migrations.toString(), "--json").out());
        assertFalse(json.get("passed").asBoolean());

        Files.writeString(v, "-- fcn:allow FCN102 the column was unused since release 3\n"
                + "ALTER TABLE dbo.fcn_template DROP COLUMN issuer;\n");
        Run allowed = run("lint", "--dir", migrations.toString());
        assertEquals(0, allowed.code(), allowed.out());
        assertTrue(allowed.out().contains("V20261125_0004__drop_issuer.sql:2: FCN102 error (allowed)"),
                allowed.out());
    }

    @Test
    void lintRefusesFoldersThatDoNotExistOrHaveNoRollbackFolder() throws Exception {
        assertUsage(run("lint", "--dir", dir.resolve("absent").toString()), "lint",
                "--dir " + dir.resolve("absent") + ": no such directory");
        Path scratch = Files.createDirectories(dir.resolve("scratch/x"));
        Run r = run("lint", "--dir", scratch.toString());
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().startsWith("fcn-db: --dir " + scratch + " is not a folder named migration: give "
                + "--rollback-dir R"), r.err());
        assertUsage(run("lint", "--rollback-dir", scratch.toString()), "lint", "--rollback-dir goes with --dir");
        assertUsage(run("lint", "extra"), "lint", "Unmatched argument at index 1: 'extra'");
    }

    // ---- diff ----

    /** The indexes V20261124_0003 creates, read from the file itself: table.index. */
    private static Set<String> indexesOfV3() throws Exception {
        Matcher m = Pattern.compile("(?m)^CREATE INDEX (\\w+) ON dbo\\.(\\w+) ")
                .matcher(Files.readString(Path.of("db/migration/V20261124_0003__list_indexes.sql")));
        Set<String> indexes = new TreeSet<>();
        while (m.find()) {
            indexes.add(m.group(2) + "." + m.group(1));
        }
        assertEquals(5, indexes.size(), "the migration's indexes");
        return indexes;
    }

    @Test
    void diffBetweenTwoVersionsShowsExactlyWhatTheLaterMigrationAdds() throws Exception {
        Set<String> indexes = indexesOfV3();
        String[] sides = {"diff", "--from", "20251101.0002", "--to", "20261124.0003"};

        Run text = run(sides);
        assertEquals(0, text.code(), text.err());
        assertEquals("", text.err(), "no database is opened for two versions");
        List<String> lines = text.out().lines().toList();
        assertEquals("Schema diff: 5 added, 0 removed, 0 changed (from: migrations up to 20251101.0002; to: "
                + "migrations up to 20261124.0003)", lines.get(0));
        assertTrue(lines.get(1).startsWith("CHANGE  OBJECT  PATH"), lines.get(1));
        Set<String> shown = new TreeSet<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] cells = line.split("\\s{2,}");
            assertEquals(List.of("ADDED", "INDEX", "-", "(absent)"), List.of(cells[0], cells[1], cells[3], cells[4]),
                    line);
            shown.add(cells[2]);
        }
        assertEquals(indexes, shown);

        Run markdown = run(Stream.concat(Stream.of(sides), Stream.of("--format", "markdown")).toArray(String[]::new));
        assertEquals(0, markdown.code());
        assertTrue(markdown.out().startsWith("### Schema diff: migrations up to 20251101.0002 → migrations up to "
                + "20261124.0003\n"), markdown.out());
        Set<String> marked = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ➕ added \\| index \\| `([\\w.]+)` \\|").matcher(markdown.out());
        while (row.find()) {
            marked.add(row.group(1));
        }
        assertEquals(indexes, marked);
        assertEquals(5, markdown.out().lines().filter(l -> l.startsWith("| ➕") || l.startsWith("| ➖")
                || l.startsWith("| ✏")).count(), markdown.out());

        Run json = run(Stream.concat(Stream.of(sides), Stream.of("--json")).toArray(String[]::new));
        assertEquals(0, json.code());
        JsonNode o = Json.read(json.out());
        assertTrue(json.out().startsWith("{\"command\":\"diff\","), json.out());
        assertTrue(o.get("different").asBoolean());
        assertEquals(5, o.get("added").asInt());
        assertEquals(0, o.get("removed").asInt() + o.get("changed").asInt());
        Set<String> paths = new TreeSet<>();
        for (JsonNode c : o.get("changes")) {
            assertEquals("ADDED", c.get("kind").asString());
            assertEquals("INDEX", c.get("object").asString());
            paths.add(c.get("path").asString());
        }
        assertEquals(indexes, paths);
        assertEquals(0, o.get("notComparable").size());
    }

    @Test
    void diffExitsZeroEitherWayUnlessAskedToSignalADifference() {
        assertEquals(0, run("diff", "--from", "20251022.0001", "--to", "latest").code());
        assertEquals(ExitCode.FAILURE.code(),
                run("diff", "--from", "20251022.0001", "--to", "latest", "--exit-code").code());
        Run same = run("diff", "--from", "latest", "--to", "20261124.0003", "--exit-code");
        assertEquals(0, same.code(), same.out());
        assertEquals("No differences (from: migrations up to 20261124.0003; to: migrations up to 20261124.0003)\n",
                same.out());
        Run removed = run("diff", "--from", "latest", "--to", "20251101.0002");
        assertTrue(removed.out().startsWith("Schema diff: 0 added, 5 removed, 0 changed"), removed.out());
    }

    @Test
    void diffAgainstTheDatabaseOfTheCommandAndAUrlWithItsCredentials() throws Exception {
        assertEquals(0, embedded("migrate", "--target", "20251101.0002").code());
        // No --from: the from side is the database of the command (here the embedded file).
        Run live = embedded("diff", "--to", "latest", "--json");
        assertEquals(0, live.code(), live.err());
        JsonNode o = Json.read(live.out());
        assertTrue(o.get("from").asString().startsWith("embedded H2 (file "), live.out());
        assertEquals(5, o.get("added").asInt(), live.out());
        assertEquals(0, o.get("removed").asInt() + o.get("changed").asInt(), live.out());
        List<String> notComparable = new ArrayList<>();
        o.get("notComparable").forEach(c -> notComparable.add(c.get("key").asString() + " "
                + c.get("path").asString()));
        // What H2 cannot show; CHECK predicates are compared however H2 words them, and are the same.
        assertTrue(notComparable.contains("column.national fcn_template.name"), notComparable.toString());
        assertTrue(notComparable.stream().noneMatch(k -> k.startsWith("check.")), notComparable.toString());
        Run clean = embedded("diff", "--from", "20251101.0002", "--exit-code");
        assertEquals(0, clean.code(), clean.out());
        assertTrue(clean.out().startsWith("No differences (from: migrations up to 20251101.0002; to: embedded H2"),
                clean.out());
        assertTrue(clean.err().startsWith("database: embedded H2"), clean.err());

        String url = "jdbc:h2:file:" + dir.resolve("secured").toAbsolutePath();
        Path password = Files.writeString(dir.resolve("pw.txt"), "S3cret-Pa55\n");
        assertEquals(0, run("migrate", "--url", url, "--user", "fcn", "--password-file", password.toString()).code());
        Run both = run("diff", "--from-url", url, "--to-url", url + ";IFEXISTS=TRUE", "--user", "fcn",
                "--password-file", password.toString(), "--exit-code");
        assertEquals(0, both.code(), both.out() + both.err());
        assertTrue(both.out().startsWith("No differences (from: H2 " + url), both.out());
        Run wrong = run("diff", "--from-url", url, "--to", "latest", "--user", "fcn", "--password-file",
                Files.writeString(dir.resolve("bad.txt"), "Wr0ng-Pa55\n").toString());
        assertProblem(wrong, "cannot connect to H2 " + url);
        assertFalse((wrong.out() + wrong.err()).contains("Wr0ng-Pa55"));
    }

    @Test
    void aCheckWhosePredicateChangedUnderTheSameNameIsChangedInDiff() throws Exception {
        assertEquals(0, embedded("migrate").code());
        try (EmbeddedDatabase db = EmbeddedDatabase.file(dir.resolve("local"));
                Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : EmbeddedTranslation.toH2("ALTER TABLE dbo.fcn_trade DROP CONSTRAINT"
                    + " ck_fcn_trade_notional_positive;\nALTER TABLE dbo.fcn_trade ADD CONSTRAINT"
                    + " ck_fcn_trade_notional_positive CHECK (notional >= 100);").split(";\n\n")) {
                s.execute(sql.strip().replaceAll(";$", ""));
            }
        }
        Run text = embedded("diff", "--from", "latest", "--exit-code");
        assertEquals(ExitCode.FAILURE.code(), text.code(), text.out());
        assertTrue(text.out().startsWith("Schema diff: 0 added, 0 removed, 1 changed"), text.out());
        assertTrue(text.out().contains("fcn_trade.ck_fcn_trade_notional_positive"), text.out());
        JsonNode o = Json.read(embedded("diff", "--from", "latest", "--json").out());
        assertEquals(1, o.get("changed").asInt(), o.toString());
        JsonNode change = o.get("changes").get(0);
        assertEquals("fcn_trade.ck_fcn_trade_notional_positive", change.get("path").asString(), o.toString());
        assertEquals("notional > 0", change.get("from").asString(), o.toString());
        String markdown = embedded("diff", "--from", "latest", "--format", "markdown").out();
        assertTrue(markdown.contains("ck_fcn_trade_notional_positive"), markdown);
        assertEquals(ExitCode.DRIFT.code(), embedded("check").code());
    }

    @Test
    void diffProblemsAreOneLineAndBadUsageTwo() {
        assertProblem(run("diff", "--from", "20990101.0001", "--to", "latest"), "No migration version 20990101.0001");
        assertProblem(run("diff", "--from-url", "jdbc:h2:tcp://127.0.0.1:1/nothing", "--to", "latest"),
                "cannot connect to H2 jdbc:h2:tcp://127.0.0.1:1/nothing");
        assertUsage(run("diff"), "diff", "diff needs --from or --to (a side not given is the database of the "
                + "command)");
        assertUsage(run("diff", "--from", "latest", "--from-url", "jdbc:h2:mem:x", "--to", "latest"), "diff",
                "diff takes one of --from and --from-url");
        assertUsage(run("diff", "--to", "latest", "--to-url", "jdbc:h2:mem:x"), "diff",
                "diff takes one of --to and --to-url");
        assertUsage(run("diff", "--from", "latest", "--to", "latest", "--format", "html"), "diff",
                "--format must be text or markdown, got html");
        assertUsage(run("diff", "--from", "latest", "--to", "latest", "--format", "markdown", "--json"), "diff",
                "--json and --format markdown exclude each other");
        assertUsage(run("diff", "--from", "latest", "--to", "latest", "--url", "jdbc:h2:mem:x"), "diff",
                "--url names the side not given, and diff got both (use --from-url or --to-url)");
    }

    @Test
    void diffAndSchemaReadTheVersionsOfTheDirectory() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("project/db/migration"));
        Files.writeString(migrations.resolve("V20261125_0004__add_note.sql"),
                "ALTER TABLE dbo.fcn_trade ADD note NVARCHAR(200) NULL;\n");
        Run diff = run("diff", "--from", "20261124.0003", "--to", "latest", "--dir", migrations.toString(), "--json");
        assertEquals(0, diff.code(), diff.err());
        JsonNode o = Json.read(diff.out());
        assertEquals(1, o.get("changes").size(), diff.out());
        assertEquals("fcn_trade.note", o.get("changes").get(0).get("path").asString());
        assertEquals("ADDED", o.get("changes").get(0).get("kind").asString());
        Run schema = run("schema", "--format", "markdown", "--dir", migrations.toString());
        assertTrue(schema.out().contains("| `note` | `NVARCHAR(200)` | NULL |"), schema.out());
        assertFalse(run("schema", "--format", "markdown").out().contains("`note`"));
    }

    // ---- schema ----

    @Test
    void schemaDrawsTheExpectedSchemaOfAVersion() {
        Run mermaid = run("schema", "--format", "mermaid");
        assertEquals(0, mermaid.code(), mermaid.err());
        assertTrue(mermaid.out().startsWith("erDiagram\n"), mermaid.out());
        for (TableModel t : ExpectedSchemas.latest().tables()) {
            assertTrue(mermaid.out().contains("\n    " + t.name() + " {\n"), t.name());
        }
        assertTrue(mermaid.out().contains("fcn_template ||--o{ fcn_trade : \"fk_fcn_trade_template\""),
                mermaid.out());
        // The foreign keys come with 20251101.0002.
        Run first = run("schema", "--version", "20251022.0001", "--format", "mermaid");
        assertEquals(0, first.code());
        assertFalse(first.out().contains("fk_fcn_trade_template"), first.out());

        Run markdown = run("schema", "--format", "markdown");
        assertTrue(markdown.out().startsWith("### `fcn_idempotency_key`\n\n| Column | Type | Null | Default | Keys |"),
                markdown.out());
        assertTrue(markdown.out().contains("- Index `ix_fcn_trade_status_id` "), markdown.out());
        assertFalse(run("schema", "--version", "20251101.0002", "--format", "markdown").out()
                .contains("ix_fcn_trade_status_id"));
        Run json = run("schema", "--format", "mermaid", "--json");
        JsonNode o = Json.read(json.out());
        assertEquals("20261124.0003", o.get("version").asString());
        assertEquals(mermaid.out(), o.get("text").asString());

        assertUsage(run("schema"), "schema", "Missing required option: '--format=mermaid|markdown'");
        assertUsage(run("schema", "--format", "png"), "schema", "--format must be mermaid or markdown, got png");
        assertProblem(run("schema", "--version", "1.1", "--format", "mermaid"), "No migration version 1.1");
    }

    // ---- new: where the rollback goes ----

    @Test
    void newWritesTheRollbackBesideOnlyAFolderNamedMigrationAndNothingElseUnasked() throws Exception {
        Path scratch = dir.resolve("scratch/x");
        Run refused = run("new", "add note", "--dir", scratch.toString());
        assertEquals(ExitCode.USAGE.code(), refused.code());
        assertEquals(List.of("fcn-db: --dir " + scratch + " is not a folder named migration: give --rollback-dir R "
                + "(the default, D's sibling rollback, is only for a D named migration)", "see fcn-db new --help"),
                refused.err().lines().toList());
        assertFalse(Files.exists(dir.resolve("scratch")), "nothing written");

        Path rollbacks = dir.resolve("scratch/x-rollback");
        Run created = run("new", "add note", "--dir", scratch.toString(), "--rollback-dir", rollbacks.toString());
        assertEquals(0, created.code(), created.err());
        assertTrue(Files.exists(scratch.resolve("V20261125_0004__add_note.sql")));
        assertTrue(Files.exists(rollbacks.resolve("U20261125_0004__add_note.sql")));
        try (Stream<Path> files = Files.list(dir.resolve("scratch"))) {
            assertEquals(Set.of("x", "x-rollback"), files.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()));
        }
        // The same rule for every command that reads --dir, before it connects.
        Run info = embedded("info", "--dir", scratch.toString());
        assertEquals(ExitCode.USAGE.code(), info.code());
        assertEquals(2, info.err().lines().count(), info.err());
        assertFalse(Files.exists(dir.resolve("local.mv.db")), "nothing connected");
    }

    // ---- check --version ----

    @Test
    void checkAgainstAGivenVersionReportsDriftFromThatVersionAlone() throws Exception {
        assertEquals(0, embedded("migrate").code());
        Run latest = embedded("check", "--version", "20261124.0003");
        assertEquals(0, latest.code(), latest.out());
        assertEquals("No schema drift against 20261124.0003\n", latest.out());
        // Against the version before: V20261124_0003's indexes are unexpected there (warnings, exit 0).
        Run older = embedded("check", "--version", "20251101.0002");
        assertEquals(0, older.code(), older.out());
        assertTrue(older.out().startsWith("Schema drift: 0 errors, 5 warnings (expected: migrations up to "
                + "20251101.0002"), older.out());
        assertTrue(older.out().contains("ix_fcn_trade_status_id"), older.out());

        try (EmbeddedDatabase db = EmbeddedDatabase.file(dir.resolve("local"));
                Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE dbo.fcn_trade DROP CONSTRAINT ck_fcn_trade_currency");
        }
        Run drifted = embedded("check", "--version", "20251101.0002");
        assertEquals(ExitCode.DRIFT.code(), drifted.code(), drifted.out());
        assertTrue(drifted.out().contains("ck_fcn_trade_currency"), drifted.out());
        JsonNode o = Json.read(embedded("check", "--version", "20251101.0002", "--json").out());
        assertEquals("DRIFT", o.get("result").asString());
        assertEquals("20251101.0002", o.get("version").asString());
        assertTrue(o.get("drift").has("findings"), o.toString());
        assertProblem(embedded("check", "--version", "20990101.0001"), "No migration version 20990101.0001");
    }

    // ---- an Alembic-built database ----

    /** The service's original schema as its Alembic revision built it (OriginalSchemaAdoptionTest's fixture). */
    private void buildAlembicDatabase() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.file(dir.resolve("local"))) {
            FcnMigrations.configure(db.dataSource()); // schema dbo and SQL Server's functions on H2
            String h2 = EmbeddedTranslation.toH2(resource("/fixtures/alembic_20251022_0001.sql"));
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String statement : h2.split(";\\s*\\n")) {
                    String sql = statement.lines().filter(l -> !l.strip().startsWith("--"))
                            .reduce("", (a, b) -> a + b + "\n").strip();
                    if (!sql.isEmpty()) {
                        s.execute(sql);
                    }
                }
            }
        }
    }

    private boolean hasLibraryHistory() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.file(dir.resolve("local"))) {
            return MigrationOperations.on(db.dataSource()).alembic().isEmpty();
        }
    }

    @Test
    void anAlembicBuiltDatabaseIsNamedAndOnlyTheAdoptionStepsWorkOnIt() throws Exception {
        buildAlembicDatabase();

        Run info = embedded("info");
        assertEquals(0, info.code(), info.err());
        assertEquals("An Alembic-built database (alembic_version 20251022_0001) without the library's history "
                + "(fcn_persistence_schema_history): migrate and undo refuse until it is adopted (check --version V, "
                + "reconcile, baseline --version V); see " + GUIDE, info.out().lines().findFirst().orElseThrow());
        JsonNode json = Json.read(embedded("info", "--json").out());
        assertEquals("20251022_0001", json.get("alembic").get("revisions").get(0).asString());
        assertEquals(GUIDE, json.get("alembic").get("guide").asString());

        for (String[] refused : List.of(new String[] {"migrate"}, new String[] {"undo", "--steps", "1"},
                new String[] {"sql"})) {
            Run r = embedded(refused);
            assertProblem(r, "Refusing to " + (refused[0].equals("undo") ? "undo" : "migrate")
                    + ": this is an Alembic-built database");
            assertTrue(r.err().contains("see " + GUIDE), r.err());
            assertEquals("", r.out());
        }
        assertFalse(hasLibraryHistory(), "nothing written: still Alembic's alone");

        Run check = embedded("check");
        assertEquals(ExitCode.PENDING.code(), check.code());
        assertTrue(check.out().startsWith("An Alembic-built database"), check.out());

        // The adoption steps: check --version, diff, baseline.
        Run drift = embedded("check", "--version", "20251022.0001");
        assertEquals(ExitCode.DRIFT.code(), drift.code(), drift.out() + drift.err());
        assertTrue(drift.out().contains("fcn_trade.currency"), drift.out());
        assertFalse(drift.out().contains("migration history"), "structure only: " + drift.out());
        Run diff = embedded("diff", "--from", "20251022.0001", "--json");
        assertEquals(0, diff.code(), diff.err());
        JsonNode d = Json.read(diff.out());
        assertTrue(d.get("to").asString().startsWith("embedded H2"), diff.out());
        List<String> changed = new ArrayList<>();
        d.get("changes").forEach(c -> changed.add(c.get("kind").asString() + " " + c.get("path").asString()));
        assertTrue(changed.contains("CHANGED fcn_trade.currency"), changed.toString());
        assertTrue(changed.contains("REMOVED fcn_trade.uq_fcn_trade_trade_id"), changed.toString());
        assertTrue(changed.contains("ADDED fcn_trade.ix_fcn_trade_trade_id"), changed.toString());

        Run baseline = embedded("baseline", "--version", "20251022.0001");
        assertEquals(0, baseline.code(), baseline.err());
        assertTrue(hasLibraryHistory());
        Run adopted = embedded("info");
        assertTrue(adopted.out().startsWith("Current version: 20251022.0001\n"), adopted.out());
    }
}
