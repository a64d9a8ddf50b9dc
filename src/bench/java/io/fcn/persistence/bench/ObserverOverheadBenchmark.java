package io.fcn.persistence.bench;

import java.sql.SQLException;
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

import io.fcn.persistence.trade.Trade;

/**
 * The cost of metrics: the same read and write through the entry point without an observer ({@code _plain}) and
 * with Micrometer's meters ({@code _metered}, a {@code SimpleMeterRegistry}), on the same pool and fixture as
 * {@link SingleRowBenchmark}. {@code -prof gc} shows the bytes per call the timer adds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class ObserverOverheadBenchmark extends EngineParam {

    private static final int TRADES = Fixtures.SINGLE_ROW_TRADES;

    private BenchDatabase db;
    private String[] tradeIds;
    private int next;
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        db = BenchDatabase.small(engine());
        tradeIds = new String[TRADES];
        for (int i = 0; i < TRADES; i++) {
            tradeIds[i] = "TRD-G" + (i + 1);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        db.close();
    }

    private String nextTradeId() {
        next = (next + 1) % TRADES;
        return tradeIds[next];
    }

    @Benchmark
    public Trade getTrade_plain() {
        return db.fcn.trades().get(nextTradeId());
    }

    @Benchmark
    public Trade getTrade_metered() {
        return db.meteredFcn.trades().get(nextTradeId());
    }

    @Benchmark
    public Trade bookTrade_plain() {
        return db.fcn.trades().book(BenchDatabase.newTrade("TRD-OP" + (++sequence)));
    }

    @Benchmark
    public Trade bookTrade_metered() {
        return db.meteredFcn.trades().book(BenchDatabase.newTrade("TRD-OM" + (++sequence)));
    }
}
