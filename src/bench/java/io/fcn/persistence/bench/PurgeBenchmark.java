package io.fcn.persistence.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

/**
 * Purges {@value #KEYS} expired idempotency keys in {@code DELETE TOP (n)} batches of {@code batch} rows, each batch
 * auto-committed: one shot per iteration, fresh keys before each (not measured; {@link BenchDatabase#purge}).
 * A shot takes seconds and the fresh keys cost more than the shot on some engines, so by default each side runs
 * one shot: no warm-up, no error bar (more with {@code -wi}/{@code -i}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class PurgeBenchmark extends EngineParam {

    static final int KEYS = Fixtures.PURGE_KEYS;

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final String PURGE_SQL = "DELETE TOP (?) FROM fcn_idempotency_key WHERE expires_at <= ?";

    /** Rows per {@code DELETE TOP}: IdempotencyRepository.PURGE_BATCH_MAX, the largest the library accepts. */
    @Param("100000")
    public int batch;

    private BenchDatabase db;

    @Setup(Level.Iteration)
    public void expiredKeys() {
        db = BenchDatabase.purge(engine());
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public int purge1m_library() {
        return allPurged(db.fcn.idempotency().purgeExpired(NOW, batch));
    }

    /**
     * As the library runs it (the trace of its gap): the same statement and binds, but a connection from the pool
     * and a new statement for each batch, where {@link #purge1m_jdbc} holds one of each for the whole purge.
     */
    @Benchmark
    public int purge1m_jdbcPerBatch() throws SQLException {
        int total = 0;
        int deleted;
        do {
            try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(PURGE_SQL)) {
                deleted = deleteBatch(ps);
                total += deleted;
            }
        } while (deleted == batch);
        return allPurged(total);
    }

    @Benchmark
    public int purge1m_jdbc() throws SQLException {
        int total = 0;
        int deleted;
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(PURGE_SQL)) {
            do {
                deleted = deleteBatch(ps);
                total += deleted;
            } while (deleted == batch);
        }
        return allPurged(total);
    }

    /** One {@code DELETE TOP (batch)}; the rows it deleted. */
    private int deleteBatch(PreparedStatement ps) throws SQLException {
        ps.setInt(1, batch);
        ps.setObject(2, NOW);
        return ps.executeUpdate();
    }

    /** {@code purged}, which must be every expired key: a shot that purged fewer measured something else. */
    private static int allPurged(int purged) {
        if (purged != KEYS) {
            throw new IllegalStateException("purged " + purged);
        }
        return purged;
    }
}
