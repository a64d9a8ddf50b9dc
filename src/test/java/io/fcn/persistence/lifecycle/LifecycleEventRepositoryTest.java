package io.fcn.persistence.lifecycle;

import static io.fcn.persistence.jooq.Tables.FCN_LIFECYCLE_EVENT;
import static io.fcn.persistence.trade.TradeFixtures.bookedTrade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.paging.KeysetPage;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.Page;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.jooq.tables.FcnLifecycleEvent;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.support.GoldenSql;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.exceptions.DatabaseException;
import java.util.Set;
import java.util.EnumSet;
import java.util.Map;
import java.util.EnumMap;

@AllEngines
class LifecycleEventRepositoryTest {

    private static final LocalDate D1 = LocalDate.of(2026, 2, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 2, 2);
    private static final LocalDate D3 = LocalDate.of(2026, 2, 3);

    private static String payload(int n) {
        return "{\"n\":" + n + "}";
    }

    private static List<String> payloads(List<LifecycleEvent> events) {
        return events.stream().map(LifecycleEvent::payload).toList();
    }

    @Test
    void appendsAnEventAndListsItInTheTradesHistory(FcnPersistence db, FcnTestClock clock) {
        bookedTrade(db, "TR-1");
        clock.advance(Duration.ofHours(2));
        LifecycleEvent appended = db.lifecycleEvents().append("TR-1", LifecycleEventType.COUPON_PAID, D1,
                "{\"amount\":1250.5,\"note\":\"คูปอง\"}");

        assertEquals(new LifecycleEvent("TR-1", LifecycleEventType.COUPON_PAID, D1,
                "{\"amount\":1250.5,\"note\":\"คูปอง\"}", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)),
                appended);
        List<LifecycleEvent> history = db.lifecycleEvents().history("tr-1");
        assertEquals(2, history.size());
        assertEquals(LifecycleEventType.CREATED, history.get(0).type());
        assertEquals(appended, history.get(1));
    }

    /** Every type of the schema round-trips: appended where append may write it, stored as text otherwise. */
    @Test
    void everyTypeOfTheSchemaRoundTrips(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        for (LifecycleEventType type : LifecycleEventType.values()) {
            if (APPENDABLE.contains(type)) {
                db.lifecycleEvents().append("TR-1", type, D1, "[]");
            } else {
                insertStored(db, "TR-1", type.getLiteral());
            }
        }
        List<LifecycleEventType> read = db.lifecycleEvents().history("TR-1").stream().skip(1)
                .map(LifecycleEvent::type).toList();
        assertEquals(Arrays.asList(LifecycleEventType.values()), read);
        assertEquals(13, LifecycleEventType.values().length);
    }

    private static final Set<LifecycleEventType> APPENDABLE =
            EnumSet.of(LifecycleEventType.OBSERVATION_POSTED, LifecycleEventType.COUPON_PAID);

    /**
     * The history never contradicts the trade: what a trade change writes is written only by that change, and the
     * first revision's names are read, never written. Each refusal names the call to make, and writes nothing.
     */
    @Test
    void appendRefusesWhatOnlyATradeChangeWrites(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        Map<LifecycleEventType, String> calls = new EnumMap<>(LifecycleEventType.class);
        calls.put(LifecycleEventType.CREATED, "trades().book");
        calls.put(LifecycleEventType.KNOCKED_IN, "trades().knockIn");
        calls.put(LifecycleEventType.KNOCKED_OUT, "trades().knockOut");
        calls.put(LifecycleEventType.AUTOCALLED, "trades().autocall");
        calls.put(LifecycleEventType.MATURED, "trades().mature");
        calls.put(LifecycleEventType.TERMINATED, "trades().terminate");
        calls.put(LifecycleEventType.SETTLED, "trades().settle");
        calls.put(LifecycleEventType.AUTOCALL, "trades().autocall");
        calls.put(LifecycleEventType.KI_BREACH, "trades().knockIn");
        calls.put(LifecycleEventType.MATURITY, "trades().mature");
        calls.put(LifecycleEventType.COUPON_PAYMENT, "coupon_paid");
        for (LifecycleEventType type : LifecycleEventType.values()) {
            if (APPENDABLE.contains(type)) {
                continue;
            }
            ValidationException e = assertThrows(ValidationException.class,
                    () -> db.lifecycleEvents().append("TR-1", type, D1, "{}"), type.name());
            assertEquals("event_type", e.field());
            assertTrue(e.getMessage().contains(calls.get(type)), e.getMessage());
        }
        assertEquals(List.of(LifecycleEventType.CREATED),
                db.lifecycleEvents().history("TR-1").stream().map(LifecycleEvent::type).toList());
        assertEquals(APPENDABLE.size() + calls.size(), LifecycleEventType.values().length,
                "every type is either appendable or refused with its call");
    }

    /** Rows the first revision wrote, inserted as the text it stored: jOOQ's enum converter reads its names. */
    @Test
    void theFirstRevisionsTypesReadFromTheirStoredText(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        for (String stored : List.of("autocall", "coupon_payment", "ki_breach", "maturity")) {
            insertStored(db, "TR-1", stored);
        }
        List<LifecycleEventType> read = db.lifecycleEvents().history("TR-1").stream().skip(1)
                .map(LifecycleEvent::type).toList();
        assertEquals(List.of(LifecycleEventType.AUTOCALL, LifecycleEventType.COUPON_PAYMENT,
                LifecycleEventType.KI_BREACH, LifecycleEventType.MATURITY), read);
    }

    /**
     * The case-insensitive collation lets 'KI_BREACH' past the CHECK (ConstraintsTest); no type is stored so, and
     * reading it fails naming the column rather than returning an event without a type.
     */
    @Test
    void aStoredTextNoTypeHasFailsTheRead(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        insertStored(db, "TR-1", "KI_BREACH");
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> db.lifecycleEvents().history("TR-1"));
        assertTrue(e.getMessage().contains("event_type") && e.getMessage().contains("LifecycleEventType"),
                e.getMessage());
    }

    private static void insertStored(FcnPersistence db, String tradeId, String eventType) {
        FcnLifecycleEvent e = FCN_LIFECYCLE_EVENT;
        db.dsl().insertInto(e, e.TRADE_ID, DSL.field(e.EVENT_TYPE.getUnqualifiedName(), SQLDataType.VARCHAR),
                        e.EVENT_DATE, e.EVENT_PAYLOAD, e.CREATED_AT)
                .values(tradeId, eventType, D1, "{}", db.now())
                .execute();
    }

    @Test
    void appendingToAMissingTradeIsNotFoundAndWritesNothing(FcnPersistence db) {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> db.lifecycleEvents().append("NOPE", LifecycleEventType.COUPON_PAID, D1, "{}"));
        assertEquals("trade", e.entity());
        assertEquals("NOPE", e.key());
        assertEquals(List.of(), db.lifecycleEvents().history("NOPE"));
    }

    @Test
    void badInputFailsBeforeAnySql(FcnPersistence db, TsqlGuardListener guard) {
        bookedTrade(db, "TR-1");
        int before = guard.executed().size();
        LifecycleEventRepository events = db.lifecycleEvents();
        assertEquals("event_payload", assertThrows(ValidationException.class,
                () -> events.append("TR-1", LifecycleEventType.COUPON_PAID, D1, "{\"a\":")).field());
        assertEquals("event_payload", assertThrows(ValidationException.class,
                () -> events.append("TR-1", LifecycleEventType.COUPON_PAID, D1, "42")).field());
        assertEquals("event_payload", assertThrows(ValidationException.class,
                () -> events.append("TR-1", LifecycleEventType.COUPON_PAID, D1, null)).field());
        assertEquals("event_type", assertThrows(ValidationException.class,
                () -> events.append("TR-1", null, D1, "{}")).field());
        assertEquals("event_date", assertThrows(ValidationException.class,
                () -> events.append("TR-1", LifecycleEventType.COUPON_PAID, null, "{}")).field());
        assertEquals("trade_id", assertThrows(ValidationException.class,
                () -> events.append(" TR-1", LifecycleEventType.COUPON_PAID, D1, "{}")).field());
        assertEquals("to", assertThrows(ValidationException.class,
                () -> LifecycleEventFilter.byDateRange(D2, D1)).field());
        assertEquals("event_type", assertThrows(ValidationException.class,
                () -> LifecycleEventFilter.byTradeAndType("TR-1", null)).field());
        assertEquals(before, guard.executed().size(), "no statement ran");
    }

    @Test
    void listsByTradeAndByTradeAndTypeInEventOrder(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        bookedTrade(db, "TR-2");
        // Appended out of date order: event order is append order.
        db.lifecycleEvents().append("TR-1", LifecycleEventType.COUPON_PAID, D3, payload(1));
        db.lifecycleEvents().append("TR-2", LifecycleEventType.COUPON_PAID, D1, payload(2));
        db.lifecycleEvents().append("TR-1", LifecycleEventType.OBSERVATION_POSTED, D1, payload(3));
        db.lifecycleEvents().append("TR-1", LifecycleEventType.COUPON_PAID, D2, payload(4));

        List<LifecycleEvent> byTrade = all(db, LifecycleEventFilter.byTrade("TR-1"));
        assertEquals(List.of(LifecycleEventType.CREATED, LifecycleEventType.COUPON_PAID,
                LifecycleEventType.OBSERVATION_POSTED, LifecycleEventType.COUPON_PAID),
                byTrade.stream().map(LifecycleEvent::type).toList());
        assertEquals(byTrade, db.lifecycleEvents().history("TR-1"));

        assertEquals(List.of(payload(1), payload(4)),
                payloads(all(db, LifecycleEventFilter.byTradeAndType("TR-1", LifecycleEventType.COUPON_PAID))));
        assertEquals(List.of(), all(db, LifecycleEventFilter.byTradeAndType("TR-1", LifecycleEventType.SETTLED)));
    }

    @Test
    void listsADateRangeInclusivelyByDateThenEventOrder(FcnPersistence db) {
        bookedTrade(db, "TR-1");        // its created event is dated 2026-01-15, outside the range
        db.lifecycleEvents().append("TR-1", LifecycleEventType.COUPON_PAID, D3, payload(1));
        db.lifecycleEvents().append("TR-1", LifecycleEventType.COUPON_PAID, D1, payload(2));
        db.lifecycleEvents().append("TR-1", LifecycleEventType.COUPON_PAID, D3.plusDays(1), payload(3));
        db.lifecycleEvents().append("TR-1", LifecycleEventType.COUPON_PAID, D1, payload(4));
        db.lifecycleEvents().append("TR-1", LifecycleEventType.COUPON_PAID, D2, payload(5));

        assertEquals(List.of(payload(2), payload(4), payload(5), payload(1)),
                payloads(all(db, LifecycleEventFilter.byDateRange(D1, D3))));
        assertEquals(List.of(payload(5)), payloads(all(db, LifecycleEventFilter.byDateRange(D2, D2))));
    }

    @Test
    void dateRangePagesContinueWithinADateAndAcrossDates(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        for (int i = 0; i < 9; i++) {
            db.lifecycleEvents().append("TR-1", LifecycleEventType.OBSERVATION_POSTED, List.of(D3, D1, D2).get(i % 3),
                    payload(i));
        }
        LifecycleEventFilter range = LifecycleEventFilter.byDateRange(D1, D3);
        List<String> walked = new ArrayList<>();
        KeysetPage<LifecycleEvent> page = db.lifecycleEvents().list(range, KeysetRequest.first(2));
        walked.addAll(payloads(page.items()));
        while (page.hasNext()) {
            page = db.lifecycleEvents().list(range, KeysetRequest.after(page.nextCursor().get(), 2));
            walked.addAll(payloads(page.items()));
        }
        // D1: 1, 4, 7; D2: 2, 5, 8; D3: 0, 3, 6.
        assertEquals(List.of(1, 4, 7, 2, 5, 8, 0, 3, 6).stream().map(LifecycleEventRepositoryTest::payload).toList(),
                walked);
        assertEquals("cursor", assertThrows(ValidationException.class,
                () -> db.lifecycleEvents().list(range, KeysetRequest.after("12", 2))).field());
        assertEquals("cursor", assertThrows(ValidationException.class,
                () -> db.lifecycleEvents().list(range, KeysetRequest.after("2026-13-01/3", 2))).field());
    }

    @Test
    void theDateRangeSeekIsPinned(FcnPersistence db, TsqlGuardListener guard) {
        bookedTrade(db, "TR-1");
        db.lifecycleEvents().append("TR-1", LifecycleEventType.OBSERVATION_POSTED, D2, payload(1));
        db.lifecycleEvents().append("TR-1", LifecycleEventType.OBSERVATION_POSTED, D2, payload(2));
        LifecycleEventFilter range = LifecycleEventFilter.byDateRange(D1, D3);
        String cursor = db.lifecycleEvents().list(range, KeysetRequest.first(1)).nextCursor().orElseThrow();
        db.lifecycleEvents().list(range, KeysetRequest.after(cursor, 50));
        String columns = "\"fcn_lifecycle_event\".\"id\", \"fcn_lifecycle_event\".\"trade_id\", "
                + "\"fcn_lifecycle_event\".\"event_type\", \"fcn_lifecycle_event\".\"event_date\", "
                + "\"fcn_lifecycle_event\".\"event_payload\", \"fcn_lifecycle_event\".\"created_at\"";
        GoldenSql.assertExecuted(guard, "select " + columns + " from \"fcn_lifecycle_event\" "
                + "where (\"fcn_lifecycle_event\".\"event_date\" between ? and ? "
                + "and \"fcn_lifecycle_event\".\"event_date\" >= ? "
                + "and (\"fcn_lifecycle_event\".\"event_date\" > ? or \"fcn_lifecycle_event\".\"id\" > ?)) "
                + "order by \"fcn_lifecycle_event\".\"event_date\" asc, \"fcn_lifecycle_event\".\"id\" asc "
                + "offset ? rows fetch next ? rows only");
    }

    @Test
    void numberedPagesCarryTheTotals(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        for (int i = 1; i <= 4; i++) {
            db.lifecycleEvents().append("TR-1", LifecycleEventType.COUPON_PAID, D1, payload(i));
        }
        LifecycleEventFilter filter = LifecycleEventFilter.byTrade("TR-1");     // 5 events with the created one
        Page<LifecycleEvent> second = db.lifecycleEvents().list(filter, PageRequest.of(2, 2));
        assertEquals(List.of(payload(2), payload(3)), payloads(second.items()));
        assertEquals(5, second.totalItems());
        assertEquals(3, second.totalPages());
        assertTrue(second.hasNext());
        Page<LifecycleEvent> beyond = db.lifecycleEvents().list(filter, PageRequest.of(4, 2));
        assertEquals(List.of(), beyond.items());
        assertEquals(5, beyond.totalItems());
        assertFalse(beyond.hasNext());
    }

    private static List<LifecycleEvent> all(FcnPersistence db, LifecycleEventFilter filter) {
        List<LifecycleEvent> keyset = db.lifecycleEvents().list(filter, KeysetRequest.first(1000)).items();
        assertEquals(keyset, db.lifecycleEvents().list(filter, PageRequest.of(1, 100)).items(),
                "both kinds of page show the same order");
        return keyset;
    }
}
