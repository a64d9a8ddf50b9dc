package io.fcn.persistence.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.paging.KeysetPage;
import io.fcn.persistence.paging.Page;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.support.GoldenSql;
import io.fcn.persistence.types.TradeStatus;

/**
 * A list of trades by status is ordered by (status, id): the booking order, and the order of
 * {@code ix_fcn_trade_status_id}, which the embedded engine then reads in order instead of sorting every row after
 * the cursor (the cost of a deep page would otherwise grow with the rows after it).
 */
@AllEngines
class TradeListOrderTest {

    private static final String KEYSET_BY_STATUS = "select \"fcn_trade\".\"id\", \"fcn_trade\".\"trade_id\", "
            + "\"fcn_trade\".\"template_id\", \"fcn_trade\".\"spec_version\", \"fcn_trade\".\"trade_date\", "
            + "\"fcn_trade\".\"maturity_date\", \"fcn_trade\".\"notional\", \"fcn_trade\".\"currency\", "
            + "\"fcn_trade\".\"status\", \"fcn_trade\".\"autocall_triggered\", \"fcn_trade\".\"ki_triggered\", "
            + "\"fcn_trade\".\"trade_params\", \"fcn_trade\".\"created_at\", \"fcn_trade\".\"updated_at\", "
            + "\"fcn_trade\".\"termination_date\", \"fcn_trade\".\"version\" from \"fcn_trade\" "
            + "where (\"fcn_trade\".\"status\" = ? and \"fcn_trade\".\"id\" > ?) "
            + "order by \"fcn_trade\".\"status\" asc, \"fcn_trade\".\"id\" asc offset ? rows fetch next ? rows only";

    @Test
    void aPageByStatusSeeksAndReadsTheStatusIndexInOrder(FcnPersistence db, TsqlGuardListener guard,
            Database database, DataSource dataSource) throws SQLException {
        TradeFixtures.activeTemplate(db, "A");
        for (int i = 1; i <= 30; i++) {
            db.trades().book(TradeFixtures.trade("TR-" + i, "A").build());
        }
        db.trades().knockIn("TR-12", 0, TradeFixtures.TRADE_DATE);
        KeysetPage<Trade> first = db.trades().list(TradeFilter.byStatus(TradeStatus.ACTIVE), KeysetRequest.first(10));

        KeysetPage<Trade> second = db.trades().list(TradeFilter.byStatus(TradeStatus.ACTIVE),
                KeysetRequest.after(first.nextCursor().orElseThrow(), 10));

        assertEquals(IntStream.rangeClosed(11, 21).filter(i -> i != 12).mapToObj(i -> "TR-" + i).toList(),
                second.items().stream().map(Trade::tradeId).toList(), "booking order, knocked-in trade left out");
        GoldenSql.assertExecuted(guard, KEYSET_BY_STATUS);
        if (database.family() == EngineFamily.H2) {
            // The cursor is opaque: the id it continues after is TR-10's.
            String plan = explain(dataSource, KEYSET_BY_STATUS, TradeStatus.ACTIVE.getLiteral(),
                    idOf(dataSource, "TR-10"), 0, 11);
            assertTrue(plan.contains("ix_fcn_trade_status_id") && plan.contains("/* index sorted */"), plan);
        }
    }

    @Test
    void numberedPagesByTemplateAndBySpecVersionKeepBookingOrder(FcnPersistence db) {
        TradeFixtures.activeTemplate(db, "A");
        TradeFixtures.activeTemplate(db, "B");
        for (int i = 1; i <= 12; i++) {
            db.trades().book(TradeFixtures.trade("TR-" + i, i % 3 == 0 ? "B" : "A").build());
        }

        List<String> onA = db.trades().list(TradeFilter.byTemplate("A"), PageRequest.of(2, 3))
                .items().stream().map(Trade::tradeId).toList();
        List<String> active = db.trades().list(TradeFilter.bySpecVersionAndStatus(TradeFixtures.SPEC,
                TradeStatus.ACTIVE), PageRequest.of(3, 4))
                .items().stream().map(Trade::tradeId).toList();

        assertEquals(List.of("TR-5", "TR-7", "TR-8"), onA);
        assertEquals(List.of("TR-9", "TR-10", "TR-11", "TR-12"), active);
    }

    @Test
    void everyTradeAndATemplatesTradesInOneStatusKeepBookingOrderAcrossPages(FcnPersistence db) {
        TradeFixtures.activeTemplate(db, "A");
        TradeFixtures.activeTemplate(db, "B");
        for (int i = 1; i <= 12; i++) {
            db.trades().book(TradeFixtures.trade("TR-" + i, i % 3 == 0 ? "B" : "A").build());
        }
        db.trades().knockIn("TR-4", 0, TradeFixtures.TRADE_DATE);
        db.trades().knockIn("TR-6", 0, TradeFixtures.TRADE_DATE);

        Page<Trade> all = db.trades().list(TradeFilter.all(), PageRequest.of(2, 5));
        assertEquals(List.of("TR-6", "TR-7", "TR-8", "TR-9", "TR-10"), ids(all.items()));
        assertEquals(12, all.totalItems());

        KeysetPage<Trade> first = db.trades().list(TradeFilter.byTemplateAndStatus("A", TradeStatus.ACTIVE),
                KeysetRequest.first(3));
        KeysetPage<Trade> second = db.trades().list(TradeFilter.byTemplateAndStatus("A", TradeStatus.ACTIVE),
                KeysetRequest.after(first.nextCursor().orElseThrow(), 3));
        assertEquals(List.of("TR-1", "TR-2", "TR-5"), ids(first.items()), "TR-4 knocked in, TR-3 on B");
        assertEquals(List.of("TR-7", "TR-8", "TR-10"), ids(second.items()));
        assertEquals(1, db.trades().list(TradeFilter.byTemplateAndStatus("B", TradeStatus.KNOCKED_IN),
                PageRequest.of(1, 10)).totalItems(), "TR-6");
    }

    private static List<String> ids(List<Trade> trades) {
        return trades.stream().map(Trade::tradeId).toList();
    }

    private static int idOf(DataSource dataSource, String tradeId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id from fcn_trade where trade_id = ?")) {
            ps.setString(1, tradeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String explain(DataSource dataSource, String sql, Object... binds) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < binds.length; i++) {
                ps.setObject(i + 1, binds[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
