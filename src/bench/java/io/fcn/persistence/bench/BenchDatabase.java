package io.fcn.persistence.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.database.ExternalSqlServer;
import io.fcn.persistence.sqlserver.SqlServerSettings;
import io.fcn.persistence.internal.engine.SqlServerUrl;
import io.fcn.persistence.trade.NewTrade;

/**
 * A benchmark fork's database on one engine, behind one connection pool that both sides share: the library (built
 * with its production defaults, no test listeners) and the hand-written JDBC. The schema and fixtures come from
 * {@link BenchHarness} (see there); this class only opens them.
 */
final class BenchDatabase implements AutoCloseable {

    static final String TEMPLATE_ID = "TPL-BENCH";
    static final String SPEC_VERSION = "1.0";
    static final LocalDate TRADE_DATE = LocalDate.of(2026, 1, 15);
    static final LocalDate MATURITY_DATE = LocalDate.of(2027, 1, 15);
    static final BigDecimal NOTIONAL = new BigDecimal("1000000.0000");
    static final String TRADE_PARAMS = "{\"underlyings\": [\"AAPL\", \"MSFT\"]}";

    /**
     * H2 keeps the result of a query and hands it out again while no table has changed, if the same statement text
     * runs with the same parameters; SQL Server has no such cache, and a benchmark repeating one page would
     * measure the cache. Switched off on every H2 benchmark database.
     */
    private static final String H2_NO_RESULT_REUSE = ";OPTIMIZE_REUSE_RESULTS=FALSE";
    /** The 1,000,000-row files fit in H2's page cache (KB), as a warm SQL Server buffer pool would hold them. */
    static final String H2_LARGE_CACHE = ";CACHE_SIZE=1048576";

    final BenchEngine engine;
    final FcnPersistence fcn;
    /** The same pool with Micrometer meters (ObserverOverheadBenchmark): its registry keeps what it records. */
    final FcnPersistence meteredFcn;
    private final HikariDataSource pool;
    /** H2 databases this fork made (in memory, or a work copy): shut down on close; null for shared ones. */
    private final Path ownedFile;
    private final boolean owned;

    private BenchDatabase(BenchEngine engine, HikariDataSource pool, boolean owned, Path ownedFile) {
        this.engine = engine;
        this.pool = pool;
        this.owned = owned;
        this.ownedFile = ownedFile;
        this.fcn = FcnPersistence.builder(pool).build();
        this.meteredFcn = FcnPersistence.builder(pool)
                .meterRegistry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).build();
    }

    /**
     * The migrated schema with the template, trades {@code TRD-G1…1000} and {@code TRD-O1…10}, and nothing else: a
     * new in-memory database on H2 (embedded or through the server), the run's small database on the T-SQL engine,
     * emptied of what earlier forks wrote.
     */
    static BenchDatabase small(BenchEngine engine) {
        if (engine == BenchEngine.TSQL) {
            BenchDatabase db = new BenchDatabase(engine, tsqlPool(BenchHarness.TSQL_SMALL), false, null);
            db.execute("DELETE FROM fcn_observation");
            db.execute("DELETE FROM fcn_lifecycle_event");
            db.execute("DELETE FROM fcn_idempotency_key");
            db.execute("DELETE FROM fcn_trade WHERE trade_id NOT LIKE 'TRD-G%' AND trade_id NOT LIKE 'TRD-O%'");
            return db;
        }
        String name = "mem:bench_" + UUID.randomUUID().toString().replace("-", "");
        BenchDatabase db = new BenchDatabase(engine,
                h2Pool(h2Url((engine == BenchEngine.H2 ? "" : tcpPrefix()) + name, ";DB_CLOSE_DELAY=-1")), true, null);
        db.schemaWithTradesToRead();
        db.execute(Fixtures.trades(engine, "TRD-O", Fixtures.OBSERVATION_TRADES));
        return db;
    }

    /** The 1,000,000 active trades {@code TRD-P1…}, shared by every paging fork: read only. */
    static BenchDatabase paging(BenchEngine engine) {
        if (engine == BenchEngine.TSQL) {
            return new BenchDatabase(engine, tsqlPool(BenchHarness.TSQL_LARGE), false, null);
        }
        String file = "paging-" + BenchHarness.property(BenchHarness.KEY);
        return new BenchDatabase(engine, h2Pool(h2Url(h2File(engine, file), H2_LARGE_CACHE)),
                false, null);
    }

    /**
     * 1,000,000 active trades {@code TRD-P1…} and 1,000,000 idempotency keys (GrowthBenchmark): on H2 the growth
     * fixture file, opened in place; on the T-SQL engine the run's large database, its keys inserted again when an
     * earlier fork (the purge) left fewer. Each fork removes the keys it claimed ({@link #removeClaimsAfterFixture}).
     */
    static BenchDatabase growth(BenchEngine engine) {
        if (engine == BenchEngine.TSQL) {
            BenchDatabase db = new BenchDatabase(engine, tsqlPool(BenchHarness.TSQL_LARGE), false, null);
            if (db.queryInt("SELECT COUNT(*) FROM fcn_idempotency_key") != Fixtures.PURGE_KEYS) {
                db.execute("TRUNCATE TABLE fcn_idempotency_key");
                db.execute(Fixtures.expiredKeys(engine, Fixtures.PURGE_KEYS));
            }
            return db;
        }
        String file = "growth-" + BenchHarness.property(BenchHarness.KEY);
        return new BenchDatabase(engine, h2Pool(h2Url(h2File(engine, file), H2_LARGE_CACHE)), false, null);
    }

    /**
     * GrowthBenchmark's 0 rows: the small fixture's trades, and no keys, in a new H2 file database with the growth
     * file's page cache (so that H2's two sides differ in rows, not in storage); the T-SQL engine's small database.
     */
    static BenchDatabase growthEmpty(BenchEngine engine) {
        if (engine == BenchEngine.TSQL) {
            return small(engine);
        }
        String name = "growth0-work-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Path.of(BenchHarness.property(BenchHarness.DIR)).resolve(name + ".mv.db");
        BenchDatabase db = new BenchDatabase(engine, h2Pool(h2Url(h2File(engine, name), H2_LARGE_CACHE)), true, file);
        db.schemaWithTradesToRead();
        return db;
    }

    /** Into a new H2 database: the migrated schema, the template and the trades {@code TRD-G1…1000} to read. */
    private void schemaWithTradesToRead() {
        try (Connection c = pool.getConnection()) {
            runScript(c, schemaScript());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Fixtures.template(pool);
        execute(Fixtures.trades(engine, "TRD-G", Fixtures.SINGLE_ROW_TRADES));
    }

    /** Deletes the keys claimed since the fixture's (which were all created on 2026-01-01). */
    void removeClaimsAfterFixture() {
        execute(engine.isH2()
                ? "DELETE FROM fcn_idempotency_key WHERE created_at > TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'"
                : "DELETE FROM fcn_idempotency_key WHERE created_at > '2026-01-01 00:00:00 +00:00'");
    }

    /**
     * 1,000,000 expired idempotency keys, fresh: on H2 a copy of the fixture file (a second), on the T-SQL engine
     * inserted again set-based (the slow part of the purge benchmark there).
     */
    static BenchDatabase purge(BenchEngine engine) {
        if (engine == BenchEngine.TSQL) {
            BenchDatabase db = new BenchDatabase(engine, tsqlPool(BenchHarness.TSQL_LARGE), false, null);
            db.execute("TRUNCATE TABLE fcn_idempotency_key"); // no dead rows from the last shot (no FK points here)
            db.execute(Fixtures.expiredKeys(engine, Fixtures.PURGE_KEYS));
            return db;
        }
        Path dir = Path.of(BenchHarness.property(BenchHarness.DIR));
        String work = "purge-work-" + UUID.randomUUID().toString().substring(0, 8);
        Path workFile = dir.resolve(work + ".mv.db");
        try {
            Files.copy(dir.resolve("purge-" + BenchHarness.property(BenchHarness.KEY) + ".mv.db"), workFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchDatabase(engine, h2Pool(h2Url(h2File(engine, work), H2_LARGE_CACHE)), true, workFile);
    }

    DataSource dataSource() {
        return pool;
    }

    /** Fixture work in one statement (not measured). */
    void execute(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row (fixture look-ups, not measured). */
    int queryInt(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static NewTrade newTrade(String tradeId) {
        return NewTrade.builder().tradeId(tradeId).templateId(TEMPLATE_ID).specVersion(SPEC_VERSION)
                .tradeDate(TRADE_DATE).maturityDate(MATURITY_DATE).notional(NOTIONAL).currency("USD")
                .tradeParams(TRADE_PARAMS).build();
    }

    @Override
    public void close() {
        if (owned) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN"); // frees a server-side in-memory database, closes a work file
            } catch (SQLException e) {
                // already closed
            }
        }
        pool.close();
        if (ownedFile != null) {
            try {
                Files.deleteIfExists(ownedFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---------------------------------------------------------------- connections

    /** H2 URL with the library's embedded settings (SQL Server mode, case-insensitive keys, schema dbo). */
    static String h2Url(String location, String settings) {
        String embedded = EmbeddedDatabase.inMemory().jdbcUrl();
        return "jdbc:h2:" + location + settings + H2_NO_RESULT_REUSE + embedded.substring(embedded.indexOf(";MODE="));
    }

    /** A fixture file: opened in this JVM, or by the server (its base directory is the fixture directory). */
    private static String h2File(BenchEngine engine, String name) {
        return engine == BenchEngine.H2
                ? "file:" + Path.of(BenchHarness.property(BenchHarness.DIR)).resolve(name)
                : tcpPrefix() + name;
    }

    private static String tcpPrefix() {
        return "tcp://127.0.0.1:" + BenchHarness.property(BenchHarness.H2_PORT) + "/";
    }

    private static HikariDataSource h2Pool(String url) {
        return pool(url, "sa", "");
    }

    /** The T-SQL engine's database for the run, with the recommended connection settings (as production). */
    private static HikariDataSource tsqlPool(String databaseProperty) {
        String url = System.getenv(ExternalSqlServer.URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("engine tsql needs " + ExternalSqlServer.URL_VARIABLE);
        }
        return pool(SqlServerSettings.applyTo(SqlServerUrl.withDatabase(url.trim(),
                BenchHarness.property(databaseProperty))), System.getenv(ExternalSqlServer.USER_VARIABLE),
                System.getenv(ExternalSqlServer.PASSWORD_VARIABLE));
    }

    /**
     * HikariCP, as services use: it hands out the same physical connection, so H2 finds a statement prepared
     * before in its session cache. (H2's own JdbcConnectionPool wraps the session in a new connection per
     * checkout, which misses that cache and re-parses every statement: about 2 µs per call here.)
     */
    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    static Path schemaScript() {
        return Path.of(BenchHarness.property(BenchHarness.DIR))
                .resolve("schema-" + BenchHarness.property(BenchHarness.KEY) + ".sql");
    }

    static void runScript(Connection c, Path script) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("RUNSCRIPT FROM ?")) {
            ps.setString(1, script.toString());
            ps.execute();
        }
    }

    /**
     * The library's claim + complete of a new key, the same in every benchmark that measures it (the JDBC side is
     * {@link HandWrittenJdbc#claimAndComplete}).
     */
    static ClaimOutcome claimAndComplete(FcnPersistence fcn, String key, String fingerprint, String body) {
        ClaimOutcome outcome = fcn.idempotency().claim(key, fingerprint, "POST", "/v1/trades",
                Duration.ofHours(24), Duration.ofSeconds(30));
        ClaimOutcome.Claimed claimed = (ClaimOutcome.Claimed) outcome;
        fcn.inTransaction(() -> fcn.idempotency().complete(claimed.token(), 201, body));
        return outcome;
    }
}
