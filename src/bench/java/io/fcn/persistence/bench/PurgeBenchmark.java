package io.fcn.persistence.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

/**
 * Purges {@value #KEYS} expired idempotency keys in {@code DELETE TOP (n)} batches of {@value #BATCH}, each batch
 * auto-committed: one shot per iteration, the keys rebuilt before each (not measured).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PurgeBenchmark {

    static final int KEYS = 100_000;
    static final int BATCH = 5_000;
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final String PURGE_SQL = "DELETE TOP (?) FROM fcn_idempotency_key WHERE expires_at <= ?";

    private BenchDatabase db;

    @Setup(Level.Trial)
    public void setUp() {
        db = new BenchDatabase();
    }

    @Setup(Level.Iteration)
    public void expiredKeys() {
        db.execute("DELETE FROM fcn_idempotency_key");
        db.execute("INSERT INTO fcn_idempotency_key (key_hash, request_fingerprint, request_method, request_path,"
                + " state, response_status, response_snapshot, created_at, expires_at)"
                + " SELECT CONCAT('k', \"X\"), 'f', 'POST', '/v1/trades', 'completed', 201, '{}',"
                + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00'"
                + " FROM SYSTEM_RANGE(1, " + KEYS + ")");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public int purge100k_library() {
        int purged = db.fcn.idempotency().purgeExpired(NOW, BATCH);
        if (purged != KEYS) {
            throw new IllegalStateException("purged " + purged);
        }
        return purged;
    }

    @Benchmark
    public int purge100k_jdbc() throws SQLException {
        int total = 0;
        int deleted;
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(PURGE_SQL)) {
            do {
                ps.setInt(1, BATCH);
                ps.setObject(2, NOW);
                deleted = ps.executeUpdate();
                total += deleted;
            } while (deleted == BATCH);
        }
        if (total != KEYS) {
            throw new IllegalStateException("purged " + total);
        }
        return total;
    }
}
