package io.fcn.persistence.paging;

import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;
import static io.fcn.persistence.jooq.Tables.FCN_TRADE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.jooq.tables.records.FcnTradeRecord;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.lifecycle.LifecycleEventFilter;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.template.Template;
import io.fcn.persistence.template.TemplateFilter;
import io.fcn.persistence.trade.Trade;
import io.fcn.persistence.trade.TradeFilter;
import io.fcn.persistence.trade.TradeFixtures;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.types.TemplateStatus;
import io.fcn.persistence.types.TradeStatus;

/**
 * Every keyset list of the library (trades, templates, lifecycle events, in each filter shape): its cursor is
 * opaque, works on its own list only, and a changed, truncated or foreign cursor is a {@link ValidationException}
 * on {@code cursor} that shows at most the cursor's first characters.
 */
@AllEngines
class KeysetCursorTest {

    private static final LocalDate D1 = LocalDate.of(2026, 2, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 2, 2);
    private static final LocalDate D3 = LocalDate.of(2026, 2, 3);

    /** A list: walked by keyset pages of {@code limit}, each item named. */
    interface KeysetList {
        KeysetPage<String> page(KeysetRequest request);
    }

    private static <T> KeysetList list(Function<KeysetRequest, KeysetPage<T>> pages, Function<T, String> name) {
        return request -> {
            KeysetPage<T> page = pages.apply(request);
            return new KeysetPage<>(page.items().stream().map(name).toList(), page.nextCursor());
        };
    }

    /** Templates A, B (spec 1.0, active), C, D (spec 2.0, draft); trades TR-1..TR-6, two knocked in; events. */
    private static Map<String, KeysetList> everyList(FcnPersistence db) {
        for (String id : List.of("A", "B")) {
            TradeFixtures.activeTemplate(db, id);
        }
        for (String id : List.of("C", "D")) {
            db.templates().create(NewTemplate.builder().templateId(id).name("FCN " + id).specVersion("2.0")
                    .issuer("Bank A").parameters("{}").draft().build());
        }
        for (int i = 1; i <= 6; i++) {
            db.trades().book(TradeFixtures.trade("TR-" + i, i % 2 == 0 ? "B" : "A").build());
        }
        db.trades().knockIn("TR-1", 0, D1);
        db.trades().knockIn("TR-2", 0, D2);
        for (LocalDate date : List.of(D1, D2, D3, D2)) {
            db.lifecycleEvents().append("TR-1", LifecycleEventType.COUPON_PAID, date, "{}");
        }
        Function<Trade, String> trade = Trade::tradeId;
        Function<Template, String> template = Template::templateId;
        Function<LifecycleEvent, String> event = e -> e.tradeId() + " " + e.type() + " " + e.eventDate();
        Map<String, KeysetList> lists = new LinkedHashMap<>();
        lists.put("trades active", list(r -> db.trades().list(TradeFilter.byStatus(TradeStatus.ACTIVE), r), trade));
        lists.put("trades knocked in",
                list(r -> db.trades().list(TradeFilter.byStatus(TradeStatus.KNOCKED_IN), r), trade));
        lists.put("trades on A", list(r -> db.trades().list(TradeFilter.byTemplate("A"), r), trade));
        lists.put("trades on B", list(r -> db.trades().list(TradeFilter.byTemplate("B"), r), trade));
        lists.put("trades 1.0 active", list(r -> db.trades().list(
                TradeFilter.bySpecVersionAndStatus(TradeFixtures.SPEC, TradeStatus.ACTIVE), r), trade));
        lists.put("templates", list(r -> db.templates().list(TemplateFilter.all(), r), template));
        lists.put("templates 1.0", list(r -> db.templates().list(TemplateFilter.bySpecVersion("1.0"), r), template));
        lists.put("templates 2.0", list(r -> db.templates().list(TemplateFilter.bySpecVersion("2.0"), r), template));
        lists.put("templates draft",
                list(r -> db.templates().list(TemplateFilter.byStatus(TemplateStatus.DRAFT), r), template));
        lists.put("templates 1.0 active", list(r -> db.templates().list(
                TemplateFilter.bySpecVersionAndStatus("1.0", TemplateStatus.ACTIVE), r), template));
        lists.put("events of TR-1",
                list(r -> db.lifecycleEvents().list(LifecycleEventFilter.byTrade("TR-1"), r), event));
        lists.put("events of TR-2",
                list(r -> db.lifecycleEvents().list(LifecycleEventFilter.byTrade("TR-2"), r), event));
        lists.put("coupons of TR-1", list(r -> db.lifecycleEvents().list(
                LifecycleEventFilter.byTradeAndType("TR-1", LifecycleEventType.COUPON_PAID), r), event));
        lists.put("events D1..D3",
                list(r -> db.lifecycleEvents().list(LifecycleEventFilter.byDateRange(D1, D3), r), event));
        lists.put("events D1..D2",
                list(r -> db.lifecycleEvents().list(LifecycleEventFilter.byDateRange(D1, D2), r), event));
        return lists;
    }

    private static ValidationException rejected(KeysetList list, String cursor) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> list.page(KeysetRequest.after(cursor, 2)), cursor);
        assertEquals("cursor", e.field());
        if (cursor.length() > KeysetCursor.SHOWN) {
            assertFalse(e.getMessage().contains(cursor), "echoes the cursor: " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("'" + cursor.substring(0, Math.min(cursor.length(), 8))),
                e.getMessage());
        return e;
    }

    @Test
    void aCursorFromAnotherListIsRejected(FcnPersistence db) {
        Map<String, KeysetList> lists = everyList(db);
        Map<String, String> cursors = new LinkedHashMap<>();
        lists.forEach((name, list) -> cursors.put(name, list.page(KeysetRequest.first(1)).nextCursor()
                .orElseThrow(() -> new AssertionError(name + " has one row only"))));
        assertEquals(cursors.size(), new HashSet<>(cursors.values()).size(), "each list's cursor is its own");
        for (var from : cursors.entrySet()) {
            assertFalse(lists.get(from.getKey()).page(KeysetRequest.after(from.getValue(), 2)).items().isEmpty(),
                    from.getKey() + ": its own list takes it");
            for (var on : lists.entrySet()) {
                if (!on.getKey().equals(from.getKey())) {
                    ValidationException e = rejected(on.getValue(), from.getValue());
                    assertTrue(e.rule().startsWith("belongs to another list"), from.getKey() + " on "
                            + on.getKey() + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void aChangedOrTruncatedCursorIsRejected(FcnPersistence db) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (var entry : everyList(db).entrySet()) {
            KeysetList list = entry.getValue();
            String cursor = list.page(KeysetRequest.first(1)).nextCursor().orElseThrow();
            assertFalse(cursor.matches("\\d+"), "opaque, not the row id: " + cursor);
            for (int i = 0; i < cursor.length(); i++) {
                int at = alphabet.indexOf(cursor.charAt(i));
                for (int shift : new int[] {1, 17, 40, 63}) { // a low bit, a high bit, both, and every bit but one
                    char c = alphabet.charAt((at + shift) % alphabet.length());
                    rejected(list, cursor.substring(0, i) + c + cursor.substring(i + 1));
                }
                if (i > 0) {
                    rejected(list, cursor.substring(0, i));
                }
            }
            rejected(list, cursor + "A");
            rejected(list, cursor + "=");
            rejected(list, "bogus-text!");
            rejected(list, "");
            rejected(list, "A".repeat(KeysetCursor.MAX_LENGTH + 1));
            rejected(list, "12");
        }
    }

    @Test
    void theWalkStillReturnsEveryRowOnceInOrder(FcnPersistence db) {
        for (var entry : everyList(db).entrySet()) {
            KeysetList list = entry.getValue();
            List<String> all = list.page(KeysetRequest.first(KeysetRequest.MAX_LIMIT)).items();
            List<String> walked = new ArrayList<>();
            KeysetPage<String> page = list.page(KeysetRequest.first(1));
            walked.addAll(page.items());
            while (page.hasNext()) {
                page = list.page(KeysetRequest.after(page.nextCursor().get(), 1));
                walked.addAll(page.items());
            }
            assertTrue(all.size() >= 2, entry.getKey());
            assertEquals(all, walked, entry.getKey());
        }
    }

    @Test
    void aCursorThatPassesTheChecksumButNamesNoKeyIsRejected(DSLContext dsl) {
        KeysetOrder<FcnTradeRecord> order = KeysetOrder.byId(FCN_TRADE.ID);
        Condition filter = FCN_TRADE.STATUS.eq(TradeStatus.ACTIVE);
        String forged = KeysetCursor.encode(list(filter, order), "-1");
        ValidationException e = assertThrows(ValidationException.class, () -> PageQueries.keyset(dsl, FCN_TRADE,
                filter, order, KeysetRequest.after(forged, 5), r -> r));
        assertEquals("cursor", e.field());
        assertFalse(e.getMessage().contains(forged), e.getMessage());
    }

    @Test
    void theListFingerprintCoversTableFilterValuesAndOrder() {
        KeysetOrder<FcnTradeRecord> byId = KeysetOrder.byId(FCN_TRADE.ID);
        KeysetOrder<FcnTradeRecord> within = KeysetOrder.byIdWithin(FCN_TRADE.ID, FCN_TRADE.STATUS);
        byte[] active = list(FCN_TRADE.STATUS.eq(TradeStatus.ACTIVE), byId);
        Set<String> others = new HashSet<>(List.of(
                text(list(FCN_TRADE.STATUS.eq(TradeStatus.KNOCKED_IN), byId)),
                text(list(FCN_TRADE.STATUS.eq(TradeStatus.ACTIVE), within)),
                text(list(FCN_TRADE.TEMPLATE_ID.eq("active"), byId)),
                text(KeysetCursor.listOf(FCN_TEMPLATE, KeysetCursor.nameOf(FCN_TRADE.STATUS.eq(TradeStatus.ACTIVE)),
                        byId.orderBy()))));
        assertEquals(4, others.size());
        assertFalse(others.contains(text(active)));
        assertEquals("7", KeysetCursor.decode(active, KeysetCursor.encode(active, "7")));
        assertNotEquals("7", KeysetCursor.encode(active, "7"));
    }

    private static byte[] list(Condition filter, KeysetOrder<FcnTradeRecord> order) {
        return KeysetCursor.listOf(FCN_TRADE, KeysetCursor.nameOf(filter), order.orderBy());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
