package io.fcn.persistence.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.database.DatabaseUrl;
import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.engine.SqlServerUrl;
import io.fcn.persistence.internal.database.UrlDatabase;
import io.fcn.persistence.migration.MigrationEntry;
import io.fcn.persistence.migration.MigrationOperations;
import io.fcn.persistence.migration.MigrationStatus;
import io.fcn.persistence.migration.NewMigration;
import io.fcn.persistence.migration.ScriptStatements;
import io.fcn.persistence.migration.StepResult;
import io.fcn.persistence.migration.UndoTarget;

/**
 * {@code fcn-db}: the library's migration operations from one command (a thin shell over
 * {@link MigrationOperations}). {@link #run} does the work and returns the {@link ExitCode}; {@link #main} only exits
 * with it. Errors are one line on stderr, never a stack trace, and never show a password.
 */
public final class FcnDb {

    /** The variable that names the database, as in the Python service; {@code --url} takes precedence. */
    public static final String DATABASE_URL = "DATABASE_URL";
    /** Where the embedded database lives when no URL is given (H2 adds {@code .mv.db}). */
    public static final Path DEFAULT_EMBEDDED = Path.of(".fcn", "fcn-db-local");
    static final int DEFAULT_PURGE_BATCH = 1000;

    static final String USAGE = """
            usage: fcn-db <command> [options]

            commands:
              info                          current version, then every migration (state, date, checksum, time, rollback)
              migrate [--target V]          apply pending migrations (up to and including V)
              undo (--steps N | --target V | --to-base)
                                            run rollback scripts, latest first (--target V keeps V applied)
              sql [--target V]              print the statements migrate would run, without running them
              sql --undo (--steps N | --target V | --to-base)
                                            print the statements undo would run
              check                         exit 3 when migrations are pending, 4 on schema drift, else 0
              validate                      applied migrations still match their scripts (checksums, names)
              repair                        remove failed history entries, realign checksums
              baseline --version V          adopt an existing database at version V
              new "<description>" [--dir D] [--rollback-dir R]
                                            create V<yyyymmdd>_<nnnn>__<slug>.sql in D (default db/migration)
                                            and its rollback U… in R (default: D's sibling rollback)
              purge-idempotency [--batch N] delete expired idempotency keys, N per statement (default 1000)

            connection (default: an embedded database file, .fcn/fcn-db-local.mv.db):
              --url URL                     jdbc:sqlserver://host:1433;databaseName=fcn;encrypt=true, jdbc:h2:…,
                                            or mssql+pyodbc://user:pass@host:1433/fcn?driver=…&TrustServerCertificate=yes
              --user USER  --password-file FILE
              DATABASE_URL=URL              used when --url is not given
              --embedded PATH               the embedded database file when no URL is given
            other options:
              --dir D [--rollback-dir R]    also use the migrations in D and rollbacks in R (a project's db/migration)
              --json                        one JSON object on stdout instead of text

            exit codes: 0 ok, 1 failure or refusal, 2 bad usage, 3 pending migrations (check), 4 schema drift (check)
            """;

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(?:password|pwd)\\s*=\\s*([^;]*)");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private final Set<String> secrets = new LinkedHashSet<>();
    private boolean json;

    private FcnDb(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
    }

    /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
    private static final List<java.util.logging.Logger> QUIET = new ArrayList<>();

    public static void main(String[] args) {
        // Flyway logs every step at INFO through java.util.logging; the command prints its own summary.
        quiet("org.flywaydb", java.util.logging.Level.WARNING);
        quiet("org.flywaydb.core.internal.database.base.Database", java.util.logging.Level.SEVERE);
        quiet("org.jooq", java.util.logging.Level.WARNING);
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    private static void quiet(String logger, java.util.logging.Level level) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(logger);
        l.setLevel(level);
        QUIET.add(l);
    }

    /** Runs one command; returns the process exit code (see {@link ExitCode}). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, Clock.systemUTC());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        return new FcnDb(out, err, env, clock).execute(args).code();
    }

    private ExitCode execute(String[] args) {
        try {
            Arguments a = Arguments.parse(args);
            json = a.flag("json");
            if (a.command() == null || a.command().equals("help")) {
                if (a.command() == null && !a.flag("help")) {
                    throw new UsageException("no command given");
                }
                out.print(USAGE);
                return ExitCode.OK;
            }
            if (a.flag("help")) {
                out.print(USAGE);
                return ExitCode.OK;
            }
            return command(a);
        } catch (UsageException e) {
            err.println("fcn-db: " + scrub(e.getMessage()));
            err.print(USAGE);
            return ExitCode.USAGE;
        } catch (Exception | LinkageError e) {
            err.println("fcn-db: error: " + scrub(message(e)));
            return ExitCode.FAILURE;
        }
    }

    private ExitCode command(Arguments a) {
        String c = a.command();
        Set<String> project = Set.of("dir", "rollback-dir");
        switch (c) {
            case "new" -> {
                a.allowOnly(project, 1);
                return newMigration(a);
            }
            case "info", "check", "validate", "repair" -> a.allowOnly(project, 0);
            case "migrate" -> a.allowOnly(Set.of("dir", "rollback-dir", "target"), 0);
            case "undo" -> a.allowOnly(Set.of("dir", "rollback-dir", "target", "steps", "to-base"), 0);
            case "sql" -> a.allowOnly(Set.of("dir", "rollback-dir", "target", "steps", "to-base", "undo"), 0);
            case "baseline" -> a.allowOnly(Set.of("version"), 0);
            case "purge-idempotency" -> a.allowOnly(Set.of("batch"), 0);
            default -> throw new UsageException("unknown command " + c);
        }
        UndoTarget undoTarget = c.equals("undo") || (c.equals("sql") && a.flag("undo")) ? undoTarget(a) : null;
        if (c.equals("sql") && !a.flag("undo") && (a.flag("to-base") || a.option("steps").isPresent())) {
            throw new UsageException("sql takes --steps and --to-base only with --undo");
        }
        String baselineVersion = c.equals("baseline")
                ? a.option("version").orElseThrow(() -> new UsageException("baseline needs --version V"))
                : null;
        int batch = a.positiveInt("batch").orElse(DEFAULT_PURGE_BATCH);
        try (Database db = open(a)) {
            MigrationOperations ops = MigrationOperations.on(db.dataSource());
            if (a.option("dir").isPresent()) {
                Path dir = Path.of(a.option("dir").get());
                ops = ops.withProjectDirectories(dir, rollbackDir(a, dir));
            }
            return switch (c) {
                case "info" -> info(db, ops);
                case "migrate" -> migrate(ops, a.option("target").orElse(null));
                case "undo" -> undo(ops, undoTarget);
                case "sql" -> sql(db, ops, undoTarget, a.option("target").orElse(null));
                case "check" -> check(ops);
                case "validate" -> validate(ops);
                case "repair" -> repair(ops);
                case "baseline" -> baseline(ops, baselineVersion);
                default -> purge(ops, batch);
            };
        }
    }

    private static UndoTarget undoTarget(Arguments a) {
        List<UndoTarget> given = new ArrayList<>();
        a.positiveInt("steps").ifPresent(n -> given.add(UndoTarget.steps(n)));
        a.option("target").ifPresent(v -> given.add(version(v)));
        if (a.flag("to-base")) {
            given.add(UndoTarget.toBase());
        }
        if (given.size() != 1) {
            throw new UsageException("undo needs exactly one of --steps N, --target V, --to-base");
        }
        return given.get(0);
    }

    private static UndoTarget version(String v) {
        try {
            return UndoTarget.toVersion(v);
        } catch (RuntimeException e) {
            throw new UsageException("not a version: " + v);
        }
    }

    private static Path rollbackDir(Arguments a, Path dir) {
        return a.option("rollback-dir").map(Path::of).orElseGet(() -> dir.toAbsolutePath().resolveSibling("rollback"));
    }

    // ---- connection ----

    private Database open(Arguments a) {
        String password = a.option("password-file").map(this::readPassword).orElse(null);
        String url = a.option("url").orElse(env.get(DATABASE_URL));
        Database db;
        if (url == null || url.isBlank()) {
            if (a.option("user").isPresent() || password != null) {
                throw new UsageException("--user and --password-file need --url or DATABASE_URL");
            }
            db = EmbeddedDatabase.file(Path.of(a.option("embedded").orElse(DEFAULT_EMBEDDED.toString())));
        } else {
            if (a.option("embedded").isPresent()) {
                throw new UsageException("--embedded is for the default database, not with a URL");
            }
            Matcher m = URL_PASSWORD.matcher(url);
            while (m.find()) {
                secrets.add(m.group(1));
            }
            DatabaseUrl parsed;
            try {
                parsed = DatabaseUrl.parse(url, a.option("user").orElse(null), password);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            secrets.add(parsed.password());
            UrlDatabase opened = UrlDatabase.open(parsed);
            opened.warnings().forEach(w -> err.println("fcn-db: warning: " + scrub(w)));
            db = opened;
        }
        if (!json) {
            err.println("database: " + db.description());
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            db.close();
            throw new IllegalStateException("cannot connect to " + db.description() + ": " + e.getMessage(), e);
        }
        return db;
    }

    private String readPassword(String file) {
        try {
            String password = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            secrets.add(password);
            return password;
        } catch (NoSuchFileException e) {
            throw new UsageException("--password-file " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read --password-file " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- commands ----

    private ExitCode info(Database db, MigrationOperations ops) {
        MigrationStatus status = ops.info();
        if (json) {
            List<Object> rows = new ArrayList<>();
            for (MigrationEntry m : status.migrations()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("version", m.version());
                row.put("description", m.description());
                row.put("type", m.type());
                row.put("state", m.state());
                row.put("installedOn", m.installedOn() == null ? null : m.installedOn().toString());
                row.put("checksum", m.checksum());
                row.put("executionMillis", m.executionMillis());
                row.put("rollback", m.rollback());
                rows.add(row);
            }
            Map<String, Object> o = object("info");
            o.put("database", db.description());
            o.put("currentVersion", status.currentVersion());
            o.put("migrations", rows);
            out.println(Json.write(o));
            return ExitCode.OK;
        }
        out.println("Current version: " + (status.currentVersion() == null ? "(none)" : status.currentVersion()));
        TextTable table = new TextTable("VERSION", "DESCRIPTION", "TYPE", "STATE", "INSTALLED ON", "CHECKSUM",
                "TIME", "ROLLBACK");
        for (MigrationEntry m : status.migrations()) {
            table.row(dash(m.version()), m.description(), m.type(), m.state(),
                    m.installedOn() == null ? "-" : m.installedOn().toString(), dash(m.checksum()),
                    m.executionMillis() == null ? "-" : m.executionMillis() + " ms", m.rollback());
        }
        out.print(table.render());
        return ExitCode.OK;
    }

    private ExitCode migrate(MigrationOperations ops, String target) {
        long start = System.nanoTime();
        List<StepResult> steps = ops.migrate(target);
        return steps("migrate", "Applied", "applied", steps, ops, start);
    }

    private ExitCode undo(MigrationOperations ops, UndoTarget target) {
        long start = System.nanoTime();
        List<StepResult> steps = ops.undo(target);
        return steps("undo", "Undid", "undone", steps, ops, start);
    }

    private ExitCode steps(String command, String verb, String done, List<StepResult> steps,
            MigrationOperations ops, long start) {
        String current = ops.info().currentVersion();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (json) {
            List<Object> rows = new ArrayList<>();
            for (StepResult s : steps) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("direction", s.direction().name());
                row.put("version", s.version());
                row.put("description", s.description());
                row.put("millis", s.millis());
                rows.add(row);
            }
            Map<String, Object> o = object(command);
            o.put("steps", rows);
            o.put("currentVersion", current);
            o.put("millis", millis);
            out.println(Json.write(o));
            return ExitCode.OK;
        }
        for (StepResult s : steps) {
            out.println(verb + " " + s.version() + " " + s.description() + " (" + s.millis() + " ms)");
        }
        String at = current == null ? "no version (empty history)" : current;
        out.println(steps.isEmpty() ? "Nothing to do: at " + at + " (" + millis + " ms)"
                : steps.size() + " migration" + (steps.size() == 1 ? "" : "s") + " " + done + ", now at " + at
                        + " (" + millis + " ms)");
        return ExitCode.OK;
    }

    private ExitCode sql(Database db, MigrationOperations ops, UndoTarget undo, String target) {
        List<ScriptStatements> scripts = undo != null ? ops.sqlUndo(undo) : ops.sql(target);
        if (json) {
            List<Object> rows = new ArrayList<>();
            for (ScriptStatements s : scripts) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("version", s.version());
                row.put("file", s.filename());
                row.put("statements", new ArrayList<Object>(s.statements()));
                rows.add(row);
            }
            Map<String, Object> o = object("sql");
            o.put("direction", undo != null ? "DOWN" : "UP");
            o.put("scripts", rows);
            out.println(Json.write(o));
            return ExitCode.OK;
        }
        boolean tsql = db.family() == EngineFamily.SQL_SERVER;
        int statements = 0;
        for (ScriptStatements s : scripts) {
            out.println("-- " + s.filename());
            for (String statement : s.statements()) {
                statements++;
                out.println(tsql ? statement.stripTrailing() + "\nGO" : statement.stripTrailing() + ";");
            }
        }
        err.println("-- " + scripts.size() + " script" + (scripts.size() == 1 ? "" : "s") + ", " + statements
                + " statement" + (statements == 1 ? "" : "s") + (tsql ? "" : " (as translated for H2)")
                + "; nothing was run");
        return ExitCode.OK;
    }

    /** Pending work first (exit 3), then drift (exit 4); the drift check itself is {@link MigrationOperations#drift}. */
    private ExitCode check(MigrationOperations ops) {
        MigrationOperations.CheckResult result = ops.check();
        List<String> pending = result.status().pending().stream().map(MigrationEntry::version).toList();
        ExitCode code = result.pending() ? ExitCode.PENDING : result.drifted() ? ExitCode.DRIFT : ExitCode.OK;
        if (json) {
            Map<String, Object> o = object("check");
            o.put("result", code.name());
            o.put("currentVersion", result.status().currentVersion());
            o.put("pending", new ArrayList<Object>(pending));
            o.put("drift", result.drift().map(DriftReport::toJson).map(RawJson::new).orElse(null));
            out.println(Json.write(o));
            return code;
        }
        String at = result.status().currentVersion() == null ? "(none)" : result.status().currentVersion();
        if (code == ExitCode.PENDING) {
            out.println("Pending: " + pending.size() + " migration" + (pending.size() == 1 ? "" : "s") + " ("
                    + String.join(", ", pending) + ") above the current version " + at);
        } else if (code == ExitCode.DRIFT) {
            out.print(result.drift().orElseThrow().toText());
        } else {
            out.println("Up to date at " + at + (result.drift().isPresent() ? "; no schema drift"
                    : "; schema drift not checked at this version"));
        }
        return code;
    }

    private ExitCode validate(MigrationOperations ops) {
        List<String> problems = ops.validate();
        if (json) {
            Map<String, Object> o = object("validate");
            o.put("valid", problems.isEmpty());
            o.put("problems", new ArrayList<Object>(problems));
            out.println(Json.write(o));
        } else if (problems.isEmpty()) {
            out.println("Valid: the applied migrations match their scripts");
        } else {
            out.println("Invalid:");
            problems.forEach(p -> out.println("  " + p));
        }
        return problems.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }

    private ExitCode repair(MigrationOperations ops) {
        List<String> actions = ops.repair();
        if (json) {
            Map<String, Object> o = object("repair");
            o.put("actions", new ArrayList<Object>(actions));
            out.println(Json.write(o));
        } else {
            out.println(actions.isEmpty() ? "Nothing to repair" : "Repaired: " + String.join(", ", actions));
        }
        return ExitCode.OK;
    }

    private ExitCode baseline(MigrationOperations ops, String version) {
        ops.baseline(version);
        if (json) {
            Map<String, Object> o = object("baseline");
            o.put("version", version);
            out.println(Json.write(o));
        } else {
            out.println("Baselined at " + version + ": later migrations apply on top of it");
        }
        return ExitCode.OK;
    }

    private ExitCode purge(MigrationOperations ops, int batch) {
        long start = System.nanoTime();
        int purged = ops.purgeIdempotency(batch);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (json) {
            Map<String, Object> o = object("purge-idempotency");
            o.put("purged", purged);
            o.put("millis", millis);
            out.println(Json.write(o));
        } else {
            out.println("Purged " + purged + " expired idempotency key" + (purged == 1 ? "" : "s") + " (" + millis
                    + " ms)");
        }
        return ExitCode.OK;
    }

    private ExitCode newMigration(Arguments a) {
        if (a.positional().size() != 1 || a.positional().get(0).isBlank()) {
            throw new UsageException("new needs one \"<description>\"");
        }
        Path dir = Path.of(a.option("dir").orElse("db/migration"));
        NewMigration.Created created;
        try {
            created = NewMigration.create(dir, rollbackDir(a, dir), a.positional().get(0), LocalDate.now(clock));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (json) {
            Map<String, Object> o = object("new");
            o.put("version", created.version());
            o.put("migration", created.migration().toString());
            o.put("rollback", created.rollback().toString());
            out.println(Json.write(o));
        } else {
            out.println("Created " + created.migration());
            out.println("Created " + created.rollback());
        }
        return ExitCode.OK;
    }

    // ---- output ----

    private static Map<String, Object> object(String command) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("command", command);
        return o;
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** The message and its causes' messages, once each: what went wrong, without a stack trace. */
    private static String message(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return String.join(": ", parts);
    }

    /** Masks every password this run has seen, and credentials in URLs. */
    String scrub(String message) {
        String s = message == null ? "" : message;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                s = s.replace(secret, "***");
            }
        }
        return DatabaseUrl.redactSqlAlchemy(SqlServerUrl.redact(s));
    }

    /** A value already in JSON (a drift report), written as is. */
    record RawJson(String json) {
    }
}
