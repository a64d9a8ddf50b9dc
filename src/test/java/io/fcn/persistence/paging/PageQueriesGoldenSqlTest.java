package io.fcn.persistence.paging;

import static io.fcn.persistence.jooq.Tables.FCN_TRADE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.jooq.tables.records.FcnTradeRecord;
import io.fcn.persistence.support.GoldenSql;
import io.fcn.persistence.types.TradeStatus;

/** The page queries as the production dialect renders them, and the page requests' rules. */
class PageQueriesGoldenSqlTest {

    private static final DSLContext CTX = DSL.using(SQLDialect.DEFAULT, FcnPersistence.Builder.defaultSettings());
    private static final String TRADE_COLUMNS = "\"fcn_trade\".\"id\", \"fcn_trade\".\"trade_id\", "
            + "\"fcn_trade\".\"template_id\", \"fcn_trade\".\"spec_version\", \"fcn_trade\".\"trade_date\", "
            + "\"fcn_trade\".\"maturity_date\", \"fcn_trade\".\"notional\", \"fcn_trade\".\"currency\", "
            + "\"fcn_trade\".\"status\", \"fcn_trade\".\"autocall_triggered\", \"fcn_trade\".\"ki_triggered\", "
            + "\"fcn_trade\".\"trade_params\", \"fcn_trade\".\"created_at\", \"fcn_trade\".\"updated_at\", "
            + "\"fcn_trade\".\"termination_date\", \"fcn_trade\".\"version\"";

    @Test
    void aKeysetPageIsASeekPastTheCursorInIdOrderWithoutSkippingRows() {
        KeysetOrder<FcnTradeRecord> order = KeysetOrder.byId(FCN_TRADE.ID);
        GoldenSql.assertRenders("select " + TRADE_COLUMNS + " from \"fcn_trade\" "
                + "where (\"fcn_trade\".\"status\" = ? and \"fcn_trade\".\"id\" > ?) "
                + "order by \"fcn_trade\".\"id\" asc offset ? rows fetch next ? rows only",
                PageQueries.keysetQuery(CTX, FCN_TRADE, FCN_TRADE.STATUS.eq(TradeStatus.ACTIVE).and(order.after("41")),
                        order, 101));
    }

    @Test
    void theFirstKeysetPageHasNoSeek() {
        KeysetOrder<FcnTradeRecord> order = KeysetOrder.byId(FCN_TRADE.ID);
        GoldenSql.assertRenders("select " + TRADE_COLUMNS + " from \"fcn_trade\" "
                + "where \"fcn_trade\".\"template_id\" = ? "
                + "order by \"fcn_trade\".\"id\" asc offset ? rows fetch next ? rows only",
                PageQueries.keysetQuery(CTX, FCN_TRADE, FCN_TRADE.TEMPLATE_ID.eq("T").and(DSL.noCondition()), order,
                        11));
    }

    @Test
    void aListWithinPinnedColumnsOrdersByThemBeforeTheIdAndSeeksOnTheIdAlone() {
        KeysetOrder<FcnTradeRecord> order = KeysetOrder.byIdWithin(FCN_TRADE.ID, FCN_TRADE.SPEC_VERSION,
                FCN_TRADE.STATUS);
        GoldenSql.assertRenders("select " + TRADE_COLUMNS + " from \"fcn_trade\" "
                + "where (\"fcn_trade\".\"spec_version\" = ? and \"fcn_trade\".\"status\" = ? "
                + "and \"fcn_trade\".\"id\" > ?) "
                + "order by \"fcn_trade\".\"spec_version\" asc, \"fcn_trade\".\"status\" asc, "
                + "\"fcn_trade\".\"id\" asc offset ? rows fetch next ? rows only",
                PageQueries.keysetQuery(CTX, FCN_TRADE, FCN_TRADE.SPEC_VERSION.eq("1.0")
                        .and(FCN_TRADE.STATUS.eq(TradeStatus.ACTIVE)).and(order.after("41")), order, 101));
    }

    @Test
    void idCursorsAreValidated() {
        assertEquals(41, KeysetOrder.parseId("41"));
        for (String bad : new String[] {"", "-1", "x", "1.5", "99999999999"}) {
            assertEquals("cursor", assertThrows(ValidationException.class, () -> KeysetOrder.parseId(bad)).field());
        }
    }

    @Test
    void numberedPagesAreOneToAHundredRowsFromPageOne() {
        assertEquals(200, PageRequest.of(3, 100).offset());
        assertEquals(0, PageRequest.of(1, 1).offset());
        assertEquals("page", assertThrows(ValidationException.class, () -> PageRequest.of(0, 10)).field());
        assertEquals("limit", assertThrows(ValidationException.class, () -> PageRequest.of(1, 0)).field());
        assertEquals("limit", assertThrows(ValidationException.class, () -> PageRequest.of(1, 101)).field());
        assertEquals((long) (Integer.MAX_VALUE - 1) * 100,
                PageRequest.of(Integer.MAX_VALUE, 100).offset(), "no int overflow");
    }

    @Test
    void keysetPagesAreOneToAThousandRows() {
        assertEquals(Optional.empty(), KeysetRequest.first(1000).cursor());
        assertEquals(Optional.of("7"), KeysetRequest.after("7", 1).cursor());
        assertEquals("limit", assertThrows(ValidationException.class, () -> KeysetRequest.first(0)).field());
        assertEquals("limit", assertThrows(ValidationException.class, () -> KeysetRequest.first(1001)).field());
        assertEquals("cursor", assertThrows(ValidationException.class, () -> KeysetRequest.after(null, 1)).field());
    }
}
