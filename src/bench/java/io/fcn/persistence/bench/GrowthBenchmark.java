package io.fcn.persistence.bench;

import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotencyKeys;
import io.fcn.persistence.trade.Trade;

/**
 * Does a call cost more as its table grows? Gets and claims (+ complete) with {@code existing} rows already in their
 * tables: 0 (gets read 1,000 trades, claims start on an empty key table; on H2 a new file database with the same
 * page cache as the large one, so that only the rows differ) or 1,000,000
 * (gets read 1,000 trades spread over the 1,000,000 of {@link BenchDatabase#growth}, claims add keys beside its
 * 1,000,000). Index seeks should keep the per-call cost within 1.3× (docs/performance.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class GrowthBenchmark extends EngineParam {

    private static final int READ = 1_000;
    private static final String BODY = "{\"status\": \"created\"}";
    private static final String FINGERPRINT = IdempotencyKeys.fingerprint("POST", "/v1/trades", BODY);

    /** Rows already in the tables the calls read and write. */
    @Param({"0", "1000000"})
    public int existing;

    private BenchDatabase db;
    private HandWrittenJdbc jdbc;
    private String[] tradeIds;
    private int next;
    private long sequence;
    /** Claim keys unique to this fork: the 1,000,000-row database outlives it. */
    private final String prefix = UUID.randomUUID().toString().substring(0, 8);

    @Setup(Level.Trial)
    public void setUp() {
        db = existing == 0 ? BenchDatabase.growthEmpty(engine()) : BenchDatabase.growth(engine());
        jdbc = new HandWrittenJdbc(db.dataSource());
        tradeIds = new String[READ];
        for (int i = 0; i < READ; i++) {
            tradeIds[i] = existing == 0 ? "TRD-G" + (i + 1) : "TRD-P" + ((long) (i + 1) * Fixtures.PAGING_TRADES / READ);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (existing != 0) {
            db.removeClaimsAfterFixture(); // the fixture keeps its 1,000,000 rows for the next fork
        }
        db.close();
    }

    private String nextTradeId() {
        next = (next + 1) % READ;
        return tradeIds[next];
    }

    private String unique(String side) {
        return prefix + side + (++sequence);
    }

    @Benchmark
    public Trade growthGet_library() {
        return db.fcn.trades().get(nextTradeId());
    }

    @Benchmark
    public Trade growthGet_jdbc() throws SQLException {
        return jdbc.findTrade(nextTradeId()).orElseThrow();
    }

    @Benchmark
    public ClaimOutcome growthClaim_library() {
        return BenchDatabase.claimAndComplete(db.fcn, unique("L"), FINGERPRINT, BODY);
    }

    @Benchmark
    public String growthClaim_jdbc() throws SQLException {
        return jdbc.claimAndComplete(unique("J"), FINGERPRINT, "POST", "/v1/trades", 201, BODY);
    }
}
