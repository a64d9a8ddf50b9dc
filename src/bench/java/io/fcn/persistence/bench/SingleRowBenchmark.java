package io.fcn.persistence.bench;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotencyKeys;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.trade.Trade;

/**
 * Single-row operations, each as {@code <operation>_library} and {@code <operation>_jdbc} (the same work through
 * {@link HandWrittenJdbc}); {@code <operation>_jdbcHeldStatement} is its floor: the same statements on one connection
 * held for the run, each prepared once and kept open ({@link HandWrittenJdbc#held});
 * {@code getTrade_peer} and {@code bookTrade_peer} are the same work through Spring Data JDBC ({@link SpringDataJdbcPeer}).
 * Each fork starts from the small fixture ({@link BenchDatabase#small}): trades {@code TRD-G1…1000} to read.
 * Warm-up is 8 s: on 2 cores the library's path settles after about 7 s of calls (the JIT), plain JDBC's sooner.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class SingleRowBenchmark extends EngineParam {

    private static final int TRADES = Fixtures.SINGLE_ROW_TRADES;
    private static final String BODY = "{\"status\": \"created\"}";
    private static final String FINGERPRINT = IdempotencyKeys.fingerprint("POST", "/v1/trades", BODY);
    private static final String EVENT_PAYLOAD = "{\"amount\": 8750.00}";
    private static final LocalDate EVENT_DATE = LocalDate.of(2026, 4, 17);

    private BenchDatabase db;
    private HandWrittenJdbc jdbc;
    private SpringDataJdbcPeer peer;
    private HandWrittenJdbc held;
    private String[] tradeIds;
    private int next;
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        db = BenchDatabase.small(engine());
        jdbc = new HandWrittenJdbc(db.dataSource());
        peer = new SpringDataJdbcPeer(db.dataSource());
        tradeIds = new String[TRADES];
        for (int i = 0; i < TRADES; i++) {
            tradeIds[i] = "TRD-G" + (i + 1);
        }
        held = HandWrittenJdbc.held(db.dataSource());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        held.close();
        peer.close();
        db.close();
    }

    private String nextTradeId() {
        next = (next + 1) % TRADES;
        return tradeIds[next];
    }

    private String unique(String prefix) {
        return prefix + (++sequence);
    }

    @Benchmark
    public Trade getTrade_library() {
        return db.fcn.trades().get(nextTradeId());
    }

    @Benchmark
    public Trade getTrade_jdbc() throws SQLException {
        return jdbc.findTrade(nextTradeId()).orElseThrow();
    }

    @Benchmark
    public Trade getTrade_jdbcHeldStatement() throws SQLException {
        return held.findTrade(nextTradeId()).orElseThrow();
    }

    @Benchmark
    public Trade getTrade_peer() {
        return peer.findTrade(nextTradeId()).orElseThrow();
    }

    @Benchmark
    public Trade bookTrade_library() {
        return db.fcn.trades().book(BenchDatabase.newTrade(unique("TRD-BL")));
    }

    @Benchmark
    public Trade bookTrade_jdbc() throws SQLException {
        return jdbc.book(BenchDatabase.newTrade(unique("TRD-BJ")));
    }

    @Benchmark
    public Trade bookTrade_jdbcHeldStatement() throws SQLException {
        return held.book(BenchDatabase.newTrade(unique("TRD-BH")));
    }

    @Benchmark
    public Trade bookTrade_peer() {
        return peer.book(BenchDatabase.newTrade(unique("TRD-BP")));
    }

    @Benchmark
    public ClaimOutcome claimComplete_library() {
        return BenchDatabase.claimAndComplete(db.fcn, unique("key-L"), FINGERPRINT, BODY);
    }

    @Benchmark
    public String claimComplete_jdbc() throws SQLException {
        return jdbc.claimAndComplete(unique("key-J"), FINGERPRINT, "POST", "/v1/trades", 201, BODY);
    }

    @Benchmark
    public String claimComplete_jdbcHeldStatement() throws SQLException {
        return held.claimAndComplete(unique("key-H"), FINGERPRINT, "POST", "/v1/trades", 201, BODY);
    }

    @Benchmark
    public LifecycleEvent appendEvent_library() {
        return db.fcn.lifecycleEvents().append(nextTradeId(), LifecycleEventType.COUPON_PAID, EVENT_DATE,
                EVENT_PAYLOAD);
    }

    @Benchmark
    public void appendEvent_jdbc() throws SQLException {
        jdbc.appendEvent(nextTradeId(), LifecycleEventType.COUPON_PAID, EVENT_DATE, EVENT_PAYLOAD);
    }

    @Benchmark
    public void appendEvent_jdbcHeldStatement() throws SQLException {
        held.appendEvent(nextTradeId(), LifecycleEventType.COUPON_PAID, EVENT_DATE, EVENT_PAYLOAD);
    }
}
