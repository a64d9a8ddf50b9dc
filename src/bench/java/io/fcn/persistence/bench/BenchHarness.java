package io.fcn.persistence.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.database.ExternalSqlServer;
import io.fcn.persistence.internal.database.SqlServerDatabase;
import io.fcn.persistence.migration.FcnMigrations;

/**
 * What {@link BenchMain} prepares once per run, before JMH forks the benchmarks, and hands to every fork as system
 * properties: the H2 fixture files (built once, reused while {@link Fixtures#key()} matches), the H2 TCP server, and
 * on the T-SQL engine two throwaway databases (small fixtures; 1,000,000 trades), dropped after the run.
 */
final class BenchHarness implements AutoCloseable {

    static final String DIR = "fcn.bench.dir";
    static final String KEY = "fcn.bench.key";
    static final String H2_PORT = "fcn.bench.h2.port";
    static final String TSQL_SMALL = "fcn.bench.tsql.small";
    static final String TSQL_LARGE = "fcn.bench.tsql.large";

    /** Which fixtures the selected benchmarks need. */
    record Needs(boolean small, boolean paging, boolean purge, boolean growth) {

        /** The 1,000,000 trades: paging reads them, growth gets them. */
        boolean manyTrades() {
            return paging || growth;
        }
    }

    private final Path dir;
    private final String key = Fixtures.key();
    private final PrintStream log;
    private final Map<BenchEngine, String> labels = Collections.synchronizedMap(new EnumMap<>(BenchEngine.class));
    private final List<String> forkProperties = Collections.synchronizedList(new ArrayList<>());
    private Server server;
    private volatile SqlServerDatabase tsqlSmall;
    private volatile SqlServerDatabase tsqlLarge;
    private volatile boolean sqlServerMeasured;

    private BenchHarness(Path dir, PrintStream log) {
        this.dir = dir.toAbsolutePath().normalize();
        this.log = log;
        forkProperties.add("-D" + DIR + "=" + this.dir);
        forkProperties.add("-D" + KEY + "=" + key);
    }

    static BenchHarness prepare(Path dir, Set<BenchEngine> engines, Needs needs, PrintStream log) throws Exception {
        BenchHarness harness = new BenchHarness(dir, log);
        try {
            harness.prepare(engines, needs);
            return harness;
        } catch (Exception | Error e) {
            harness.close();
            throw e;
        }
    }

    /**
     * The fixtures are built side by side, H2's file and the T-SQL engine's databases (which that engine's own
     * process builds): on two cores, about half the wait.
     */
    private void prepare(Set<BenchEngine> engines, Needs needs) throws Exception {
        Files.createDirectories(dir);
        ExecutorService builders = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> work = new ArrayList<>();
            if (engines.contains(BenchEngine.TSQL)) {
                ExternalSqlServer external = ExternalSqlServer.fromEnvironment().orElseThrow(
                        () -> new IllegalStateException("engine tsql needs " + ExternalSqlServer.URL_VARIABLE));
                // One after the other: Babelfish fails concurrent CREATE DATABASE ("tuple concurrently updated").
                work.add(builders.submit(() -> {
                    prepareTsqlSmall(external);
                    if (needs.manyTrades() || needs.purge()) {
                        prepareTsqlLarge(external, needs);
                    }
                    return null;
                }));
            }
            if (engines.contains(BenchEngine.H2) || engines.contains(BenchEngine.H2_TCP)) {
                removeStaleFixtures();
                Path schema = schemaScript();
                List<String> large = new ArrayList<>();
                if (needs.paging()) {
                    large.add("paging");
                }
                if (needs.growth()) {
                    large.add("growth");
                }
                if (needs.purge()) {
                    large.add("purge");
                }
                if (!large.isEmpty()) {
                    work.add(builders.submit(() -> {
                        h2LargeFixtureFiles(large, schema);
                        return null;
                    }));
                }
                String version = h2Version();
                labels.put(BenchEngine.H2,
                        "H2 " + version + " embedded (in memory; the 1,000,000-row fixtures in a file)");
                labels.put(BenchEngine.H2_TCP, "H2 " + version + " server mode over TCP (127.0.0.1)");
            }
            for (Future<?> done : work) {
                try {
                    done.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            builders.shutdownNow();
            // On failure, let the other builders stop before close() drops what they made.
            builders.awaitTermination(5, TimeUnit.MINUTES);
        }
        if (engines.contains(BenchEngine.H2_TCP)) {
            startServer();
        }
    }

    /** JVM options for every fork: where the fixtures are. */
    List<String> forkProperties() {
        synchronized (forkProperties) {
            return List.copyOf(forkProperties);
        }
    }

    /** The engine as the table names it, e.g. which product answered on the T-SQL URL. */
    String label(BenchEngine engine) {
        return labels.getOrDefault(engine, engine.param);
    }

    /** True only when the T-SQL engine is Microsoft SQL Server itself. */
    boolean sqlServerMeasured() {
        return sqlServerMeasured;
    }

    // ---------------------------------------------------------------- H2

    private void removeStaleFixtures() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if ((name.startsWith("schema-") || name.startsWith("large-") || name.startsWith("paging-")
                        || name.startsWith("purge-") || name.startsWith("growth-"))
                        && !name.contains(key)) {
                    log.println("fixtures: removing stale " + name);
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * The migrated, empty schema as H2 writes it ({@code SCRIPT}): forks load it in milliseconds. Migrated into a
     * file database, so that the script creates CACHED tables (paged from the file as needed), as a file database's
     * tables are; an in-memory database would script MEMORY tables, which H2 loads whole when it opens a file.
     */
    private Path schemaScript() throws SQLException, IOException {
        Path script = dir.resolve("schema-" + key + ".sql");
        if (Files.exists(script)) {
            return script;
        }
        long start = System.nanoTime();
        Path scratch = dir.resolve("schema-" + key + "-building");
        Files.deleteIfExists(Path.of(scratch + ".mv.db"));
        EmbeddedDatabase db = EmbeddedDatabase.file(scratch);
        try {
            FcnMigrations.migrate(db.dataSource());
            try (Connection c = db.dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("SCRIPT TO ?")) {
                ps.setString(1, script + ".tmp");
                ps.execute();
            }
        } finally {
            db.close();
            Files.deleteIfExists(Path.of(scratch + ".mv.db"));
        }
        move(Path.of(script + ".tmp"), script);
        log.printf("fixtures: H2 schema script built in %.1f s%n", seconds(start));
        return script;
    }

    /**
     * The file databases {@code <name>-<key>.mv.db} for paging, growth and purge, each a copy of one file holding
     * what the T-SQL engine's large database holds: 1,000,000 active trades and 1,000,000 expired idempotency keys.
     * Each is reused when present; a missing one is copied (a second) from that file, built once in a temporary file.
     * Separate copies, since growth forks write to theirs and purge shots copy theirs, which must then be closed.
     */
    private void h2LargeFixtureFiles(List<String> names, Path schema) throws Exception {
        List<Path> missing = new ArrayList<>();
        for (String name : names) {
            Path file = dir.resolve(name + "-" + key + ".mv.db");
            if (Files.exists(file)) {
                log.println("fixtures: H2 " + name + " reused: " + file.getFileName());
            } else {
                missing.add(file);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        Path building = dir.resolve("large-" + key + "-building");
        Files.deleteIfExists(Path.of(building + ".mv.db"));
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(BenchDatabase.h2Url("file:" + building, BenchDatabase.H2_LARGE_CACHE));
        ds.setUser("sa");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            BenchDatabase.runScript(c, schema);
            Fixtures.template(ds);
            Fixtures.h2InChunks(s, Fixtures.PAGING_TRADES, (from, to) -> Fixtures.h2Trades("TRD-P", from, to));
            Fixtures.h2InChunks(s, Fixtures.PURGE_KEYS, Fixtures::h2ExpiredKeys);
            s.execute("ANALYZE");
            s.execute("SHUTDOWN COMPACT");
        }
        Path built = Path.of(building + ".mv.db");
        for (Path file : missing.subList(1, missing.size())) {
            Path copying = Path.of(file + ".tmp");
            Files.copy(built, copying, StandardCopyOption.REPLACE_EXISTING);
            move(copying, file);
        }
        move(built, missing.get(0));
        log.printf("fixtures: H2 %,d trades and %,d expired idempotency keys built in %.1f s: %s%n",
                Fixtures.PAGING_TRADES, Fixtures.PURGE_KEYS, seconds(start),
                missing.stream().map(f -> f.getFileName().toString()).toList());
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String h2Version() throws SQLException {
        EmbeddedDatabase db = EmbeddedDatabase.inMemory();
        try (Connection c = db.dataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductVersion().split(" ")[0];
        } finally {
            db.close();
        }
    }

    /**
     * H2's TCP server on 127.0.0.1 and a free port, in this JVM (the forks are its clients). It may create
     * databases (in memory, or files under the fixture directory) because each fork asks for a fresh one.
     */
    private void startServer() throws SQLException {
        server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
        forkProperties.add("-D" + H2_PORT + "=" + server.getPort());
        long start = System.nanoTime();
        ServerWarmUp.run(server.getPort(), dir);
        log.printf("engines: H2 TCP server on 127.0.0.1:%d (warmed up in %.1f s)%n", server.getPort(), seconds(start));
    }

    // ---------------------------------------------------------------- T-SQL

    private void prepareTsqlSmall(ExternalSqlServer external) throws SQLException {
        long start = System.nanoTime();
        tsqlSmall = external.newDatabase();
        FcnMigrations.migrate(tsqlSmall.dataSource());
        labels.put(BenchEngine.TSQL, tsqlLabel(tsqlSmall.dataSource()));
        Fixtures.template(tsqlSmall.dataSource());
        execute(tsqlSmall.dataSource(), Fixtures.trades(BenchEngine.TSQL, "TRD-G", Fixtures.SINGLE_ROW_TRADES));
        execute(tsqlSmall.dataSource(), Fixtures.trades(BenchEngine.TSQL, "TRD-O", Fixtures.OBSERVATION_TRADES));
        forkProperties.add("-D" + TSQL_SMALL + "=" + tsqlSmall.databaseName());
        log.printf("fixtures: T-SQL engine: database %s (small fixtures) in %.1f s%n", tsqlSmall.databaseName(),
                seconds(start));
    }

    private void prepareTsqlLarge(ExternalSqlServer external, Needs needs) throws SQLException {
        long start = System.nanoTime();
        tsqlLarge = external.newDatabase();
        FcnMigrations.migrate(tsqlLarge.dataSource());
        if (needs.manyTrades()) {
            Fixtures.template(tsqlLarge.dataSource());
            execute(tsqlLarge.dataSource(), Fixtures.trades(BenchEngine.TSQL, "TRD-P", Fixtures.PAGING_TRADES));
            updateStatistics(tsqlLarge.dataSource(), "fcn_trade");
        }
        forkProperties.add("-D" + TSQL_LARGE + "=" + tsqlLarge.databaseName());
        log.printf("fixtures: T-SQL engine: database %s (%s) in %.1f s%n", tsqlLarge.databaseName(),
                needs.manyTrades() ? Fixtures.PAGING_TRADES + " trades" : "for the purge", seconds(start));
    }

    private static final Pattern BABELFISH = Pattern.compile("Babelfish \\d+(\\.\\d+)*");
    private static final Pattern POSTGRES = Pattern.compile("PostgreSQL \\d+(\\.\\d+)*");

    /**
     * Names the product from {@code @@version}: engines that speak SQL Server's protocol may report SQL Server's
     * product name and version in the driver's metadata (Babelfish does), so that is not trusted.
     */
    private String tsqlLabel(DataSource dataSource) throws SQLException {
        String version;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@VERSION")) {
            rs.next();
            version = rs.getString(1);
        }
        Matcher babelfish = BABELFISH.matcher(version);
        if (babelfish.find()) {
            Matcher postgres = POSTGRES.matcher(version);
            return babelfish.group() + (postgres.find() ? " (" + postgres.group() + ")" : "")
                    + ", T-SQL over TDS (not SQL Server)";
        }
        String first = version.lines().findFirst().orElse(version).strip();
        sqlServerMeasured = first.startsWith("Microsoft SQL Server");
        return first.length() > 100 ? first.substring(0, 100) : first;
    }

    /** Fresh statistics after a bulk load, as SQL Server's auto-update would make them before long. */
    private void updateStatistics(DataSource dataSource, String table) {
        try {
            execute(dataSource, "UPDATE STATISTICS " + table);
        } catch (SQLException e) {
            log.println("fixtures: UPDATE STATISTICS " + table + " not run (" + e.getMessage() + ")");
        }
    }

    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
        for (SqlServerDatabase db : new SqlServerDatabase[] {tsqlSmall, tsqlLarge}) {
            if (db != null) {
                try {
                    db.close();
                } catch (RuntimeException e) {
                    log.println("engines: could not drop " + db.databaseName() + ": " + e.getMessage());
                }
            }
        }
        try (DirectoryStream<Path> work = Files.newDirectoryStream(dir, "{purge-work-,growth0-work-}*")) {
            for (Path file : work) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.println("fixtures: could not remove work files: " + e.getMessage());
        }
    }

    /** System property of a fork, set by {@link #forkProperties()}. */
    static String property(String name) {
        return Optional.ofNullable(System.getProperty(name)).orElseThrow(() -> new IllegalStateException(
                "system property " + name + " is not set: run the benchmarks through BenchMain"
                        + " (./mvnw -B -Pbench verify, README \"Performance\")"));
    }
}
