package io.fcn.persistence.trade;

import static io.fcn.persistence.trade.TradeFixtures.MATURITY;
import static io.fcn.persistence.trade.TradeFixtures.TRADE_DATE;
import static io.fcn.persistence.trade.TradeFixtures.activeTemplate;
import static io.fcn.persistence.trade.TradeFixtures.bookedTrade;
import static io.fcn.persistence.trade.TradeFixtures.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.jooq.ExecuteContext;
import org.jooq.impl.DefaultExecuteListener;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.exceptions.DuplicateKeyException;
import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.InvalidStateTransitionException;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.OptimisticLockException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.paging.KeysetPage;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.Page;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.support.GoldenSql;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.types.TradeStatus;

@AllEngines
class TradeRepositoryTest {

    private static OffsetDateTime at(FcnTestClock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static List<LifecycleEventType> eventTypes(FcnPersistence db, String tradeId) {
        return db.lifecycleEvents().history(tradeId).stream().map(LifecycleEvent::type).toList();
    }

    // --- book -----------------------------------------------------------------------------------------------------

    @Test
    void booksAnActiveTradeWithItsCreatedEvent(FcnPersistence db, FcnTestClock clock) {
        activeTemplate(db, "TPL-1");
        Trade booked = db.trades().book(trade("TR-1", "TPL-1").build());

        assertEquals("TR-1", booked.tradeId());
        assertEquals("TPL-1", booked.templateId());
        assertEquals(TradeStatus.ACTIVE, booked.status());
        assertEquals(0, booked.version());
        assertEquals(new BigDecimal("1000000.2500"), booked.notional());
        assertEquals(TRADE_DATE, booked.tradeDate());
        assertEquals(MATURITY, booked.maturityDate());
        assertEquals("USD", booked.currency());
        assertFalse(booked.kiTriggered());
        assertFalse(booked.autocallTriggered());
        assertEquals(Optional.empty(), booked.terminationDate());
        assertEquals(at(clock), booked.createdAt());
        assertEquals(booked, db.trades().get("tr-1"));

        List<LifecycleEvent> events = db.lifecycleEvents().history("TR-1");
        assertEquals(1, events.size());
        LifecycleEvent created = events.get(0);
        assertEquals(LifecycleEventType.CREATED, created.type());
        assertEquals(TRADE_DATE, created.eventDate());
        assertEquals("{\"template_id\":\"TPL-1\",\"spec_version\":\"1.0\",\"trade_date\":\"2026-01-15\","
                + "\"maturity_date\":\"2027-01-15\",\"notional\":1000000.25,\"currency\":\"USD\"}", created.payload());
    }

    @Test
    void aTradeTakesItsTemplatesSpellingOfIdAndSpecVersion(FcnPersistence db) {
        db.templates().create(NewTemplate.active("Tpl-Mixed", "n", "v1.0", "Bank A", "{}"));
        Trade booked = db.trades().book(trade("TR-1", "TPL-MIXED").specVersion("V1.0").build());
        assertEquals("Tpl-Mixed", booked.templateId());
        assertEquals("v1.0", booked.specVersion());
    }

    @Test
    void bookingNeedsAnExistingActiveTemplateOfTheSameSpecVersion(FcnPersistence db) {
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> db.trades().book(trade("TR-1", "NOPE").build()));
        assertEquals("template", missing.entity());
        assertEquals("NOPE", missing.key());

        db.templates().create(NewTemplate.draft("DRAFT", "n", "1.0", "Bank A", "{}"));
        assertEquals("template_id", assertThrows(ValidationException.class,
                () -> db.trades().book(trade("TR-1", "DRAFT").build())).field());

        activeTemplate(db, "OLD");
        db.templates().deprecate("OLD", "gone");
        assertEquals("template_id", assertThrows(ValidationException.class,
                () -> db.trades().book(trade("TR-1", "OLD").build())).field());

        activeTemplate(db, "TPL-1");
        assertEquals("spec_version", assertThrows(ValidationException.class,
                () -> db.trades().book(trade("TR-1", "TPL-1").specVersion("2.0").build())).field());

        assertEquals(Optional.empty(), db.trades().find("TR-1"));
        assertEquals(List.of(), db.lifecycleEvents().history("TR-1"));
    }

    @Test
    void aDuplicateTradeIdIsRejectedEvenInAnotherCaseAndWritesNothing(FcnPersistence db) {
        Trade first = bookedTrade(db, "TR-1");
        DuplicateKeyException e = assertThrows(DuplicateKeyException.class,
                () -> db.trades().book(trade("tr-1", first.templateId()).build()));
        assertEquals("trade", e.entity());
        assertEquals("tr-1", e.key());
        assertEquals(first, db.trades().get("TR-1"));
        assertEquals(List.of(LifecycleEventType.CREATED), eventTypes(db, "TR-1"));
    }

    @Test
    void aFailedEventAppendLeavesNoTradeBehind(DataSource dataSource, FcnTestClock clock, TsqlGuardListener guard,
            FcnPersistence db) {
        activeTemplate(db, "TPL-1");
        FcnPersistence failing = failingEventAppends(dataSource, clock, guard);

        assertThrows(InjectedFailure.class, () -> failing.trades().book(trade("TR-1", "TPL-1").build()));
        assertEquals(Optional.empty(), db.trades().find("TR-1"));
    }

    @Test
    void findsAndGetsCaseInsensitively(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        assertEquals("TR-1", db.trades().find("tr-1").get().tradeId());
        assertEquals(Optional.empty(), db.trades().find("TR-2"));
        NotFoundException e = assertThrows(NotFoundException.class, () -> db.trades().get("TR-2"));
        assertEquals("trade", e.entity());
        assertEquals("TR-2", e.key());
        assertEquals("trade_id", assertThrows(ValidationException.class, () -> db.trades().get("TR-1 ")).field());
    }

    // --- list -----------------------------------------------------------------------------------------------------

    @Test
    void listsBySpecVersionAndStatusByStatusAndByTemplate(FcnPersistence db) {
        activeTemplate(db, "T1");
        db.templates().create(NewTemplate.active("T2", "n", "2.0", "Bank A", "{}"));
        db.trades().book(trade("A", "T1").build());
        db.trades().book(trade("B", "T2").specVersion("2.0").build());
        db.trades().book(trade("C", "T1").build());
        db.trades().book(trade("D", "T2").specVersion("2.0").build());
        db.trades().knockIn("C", 0, TRADE_DATE.plusDays(30));

        assertEquals(List.of("A"), ids(db, TradeFilter.bySpecVersionAndStatus("1.0", TradeStatus.ACTIVE)));
        assertEquals(List.of("C"), ids(db, TradeFilter.bySpecVersionAndStatus("1.0", TradeStatus.KNOCKED_IN)));
        assertEquals(List.of("B", "D"), ids(db, TradeFilter.bySpecVersionAndStatus("2.0", TradeStatus.ACTIVE)));
        assertEquals(List.of("A", "B", "D"), ids(db, TradeFilter.byStatus(TradeStatus.ACTIVE)));
        assertEquals(List.of(), ids(db, TradeFilter.byStatus(TradeStatus.SETTLED)));
        assertEquals(List.of("A", "C"), ids(db, TradeFilter.byTemplate("T1")));
        assertEquals(List.of("B", "D"), ids(db, TradeFilter.byTemplate("t2")));
    }

    @Test
    void listsPageByKeysetAndByNumber(FcnPersistence db) {
        activeTemplate(db, "T1");
        for (int i = 1; i <= 7; i++) {
            db.trades().book(trade("TR-" + i, "T1").build());
        }
        TradeFilter filter = TradeFilter.byTemplate("T1");

        KeysetPage<Trade> first = db.trades().list(filter, KeysetRequest.first(3));
        assertEquals(List.of("TR-1", "TR-2", "TR-3"), first.items().stream().map(Trade::tradeId).toList());
        KeysetPage<Trade> second = db.trades().list(filter, KeysetRequest.after(first.nextCursor().get(), 3));
        assertEquals(List.of("TR-4", "TR-5", "TR-6"), second.items().stream().map(Trade::tradeId).toList());
        KeysetPage<Trade> last = db.trades().list(filter, KeysetRequest.after(second.nextCursor().get(), 3));
        assertEquals(List.of("TR-7"), last.items().stream().map(Trade::tradeId).toList());
        assertEquals(Optional.empty(), last.nextCursor());

        Page<Trade> page3 = db.trades().list(filter, PageRequest.of(3, 3));
        assertEquals(List.of("TR-7"), page3.items().stream().map(Trade::tradeId).toList());
        assertEquals(7, page3.totalItems());
        assertEquals(3, page3.totalPages());
        assertFalse(page3.hasNext());
        assertEquals("cursor", assertThrows(ValidationException.class,
                () -> db.trades().list(filter, KeysetRequest.after("not-a-cursor", 3))).field());
    }

    private static List<String> ids(FcnPersistence db, TradeFilter filter) {
        List<String> keyset = db.trades().list(filter, KeysetRequest.first(100)).items().stream()
                .map(Trade::tradeId).toList();
        List<String> numbered = db.trades().list(filter, PageRequest.of(1, 100)).items().stream()
                .map(Trade::tradeId).toList();
        assertEquals(keyset, numbered, "both kinds of page show the same order");
        return keyset;
    }

    // --- transitions ----------------------------------------------------------------------------------------------

    @Test
    void knockInSetsTheFlagBumpsTheVersionAndAppendsItsEvent(FcnPersistence db, FcnTestClock clock) {
        Trade booked = bookedTrade(db, "TR-1");
        clock.advance(Duration.ofDays(1));
        LocalDate kiDate = TRADE_DATE.plusDays(40);

        Trade knockedIn = db.trades().knockIn("TR-1", 0, kiDate);
        assertEquals(TradeStatus.KNOCKED_IN, knockedIn.status());
        assertTrue(knockedIn.kiTriggered());
        assertFalse(knockedIn.autocallTriggered());
        assertEquals(1, knockedIn.version());
        assertEquals(at(clock), knockedIn.updatedAt());
        assertEquals(booked.createdAt(), knockedIn.createdAt());
        assertEquals(knockedIn, db.trades().get("TR-1"));

        LifecycleEvent event = db.lifecycleEvents().history("TR-1").get(1);
        assertEquals(LifecycleEventType.KNOCKED_IN, event.type());
        assertEquals(kiDate, event.eventDate());
        assertEquals("{\"from_status\":\"active\",\"to_status\":\"knocked_in\"}", event.payload());
    }

    @Test
    void autocallAfterKnockInSetsItsFlagAndSettles(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        db.trades().knockIn("TR-1", 0, TRADE_DATE.plusDays(1));
        Trade autocalled = db.trades().autocall("TR-1", 1, TRADE_DATE.plusDays(90));
        assertEquals(TradeStatus.AUTOCALLED, autocalled.status());
        assertTrue(autocalled.autocallTriggered());
        assertTrue(autocalled.kiTriggered(), "flags are never cleared");

        Trade settled = db.trades().settle("TR-1", 2, TRADE_DATE.plusDays(92));
        assertEquals(TradeStatus.SETTLED, settled.status());
        assertEquals(3, settled.version());
        assertEquals(List.of(LifecycleEventType.CREATED, LifecycleEventType.KNOCKED_IN, LifecycleEventType.AUTOCALLED,
                LifecycleEventType.SETTLED), eventTypes(db, "TR-1"));
    }

    @Test
    void knockOutAndMaturitySetNoFlagAndLeadToSettlement(FcnPersistence db) {
        bookedTrade(db, "KO");
        Trade knockedOut = db.trades().knockOut("KO", 0, TRADE_DATE.plusDays(10));
        assertEquals(TradeStatus.KNOCKED_OUT, knockedOut.status());
        assertFalse(knockedOut.kiTriggered() || knockedOut.autocallTriggered());
        assertEquals(TradeStatus.SETTLED, db.trades().settle("KO", 1, TRADE_DATE.plusDays(12)).status());

        bookedTrade(db, "MAT");
        Trade matured = db.trades().mature("MAT", 0, MATURITY);
        assertEquals(TradeStatus.MATURED, matured.status());
        assertFalse(matured.kiTriggered() || matured.autocallTriggered());
        assertEquals(Optional.empty(), matured.terminationDate());
        assertEquals(TradeStatus.SETTLED, db.trades().settle("MAT", 1, MATURITY.plusDays(2)).status());
        assertEquals(List.of(LifecycleEventType.CREATED, LifecycleEventType.MATURED, LifecycleEventType.SETTLED),
                eventTypes(db, "MAT"));
    }

    @Test
    void terminationSetsItsDateAndCarriesReasonDateAndAmountInTheEvent(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        LocalDate date = TRADE_DATE.plusDays(60);
        Trade terminated = db.trades().terminate("TR-1", 0,
                new Termination(date, "Client \"unwind\" request", new BigDecimal("-1234.5600")));
        assertEquals(TradeStatus.TERMINATED, terminated.status());
        assertEquals(Optional.of(date), terminated.terminationDate());

        LifecycleEvent event = db.lifecycleEvents().history("TR-1").get(1);
        assertEquals(LifecycleEventType.TERMINATED, event.type());
        assertEquals(date, event.eventDate());
        assertEquals("{\"from_status\":\"active\",\"to_status\":\"terminated\","
                + "\"reason\":\"Client \\\"unwind\\\" request\",\"termination_date\":\"2026-03-16\","
                + "\"settlement_amount\":-1234.5600}", event.payload());
        assertEquals(TradeStatus.SETTLED, db.trades().settle("TR-1", 1, date).status());
    }

    @Test
    void settledIsFinalAndOtherMovesOutsideTheTableAreRejected(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        InvalidStateTransitionException early = assertThrows(InvalidStateTransitionException.class,
                () -> db.trades().settle("TR-1", 0, TRADE_DATE));
        assertEquals("active", early.from());
        assertEquals("settled", early.to());

        db.trades().knockIn("TR-1", 0, TRADE_DATE);
        assertThrows(InvalidStateTransitionException.class, () -> db.trades().knockIn("TR-1", 1, TRADE_DATE));
        db.trades().mature("TR-1", 1, MATURITY);
        assertThrows(InvalidStateTransitionException.class, () -> db.trades().knockOut("TR-1", 2, MATURITY));
        db.trades().settle("TR-1", 2, MATURITY);
        for (TradeStatus to : TradeStatus.values()) {
            assertFalse(TradeTransitions.isAllowed(TradeStatus.SETTLED, to));
        }
        InvalidStateTransitionException late = assertThrows(InvalidStateTransitionException.class,
                () -> db.trades().terminate("TR-1", 3, new Termination(MATURITY, "late", BigDecimal.ZERO)));
        assertEquals("settled", late.from());

        Trade after = db.trades().get("TR-1");
        assertEquals(TradeStatus.SETTLED, after.status());
        assertEquals(3, after.version());
        assertEquals(4, db.lifecycleEvents().history("TR-1").size());
    }

    @Test
    void aStaleVersionIsAnOptimisticLockConflict(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        db.trades().knockIn("TR-1", 0, TRADE_DATE);
        OptimisticLockException e = assertThrows(OptimisticLockException.class,
                () -> db.trades().mature("TR-1", 0, MATURITY));
        assertEquals(0, e.expectedVersion());
        assertEquals("trade", e.entity());
        assertEquals(TradeStatus.KNOCKED_IN, db.trades().get("TR-1").status());
        assertEquals(2, db.lifecycleEvents().history("TR-1").size());
    }

    @Test
    void transitionErrorsForMissingTradesAndBadInput(FcnPersistence db, TsqlGuardListener guard) {
        assertEquals("NOPE", assertThrows(NotFoundException.class,
                () -> db.trades().knockIn("NOPE", 0, TRADE_DATE)).key());
        bookedTrade(db, "TR-1");

        ValidationException beforeTrade = assertThrows(ValidationException.class,
                () -> db.trades().knockIn("TR-1", 0, TRADE_DATE.minusDays(1)));
        assertEquals("event_date", beforeTrade.field());
        assertEquals("termination_date", assertThrows(ValidationException.class, () -> db.trades()
                .terminate("TR-1", 0, new Termination(TRADE_DATE.minusDays(1), "r", BigDecimal.ONE))).field());

        int before = guard.executed().size();
        assertEquals("version", assertThrows(ValidationException.class,
                () -> db.trades().knockIn("TR-1", -1, TRADE_DATE)).field());
        assertEquals("event_date", assertThrows(ValidationException.class,
                () -> db.trades().knockIn("TR-1", 0, null)).field());
        assertEquals("termination_reason", assertThrows(ValidationException.class,
                () -> db.trades().terminate("TR-1", 0, new Termination(TRADE_DATE, "", BigDecimal.ONE))).field());
        assertEquals("settlement_amount", assertThrows(ValidationException.class,
                () -> db.trades().terminate("TR-1", 0, new Termination(TRADE_DATE, "r", null))).field());
        assertEquals("trade_id", assertThrows(ValidationException.class,
                () -> db.trades().knockIn("TR\u00e9", 0, TRADE_DATE)).field());
        assertEquals(before, guard.executed().size(), "no statement ran");
        assertEquals(0, db.trades().get("TR-1").version());
    }

    @Test
    void aTransitionWhoseEventAppendFailsLeavesTheTradeUnchanged(DataSource dataSource, FcnTestClock clock,
            TsqlGuardListener guard, FcnPersistence db) {
        Trade booked = bookedTrade(db, "TR-1");
        FcnPersistence failing = failingEventAppends(dataSource, clock, guard);
        clock.advance(Duration.ofMinutes(1));
        int before = guard.executed().size();

        assertThrows(InjectedFailure.class, () -> failing.trades().knockIn("TR-1", 0, TRADE_DATE));
        assertThrows(InjectedFailure.class, () -> failing.trades()
                .terminate("TR-1", 0, new Termination(TRADE_DATE, "r", BigDecimal.TEN)));

        List<String> ran = guard.executed().subList(before, guard.executed().size());
        assertTrue(ran.stream().anyMatch(sql -> sql.startsWith("update \"fcn_trade\"")),
                "the trade's update ran before the append failed");
        assertEquals(booked, db.trades().get("TR-1"), "status, flags, version and updated_at unchanged");
        assertEquals(List.of(LifecycleEventType.CREATED), eventTypes(db, "TR-1"));
        assertEquals(TradeStatus.KNOCKED_IN, db.trades().knockIn("TR-1", 0, TRADE_DATE).status());
    }

    @Test
    void aTransitionJoinsTheCallersTransaction(FcnPersistence db) {
        bookedTrade(db, "TR-1");
        assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
            db.trades().knockIn("TR-1", 0, TRADE_DATE);
            throw new IllegalStateException("the caller's later work fails");
        }));
        assertEquals(0, db.trades().get("TR-1").version());
        assertEquals(1, db.lifecycleEvents().history("TR-1").size());
    }

    @Test
    void theTransitionUpdateIsPinned(FcnPersistence db, TsqlGuardListener guard) {
        bookedTrade(db, "TR-1");
        db.trades().knockIn("TR-1", 0, TRADE_DATE);
        GoldenSql.assertExecuted(guard, "update \"fcn_trade\" set \"fcn_trade\".\"status\" = ?, "
                + "\"fcn_trade\".\"ki_triggered\" = ?, \"fcn_trade\".\"updated_at\" = ?, "
                + "\"fcn_trade\".\"version\" = (\"fcn_trade\".\"version\" + ?) "
                + "where (\"fcn_trade\".\"trade_id\" = ? and \"fcn_trade\".\"version\" = ?)");
    }

    // --- failure injection ----------------------------------------------------------------------------------------

    /** An entry point on the same database whose every lifecycle-event insert fails. */
    private static FcnPersistence failingEventAppends(DataSource dataSource, FcnTestClock clock,
            TsqlGuardListener guard) {
        return FcnPersistence.builder(dataSource).clock(clock).executeListener(guard)
                .executeListener(new DefaultExecuteListener() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void executeStart(ExecuteContext ctx) {
                        if (ctx.sql() != null && ctx.sql().startsWith("insert into \"fcn_lifecycle_event\"")) {
                            throw new InjectedFailure();
                        }
                    }
                }).build();
    }

    private static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure() {
            super("injected: the lifecycle event insert fails");
        }
    }
}
