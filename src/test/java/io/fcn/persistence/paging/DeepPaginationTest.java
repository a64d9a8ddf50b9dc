package io.fcn.persistence.paging;

import static io.fcn.persistence.jooq.Tables.FCN_LIFECYCLE_EVENT;
import static io.fcn.persistence.jooq.Tables.FCN_TRADE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.lifecycle.LifecycleEventFilter;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.trade.Trade;
import io.fcn.persistence.trade.TradeFilter;
import io.fcn.persistence.trade.TradeFixtures;
import io.fcn.persistence.types.TradeStatus;

/**
 * Lists of 10,000 rows: keyset walks return every row exactly once and in order, even with rows added mid-walk;
 * numbered pages report the right totals. Rows are inserted with one JDBC batch, not one repository call each.
 */
@AllEngines
class DeepPaginationTest {

    private static final int ROWS = 10_000;
    private static final LocalDate FIRST_DATE = LocalDate.of(2026, 2, 1);

    private static String tradeId(int i) {
        return String.format("TR-%05d", i);
    }

    /** Trades 1..n in id order, every 40th on template B, the rest on A; all active. */
    private static void insertTrades(FcnPersistence db, int from, int to) {
        DSLContext dsl = db.dsl();
        OffsetDateTime now = db.now();
        BatchBindStep batch = dsl.batch(dsl.insertInto(FCN_TRADE)
                .set(FCN_TRADE.TRADE_ID, (String) null)
                .set(FCN_TRADE.TEMPLATE_ID, (String) null)
                .set(FCN_TRADE.SPEC_VERSION, TradeFixtures.SPEC)
                .set(FCN_TRADE.TRADE_DATE, TradeFixtures.TRADE_DATE)
                .set(FCN_TRADE.MATURITY_DATE, TradeFixtures.MATURITY)
                .set(FCN_TRADE.NOTIONAL, BigDecimal.ONE)
                .set(FCN_TRADE.CURRENCY, "USD")
                .set(FCN_TRADE.STATUS, TradeStatus.ACTIVE)
                .set(FCN_TRADE.AUTOCALL_TRIGGERED, false)
                .set(FCN_TRADE.KI_TRIGGERED, false)
                .set(FCN_TRADE.TRADE_PARAMS, "{}")
                .set(FCN_TRADE.VERSION, 0)
                .set(FCN_TRADE.CREATED_AT, now)
                .set(FCN_TRADE.UPDATED_AT, now));
        for (int i = from; i <= to; i++) {
            batch.bind(tradeId(i), i % 40 == 0 ? "B" : "A", TradeFixtures.SPEC, TradeFixtures.TRADE_DATE,
                    TradeFixtures.MATURITY, BigDecimal.ONE, "USD", TradeStatus.ACTIVE, false, false, "{}", 0,
                    now, now);
        }
        db.inTransaction(() -> {
            batch.execute();
        });
    }

    private static void templates(FcnPersistence db) {
        TradeFixtures.activeTemplate(db, "A");
        TradeFixtures.activeTemplate(db, "B");
    }

    private static <T> List<T> walk(Function<KeysetRequest, KeysetPage<T>> list, int limit, List<Integer> pageSizes,
            Runnable afterSecondPage) {
        List<T> all = new ArrayList<>();
        KeysetPage<T> page = list.apply(KeysetRequest.first(limit));
        while (true) {
            all.addAll(page.items());
            pageSizes.add(page.items().size());
            if (pageSizes.size() == 2) {
                afterSecondPage.run();
            }
            if (!page.hasNext()) {
                return all;
            }
            page = list.apply(KeysetRequest.after(page.nextCursor().get(), limit));
        }
    }

    @Test
    void aKeysetWalkOverTenThousandTradesReturnsEachOnceInOrder(FcnPersistence db) {
        templates(db);
        insertTrades(db, 1, ROWS);
        List<Integer> pageSizes = new ArrayList<>();

        List<String> walked = walk(r -> db.trades().list(TradeFilter.byStatus(TradeStatus.ACTIVE), r), 997, pageSizes,
                // Rows added behind the cursor's position neither shift nor repeat what follows.
                () -> insertTrades(db, ROWS + 1, ROWS + 5))
                .stream().map(Trade::tradeId).toList();

        List<String> expected = IntStream.rangeClosed(1, ROWS + 5).mapToObj(DeepPaginationTest::tradeId).toList();
        assertEquals(expected.size(), walked.size());
        assertEquals(expected, walked, "every row exactly once, in id order");
        assertEquals(11, pageSizes.size());
        assertTrue(pageSizes.subList(0, 10).stream().allMatch(n -> n == 997), pageSizes::toString);
        assertEquals(ROWS + 5 - 10 * 997, pageSizes.get(10));
    }

    @Test
    void numberedPagesOverTenThousandTradesCarryTheTotals(FcnPersistence db) {
        templates(db);
        insertTrades(db, 1, ROWS);

        Page<Trade> last = db.trades().list(TradeFilter.byStatus(TradeStatus.ACTIVE), PageRequest.of(100, 100));
        assertEquals(ROWS, last.totalItems());
        assertEquals(100, last.totalPages());
        assertEquals(IntStream.rangeClosed(9901, 10_000).mapToObj(DeepPaginationTest::tradeId).toList(),
                last.items().stream().map(Trade::tradeId).toList());

        Page<Trade> beyond = db.trades().list(TradeFilter.byStatus(TradeStatus.ACTIVE), PageRequest.of(101, 100));
        assertEquals(List.of(), beyond.items());
        assertEquals(ROWS, beyond.totalItems());

        Page<Trade> onB = db.trades().list(TradeFilter.byTemplate("B"), PageRequest.of(3, 100));
        assertEquals(250, onB.totalItems());
        assertEquals(3, onB.totalPages());
        assertEquals(50, onB.items().size());
        assertEquals(tradeId(201 * 40), onB.items().get(0).tradeId());
    }

    @Test
    void aKeysetWalkOverTenThousandEventsInADateRangeReturnsEachOnceByDateThenEventOrder(FcnPersistence db) {
        templates(db);
        insertTrades(db, 1, 3);
        DSLContext dsl = db.dsl();
        OffsetDateTime now = db.now();
        BatchBindStep batch = dsl.batch(dsl.insertInto(FCN_LIFECYCLE_EVENT)
                .set(FCN_LIFECYCLE_EVENT.TRADE_ID, (String) null)
                .set(FCN_LIFECYCLE_EVENT.EVENT_TYPE, (LifecycleEventType) null)
                .set(FCN_LIFECYCLE_EVENT.EVENT_DATE, (LocalDate) null)
                .set(FCN_LIFECYCLE_EVENT.EVENT_PAYLOAD, (String) null)
                .set(FCN_LIFECYCLE_EVENT.CREATED_AT, now));
        // Dates cycle over nine days, so a date's events are spread over the whole id range; days 0 and 8 lie
        // outside the listed range.
        for (int i = 0; i < ROWS; i++) {
            batch.bind(tradeId(1 + i % 3), LifecycleEventType.OBSERVATION_POSTED, FIRST_DATE.plusDays(i % 9),
                    "{\"n\":" + i + "}", now);
        }
        db.inTransaction(() -> {
            batch.execute();
        });

        LifecycleEventFilter range = LifecycleEventFilter.byDateRange(FIRST_DATE.plusDays(1), FIRST_DATE.plusDays(7));
        List<Integer> pageSizes = new ArrayList<>();
        List<String> walked = walk(r -> db.lifecycleEvents().list(range, r), 1000, pageSizes, () -> { })
                .stream().map(LifecycleEvent::payload).toList();

        List<String> expected = IntStream.range(0, ROWS).boxed()
                .filter(i -> i % 9 >= 1 && i % 9 <= 7)
                .sorted(Comparator.comparing((Integer i) -> i % 9).thenComparing(i -> i))
                .map(i -> "{\"n\":" + i + "}")
                .toList();
        assertTrue(expected.size() > 7000);
        assertEquals(expected, walked, "every event in the range exactly once, by date then event order");
    }
}
