package io.fcn.persistence.bench;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.observation.ObservationBatchResult;
import io.fcn.persistence.types.ObservationType;

/**
 * 10,000 new observations (10 trades × 1,000 dates) recorded in one call: one shot per iteration, the table
 * emptied before each so every shot does the same work; milliseconds per shot, rows/s = 10,000 / that. Four warm-up
 * shots before four measured ones: on H2 the library's shot settles after about four (the JIT), on a T-SQL engine a
 * shot takes seconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 4)
@Measurement(iterations = 4)
public class ObservationBatchBenchmark extends EngineParam {

    static final int ROWS = 10_000;
    private static final int TRADES = Fixtures.OBSERVATION_TRADES;
    private static final LocalDate START = LocalDate.of(2000, 1, 1);

    private BenchDatabase db;
    private HandWrittenJdbc jdbc;
    private List<Observation> batch;

    @Setup(Level.Trial)
    public void setUp() {
        db = BenchDatabase.small(engine());
        jdbc = new HandWrittenJdbc(db.dataSource());
        batch = observations();
    }

    @Setup(Level.Iteration)
    public void emptyTable() {
        db.execute("DELETE FROM fcn_observation");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    /** The same new rows for every shot (the table is empty before each), built once. */
    private static List<Observation> observations() {
        List<Observation> rows = new ArrayList<>(ROWS);
        for (int d = 0; d < ROWS / TRADES; d++) {
            for (int t = 1; t <= TRADES; t++) {
                rows.add(new Observation("TRD-O" + t, START.plusDays(d), ObservationType.COUPON,
                        "{\"AAPL\": 182.5, \"MSFT\": 410.1}", false, true, false, null));
            }
        }
        return rows;
    }

    @Benchmark
    public ObservationBatchResult record10k_library() {
        return db.fcn.observations().recordAll(batch);
    }

    @Benchmark
    public int record10k_jdbc() throws SQLException {
        return jdbc.recordAll(batch);
    }
}
