package io.fcn.persistence.bench;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.observation.ObservationBatchResult;
import io.fcn.persistence.observation.ObservationType;

/**
 * 10,000 new observations per call (10 trades × 1,000 dates), recorded in one batch: milliseconds per batch
 * (rows/s = 10,000 / that). The table is emptied before every iteration so each one starts alike.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ObservationBatchBenchmark {

    static final int ROWS = 10_000;
    private static final int TRADES = 10;
    private static final LocalDate START = LocalDate.of(2000, 1, 1);

    private BenchDatabase db;
    private HandWrittenJdbc jdbc;
    private int call;

    @Setup(Level.Trial)
    public void setUp() {
        db = new BenchDatabase();
        jdbc = new HandWrittenJdbc(db.dataSource());
        for (int t = 1; t <= TRADES; t++) {
            db.fcn.trades().book(BenchDatabase.newTrade("TRD-O" + t));
        }
    }

    @Setup(Level.Iteration)
    public void emptyTable() {
        db.execute("DELETE FROM fcn_observation");
        call = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    /** New keys on every call: dates move on by 1,000 days per call. */
    private List<Observation> nextBatch() {
        LocalDate first = START.plusDays((long) call++ * (ROWS / TRADES));
        List<Observation> rows = new ArrayList<>(ROWS);
        for (int d = 0; d < ROWS / TRADES; d++) {
            for (int t = 1; t <= TRADES; t++) {
                rows.add(new Observation("TRD-O" + t, first.plusDays(d), ObservationType.COUPON,
                        "{\"AAPL\": 182.5, \"MSFT\": 410.1}", false, true, false, null));
            }
        }
        return rows;
    }

    @Benchmark
    public ObservationBatchResult record10k_library() {
        return db.fcn.observations().recordAll(nextBatch());
    }

    @Benchmark
    public int record10k_jdbc() throws SQLException {
        return jdbc.recordAll(nextBatch());
    }
}
