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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.database.DatabaseUrl;
import io.fcn.persistence.internal.database.UrlDatabase;
import io.fcn.persistence.internal.engine.UrlSecrets;
import io.fcn.persistence.internal.format.Json;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.migration.MigrationOperations;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every command of one run shares: the streams, the environment, the clock, the global options, and the
 * passwords seen so far (masked in every message).
 */
final class Session {

    final PrintStream out;
    final PrintStream err;
    final Clock clock;
    final RootCommand global = new RootCommand();
    private final Map<String, String> env;
    private final Set<String> secrets = new LinkedHashSet<>();

    Session(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.out = EscapingPrintStream.of(out);
        this.err = EscapingPrintStream.of(err);
        this.env = env;
        this.clock = clock;
    }

    boolean json() {
        return global.json;
    }

    // ---- connection ----

    /**
     * The database the options name, connected once to fail early with a clear message. A given but empty
     * {@code --url} or {@code DATABASE_URL} is bad usage: the embedded default is only for when neither is set (a CI
     * job whose secret is missing must not check a local file instead).
     */
    Database open() {
        if (global.url != null) {
            if (global.url.isBlank()) {
                throw new UsageException("--url is empty: give a database URL, or leave --url out for "
                        + "DATABASE_URL or the embedded database");
            }
            return open(global.url);
        }
        String fromEnv = env.get(FcnDb.DATABASE_URL);
        if (fromEnv != null && fromEnv.isBlank()) {
            throw new UsageException(FcnDb.DATABASE_URL + " is set but empty: give it a database URL, or unset it "
                    + "for the embedded database");
        }
        return open(fromEnv);
    }

    /**
     * The database at {@code url} (null: the embedded one), with the global {@code --user} and
     * {@code --password-file}, connected once.
     */
    Database open(String url) {
        String password = global.passwordFile == null ? null : readPassword(global.passwordFile);
        Database db;
        if (url == null) {
            if (global.user != null || password != null) {
                throw new UsageException("--user and --password-file need --url or DATABASE_URL");
            }
            db = EmbeddedDatabase.file(embeddedPath());
        } else {
            if (url.isBlank()) {
                throw new UsageException("the database URL is empty");
            }
            if (global.embedded != null) {
                throw new UsageException("--embedded is for the default database, not with a URL");
            }
            secrets.addAll(UrlSecrets.secretValues(url));
            DatabaseUrl parsed;
            try {
                parsed = DatabaseUrl.parse(url, global.user, password, global.allowUrlClasses);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            secrets.add(parsed.password());
            UrlDatabase opened = UrlDatabase.open(parsed);
            opened.warnings().forEach(w -> err.println("fcn-db: warning: " + scrub(w)));
            db = opened;
        }
        if (!json()) {
            err.println("database: " + db.description());
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.isValid(5);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw new IllegalStateException("cannot connect to " + db.description() + ": " + message(e), e);
        }
        return db;
    }

    /** {@code --embedded}, else the default; an empty one is bad usage (H2 would write {@code .mv.db} beside cwd). */
    private Path embeddedPath() {
        if (global.embedded == null) {
            requireWritable(FcnDb.DEFAULT_EMBEDDED);
            return FcnDb.DEFAULT_EMBEDDED;
        }
        if (global.embedded.isBlank()) {
            throw new UsageException("--embedded is empty: give the database file's path (H2 adds .mv.db)");
        }
        Path path = Path.of(global.embedded);
        if (path.getFileName() == null || path.getFileName().toString().equals("..")
                || path.getFileName().toString().equals(".")) {
            throw new UsageException("--embedded " + global.embedded + " names a folder, not a file (H2 adds .mv.db)");
        }
        requireWritable(path);
        return path;
    }

    /**
     * Fails (exit 1, one line) where H2 could not create the file: it would print its own stack traces to the
     * process's streams before failing.
     */
    private static void requireWritable(Path path) {
        Path file = path.toAbsolutePath().normalize();
        Path db = file.resolveSibling(file.getFileName() + ".mv.db");
        Path existing = file.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalStateException("cannot create the embedded database " + db + ": " + existing
                    + " is not a folder");
        }
        boolean usable = Files.exists(db) ? Files.isWritable(db) && Files.isWritable(db.getParent())
                : Files.isWritable(existing);
        if (!usable) {
            throw new IllegalStateException("cannot write the embedded database " + db + ": "
                    + (Files.exists(db) ? db : existing) + " is not writable");
        }
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

    /** The library's operations on {@code db}, with the project's folders when {@code --dir} names them. */
    MigrationOperations operations(Database db) {
        MigrationOperations ops = MigrationOperations.on(db.dataSource());
        return global.dir == null ? ops : ops.withProjectDirectories(migrationDir(null), rollbackDir(null));
    }

    /** The jar's migrations and rollbacks, plus {@code --dir}'s (and its rollbacks) when given. */
    ScriptSet scripts() {
        return global.dir == null ? ScriptSet.classpath()
                : ScriptSet.classpath().withDirectories(migrationDir(null), rollbackDir(null));
    }

    Path migrationDir(String fallback) {
        return Path.of(global.dir != null ? global.dir : fallback);
    }

    /**
     * {@code --rollback-dir}, else {@code D}'s sibling {@code rollback} when {@code D} is named {@code migration}
     * (the {@code db/migration}, {@code db/rollback} layout). Any other {@code D} needs {@code --rollback-dir}: the
     * sibling of a folder the user named is somewhere the user did not name.
     */
    Path rollbackDir(String fallback) {
        if (global.rollbackDir != null) {
            return Path.of(global.rollbackDir);
        }
        Path dir = migrationDir(fallback).toAbsolutePath().normalize();
        if (!isMigrationFolder(dir)) {
            throw new UsageException("--dir " + migrationDir(fallback) + " is not a folder named migration: give "
                    + "--rollback-dir R (the default, D's sibling rollback, is only for a D named migration)");
        }
        return dir.resolveSibling("rollback");
    }

    /** The allow file beside a {@code D} named {@code migration} ({@code db/lint-allow.txt}), else none. */
    Path allowFile() {
        Path dir = migrationDir("db/migration").toAbsolutePath().normalize();
        return isMigrationFolder(dir) ? dir.resolveSibling("lint-allow.txt") : null;
    }

    private static boolean isMigrationFolder(Path dir) {
        return dir.getFileName() != null && dir.getFileName().toString().equals("migration");
    }

    /** For the commands that only read files: {@code --dir} and {@code --rollback-dir}, when given, must exist. */
    void requireProjectDirectories() {
        if (global.dir != null && !Files.isDirectory(Path.of(global.dir))) {
            throw new UsageException("--dir " + global.dir + ": no such directory");
        }
        if (global.rollbackDir != null && global.dir == null) {
            throw new UsageException("--rollback-dir goes with --dir");
        }
        if (global.rollbackDir != null && !Files.isDirectory(Path.of(global.rollbackDir))) {
            throw new UsageException("--rollback-dir " + global.rollbackDir + ": no such directory");
        }
    }

    /** For the commands that work on the database's history alone. */
    void refuseProjectDirectories(String command) {
        if (global.dir != null) {
            throw new UsageException(command + " does not take --dir");
        }
        if (global.rollbackDir != null) {
            throw new UsageException(command + " does not take --rollback-dir");
        }
    }

    // ---- output ----

    /** The JSON result of {@code command}: its name first, then what the command adds. */
    static ObjectNode result(String command) {
        return Json.object().put("command", command);
    }

    void print(ObjectNode result) {
        out.println(Json.write(result));
    }

    /** What went wrong on stderr: one line, masked; never a stack trace. */
    void error(String message) {
        err.println("fcn-db: " + oneLine(scrub(message)));
    }

    /** With {@code --verbose}: the chain of causes, each its class and masked message on one line. */
    void detail(Throwable e) {
        if (!global.verbose) {
            return;
        }
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            String name = t instanceof io.fcn.persistence.internal.errors.ScrubbedSqlException s
                    ? s.originalClass() : io.fcn.persistence.internal.engine.DriverText.originalClass(t);
            String m = t.getMessage() == null ? "" : ": " + joined(scrub(t.getMessage()));
            err.println("fcn-db: detail: " + (depth == 0 ? "" : "caused by ") + name + m);
        }
    }

    /** The message and its causes' messages, once each: what went wrong, without a stack trace. */
    static String message(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return String.join(": ", parts);
    }

    // Flyway's own advice names an option fcn-db does not have; --verbose shows the statement instead.
    private static final java.util.regex.Pattern FLYWAY_X = java.util.regex.Pattern.compile(
            "\\s*\\(?Run Flyway with -X option[^.)\\n]*[.)]?");

    /**
     * Text as one line: Flyway's multi-line reports (a dashed rule, "Key : value" lines, the statement last) become
     * "; "-separated parts without the statement, which {@code --verbose} shows.
     */
    static String oneLine(String text) {
        List<String> parts = new ArrayList<>();
        boolean inStatement = false;
        for (String line : FLYWAY_X.matcher(text).replaceAll("").split("\\R")) {
            String l = line.strip().replaceAll("\\s+", " ");
            if (inStatement) { // H2 quotes the statement up to its error code, "[42102-252]"
                inStatement = !l.matches(".*\\[\\d+-\\d+]$");
                continue;
            }
            if (l.startsWith("Statement :") || l.startsWith("Statement:")) {
                break;
            }
            int quoted = l.indexOf("; SQL statement:");
            if (quoted >= 0) {
                inStatement = !l.matches(".*\\[\\d+-\\d+]$");
                l = l.substring(0, quoted);
            }
            if (!l.isEmpty() && !l.matches("-+")) {
                parts.add(l);
            }
        }
        return String.join("; ", parts);
    }

    /** Text as one line, all of it (for --verbose): lines joined with " | ", without Flyway's -X advice. */
    static String joined(String text) {
        return String.join(" | ", FLYWAY_X.matcher(text).replaceAll("").strip().split("\\s*\\R\\s*"));
    }

    /** Masks every password this run has seen, and credentials in URLs, leaving the rest of the text as it is. */
    String scrub(String message) {
        return UrlSecrets.maskText(message == null ? "" : message, secrets);
    }
}
