package io.fcn.persistence.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

import io.fcn.persistence.paging.KeysetPage;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.Page;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.trade.Trade;
import io.fcn.persistence.trade.TradeFilter;
import io.fcn.persistence.types.TradeStatus;

/**
 * Pages of 50 trades (status = active, in booking order) over the {@value #TRADES} trades of the paging fixture
 * ({@link BenchDatabase#paging}, read only): the first page and a page {@value #DEEP} rows deep, as keyset pages and
 * as numbered OFFSET pages (which also count the list, as the library's numbered pages do). An OFFSET page takes up to
 * a second (the count reads the whole index, the deep page skips 900,000 rows): those run 1 + 3 iterations of
 * one or two pages each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class PagingBenchmark extends EngineParam {

    static final int TRADES = Fixtures.PAGING_TRADES;
    static final int DEEP = 900_000;
    private static final int LIMIT = 50;
    private static final TradeFilter ACTIVE = TradeFilter.byStatus(TradeStatus.ACTIVE);
    private static final String COLUMNS = "id, " + HandWrittenJdbc.TRADE_COLUMNS;
    // Ordered by (status, id), not id alone: the same rows in the same order under "status = ?", and the order of
    // ix_fcn_trade_status_id, which H2 only then reads as it is sorted (README "Performance"); as the library does.
    private static final String KEYSET_SQL = "SELECT " + COLUMNS + " FROM fcn_trade WHERE status = ? AND id > ?"
            + " ORDER BY status, id OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY";
    private static final String COUNT_SQL = "SELECT COUNT(*) FROM fcn_trade WHERE status = ?";
    private static final String OFFSET_SQL = "SELECT " + COLUMNS + " FROM fcn_trade WHERE status = ?"
            + " ORDER BY status, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";

    private BenchDatabase db;
    private String deepCursor;
    private int deepId;

    @Setup(Level.Trial)
    public void setUp() {
        db = BenchDatabase.paging(engine());
        // the last row before the deep page
        deepId = db.queryInt("SELECT id FROM fcn_trade WHERE status = 'active' ORDER BY status, id"
                + " OFFSET " + (DEEP - 1) + " ROWS FETCH NEXT 1 ROWS ONLY");
        deepCursor = cursorAfter(DEEP - 1);
    }

    /** Cursors are opaque: walked to, in the largest keyset pages. */
    private String cursorAfter(int rows) {
        KeysetPage<Trade> page = db.fcn.trades().list(ACTIVE,
                KeysetRequest.first(Math.min(rows, KeysetRequest.MAX_LIMIT)));
        int read = page.items().size();
        while (read < rows) {
            page = db.fcn.trades().list(ACTIVE, KeysetRequest.after(page.nextCursor().orElseThrow(),
                    Math.min(rows - read, KeysetRequest.MAX_LIMIT)));
            read += page.items().size();
        }
        return page.nextCursor().orElseThrow();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public KeysetPage<Trade> keysetFirst_library() {
        return db.fcn.trades().list(ACTIVE, KeysetRequest.first(LIMIT));
    }

    @Benchmark
    public KeysetPage<Trade> keysetDeep_library() {
        return db.fcn.trades().list(ACTIVE, KeysetRequest.after(deepCursor, LIMIT));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Page<Trade> offsetFirst_library() {
        return db.fcn.trades().list(ACTIVE, PageRequest.of(1, LIMIT));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Page<Trade> offsetDeep_library() {
        return db.fcn.trades().list(ACTIVE, PageRequest.of(DEEP / LIMIT + 1, LIMIT));
    }

    @Benchmark
    public List<Integer> keysetFirst_jdbc() throws SQLException {
        return keyset(0);
    }

    @Benchmark
    public List<Integer> keysetDeep_jdbc() throws SQLException {
        return keyset(deepId);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<Integer> offsetFirst_jdbc() throws SQLException {
        return offset(0);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<Integer> offsetDeep_jdbc() throws SQLException {
        return offset(DEEP);
    }

    /** One more row than the page, as the library asks for, to tell whether a next page exists. */
    private List<Integer> keyset(int afterId) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(KEYSET_SQL)) {
            ps.setString(1, TradeStatus.ACTIVE.getLiteral());
            ps.setInt(2, afterId);
            ps.setInt(3, LIMIT + 1);
            return read(ps);
        }
    }

    private List<Integer> offset(int offset) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement(COUNT_SQL)) {
                ps.setString(1, TradeStatus.ACTIVE.getLiteral());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            if (offset >= total) {
                return List.of();
            }
            try (PreparedStatement ps = c.prepareStatement(OFFSET_SQL)) {
                ps.setString(1, TradeStatus.ACTIVE.getLiteral());
                ps.setInt(2, offset);
                ps.setInt(3, LIMIT);
                return read(ps);
            }
        }
    }

    /** Reads every column of every row (as the library maps whole trades); returns the ids. */
    private static List<Integer> read(PreparedStatement ps) throws SQLException {
        List<Integer> ids = new ArrayList<>(LIMIT + 1);
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 2; i <= columns; i++) {
                    rs.getObject(i);
                }
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }
}
