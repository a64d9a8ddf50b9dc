package io.fcn.persistence.observation;

import static io.fcn.persistence.observation.TradeRows.insertTrade;
import static io.fcn.persistence.jooq.Tables.FCN_OBSERVATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.exceptions.ConflictException;
import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.types.ObservationType;

@AllEngines
class ObservationRepositoryTest {

    static final LocalDate D1 = LocalDate.of(2026, 2, 2);

    static Observation observation(String tradeId, LocalDate date) {
        return new Observation(tradeId, date, ObservationType.COUPON, "{\"AAPL\": 182.50, \"MSFT\": 410}",
                false, true, false, "{\"barrier\": 0.7}");
    }

    static Observation withPrices(Observation o, String prices) {
        return new Observation(o.tradeId(), o.observationDate(), o.type(), prices, o.autocallTriggered(),
                o.couponEligible(), o.kiTriggered(), o.observationData());
    }

    /** Counts through a connection of its own: sees only committed rows. */
    static int committedObservations(DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.DEFAULT).fetchCount(FCN_OBSERVATION);
    }

    @Test
    void recordsAnObservationAndReadsItBack(FcnPersistence fcn, FcnTestClock clock) {
        insertTrade(fcn, "T-1");
        Observation given = observation("T-1", D1);

        StoredObservation stored = fcn.observations().record(given);

        assertEquals(given, stored.observation());
        assertEquals(fcn.now(), stored.createdAt(), "created_at comes from the entry point's clock");
        assertEquals(stored, fcn.observations().find("T-1", D1).orElseThrow());
        assertTrue(fcn.observations().find("T-1", D1.plusDays(1)).isEmpty());
    }

    @Test
    void nullObservationDataRoundTrips(FcnPersistence fcn) {
        insertTrade(fcn, "T-1");
        Observation given = new Observation("T-1", D1, ObservationType.KI, "[]", false, false, true, null);
        StoredObservation stored = fcn.observations().record(given);
        assertNull(stored.observation().observationData());
        assertEquals(given, fcn.observations().find("T-1", D1).orElseThrow().observation());
    }

    @Test
    void recordingTheSameObservationAgainReturnsTheStoredOne(FcnPersistence fcn, FcnTestClock clock,
            DataSource dataSource) {
        insertTrade(fcn, "T-1");
        StoredObservation first = fcn.observations().record(observation("T-1", D1));
        clock.advance(java.time.Duration.ofHours(1));

        // The same meaning in other words: member order, whitespace, number spelling, trade id's case.
        Observation again = new Observation("t-1", D1, ObservationType.COUPON,
                "{ \"MSFT\" : 4.1e2 , \"AAPL\" : 182.5 }", false, true, false, "{\"barrier\":0.70}");
        StoredObservation second = fcn.observations().record(again);

        assertEquals(first, second, "the stored observation, text and created_at unchanged");
        assertEquals(1, committedObservations(dataSource));
    }

    @Test
    void aDifferentObservationForTheSameTradeAndDateConflicts(FcnPersistence fcn, DataSource dataSource) {
        insertTrade(fcn, "T-1");
        Observation stored = observation("T-1", D1);
        fcn.observations().record(stored);

        List<UnaryOperator<Observation>> changes = List.of(
                o -> new Observation(o.tradeId(), D1, ObservationType.AUTOCALL, o.underlyingPrices(), false, true,
                        false, o.observationData()),
                o -> withPrices(o, "{\"AAPL\": 182.51, \"MSFT\": 410}"),
                o -> withPrices(o, "{\"AAPL\": \"182.50\", \"MSFT\": 410}"),
                o -> new Observation(o.tradeId(), D1, o.type(), o.underlyingPrices(), true, true, false,
                        o.observationData()),
                o -> new Observation(o.tradeId(), D1, o.type(), o.underlyingPrices(), false, false, false,
                        o.observationData()),
                o -> new Observation(o.tradeId(), D1, o.type(), o.underlyingPrices(), false, true, true,
                        o.observationData()),
                o -> new Observation(o.tradeId(), D1, o.type(), o.underlyingPrices(), false, true, false, null));
        List<String> columns = List.of("observation_type", "underlying_prices", "underlying_prices",
                "autocall_triggered", "coupon_eligible", "ki_triggered", "observation_data");

        for (int i = 0; i < changes.size(); i++) {
            Observation different = changes.get(i).apply(stored);
            ConflictException e = assertThrows(ConflictException.class,
                    () -> fcn.observations().record(different));
            assertEquals("observation", e.entity());
            assertEquals("T-1/2026-02-02", e.key(), "names trade and date");
            assertTrue(e.getMessage().contains(columns.get(i)), e.getMessage());
        }
        assertEquals(stored, fcn.observations().find("T-1", D1).orElseThrow().observation(), "unchanged");
        assertEquals(1, committedObservations(dataSource));
    }

    @Test
    void anUnknownTradeIsNotFound(FcnPersistence fcn, DataSource dataSource) {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> fcn.observations().record(observation("NO-SUCH", D1)));
        assertEquals("trade", e.entity());
        assertEquals("NO-SUCH", e.key());
        assertEquals(0, committedObservations(dataSource));
    }

    @Test
    void invalidObservationsFailBeforeAnySql(FcnPersistence fcn, TsqlGuardListener guard) {
        Observation valid = observation("T-1", D1);
        record Case(Observation o, String field) {
        }
        List<Case> cases = List.of(
                new Case(null, "observation"),
                new Case(new Observation(null, D1, ObservationType.KI, "{}", false, false, false, null),
                        "trade_id"),
                new Case(new Observation(" ", D1, ObservationType.KI, "{}", false, false, false, null),
                        "trade_id"),
                new Case(new Observation("T-1 ", D1, ObservationType.KI, "{}", false, false, false, null),
                        "trade_id"),
                new Case(new Observation("T-\u00e9", D1, ObservationType.KI, "{}", false, false, false, null),
                        "trade_id"),
                new Case(new Observation("T".repeat(101), D1, ObservationType.KI, "{}", false, false, false, null),
                        "trade_id"),
                new Case(new Observation("T-1", null, ObservationType.KI, "{}", false, false, false, null),
                        "observation_date"),
                new Case(new Observation("T-1", D1, null, "{}", false, false, false, null), "observation_type"),
                new Case(withPrices(valid, null), "underlying_prices"),
                new Case(withPrices(valid, "{\"AAPL\": }"), "underlying_prices"),
                new Case(withPrices(valid, "{} {}"), "underlying_prices"),
                new Case(new Observation("T-1", D1, ObservationType.KI, "{}", false, false, false, "not json"),
                        "observation_data"));
        int before = guard.executed().size();
        for (Case c : cases) {
            ValidationException e = assertThrows(ValidationException.class, () -> fcn.observations().record(c.o()));
            assertEquals(c.field(), e.field(), e.getMessage());
        }
        assertEquals(before, guard.executed().size(), "no statement ran");
    }

    @Test
    void findsByTradeAndInclusiveDateRangeInDateOrder(FcnPersistence fcn) {
        insertTrade(fcn, "T-1");
        insertTrade(fcn, "T-2");
        for (int day : new int[] {5, 1, 4, 2, 3}) {
            fcn.observations().record(observation("T-1", D1.plusDays(day)));
        }
        fcn.observations().record(observation("T-2", D1.plusDays(3)));

        List<StoredObservation> found = fcn.observations().findByTrade("T-1", D1.plusDays(2), D1.plusDays(4));

        assertEquals(List.of(D1.plusDays(2), D1.plusDays(3), D1.plusDays(4)),
                found.stream().map(StoredObservation::observationDate).toList());
        assertTrue(found.stream().allMatch(s -> s.tradeId().equals("T-1")));
        assertEquals(1, fcn.observations().findByTrade("T-1", D1.plusDays(5), D1.plusDays(5)).size(),
                "a one-day range");
        assertEquals(5, fcn.observations().findByTrade("t-1", D1, D1.plusDays(9)).size(),
                "trade ids match case-insensitively");
        assertTrue(fcn.observations().findByTrade("T-3", D1, D1.plusDays(9)).isEmpty());
    }

    @Test
    void aRangeEndingBeforeItStartsIsInvalid(FcnPersistence fcn) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> fcn.observations().findByTrade("T-1", D1, D1.minusDays(1)));
        assertEquals("to", e.field());
        assertEquals("from", assertThrows(ValidationException.class,
                () -> fcn.observations().findByTrade("T-1", null, D1)).field());
    }

    @Test
    void aRecordInsideAFailingTransactionLeavesNothing(FcnPersistence fcn, DataSource dataSource) {
        insertTrade(fcn, "T-1");
        assertThrows(IllegalStateException.class, () -> fcn.inTransaction(() -> {
            fcn.observations().record(observation("T-1", D1));
            throw new IllegalStateException("the rest of the work failed");
        }));
        assertEquals(0, committedObservations(dataSource));
    }

    @Test
    void aRepeatedRecordInsideATransactionReturnsTheStoredOneAndCommits(FcnPersistence fcn, DataSource dataSource) {
        insertTrade(fcn, "T-1");
        OffsetDateTime createdAt = fcn.inTransaction(() -> {
            StoredObservation first = fcn.observations().record(observation("T-1", D1));
            // The repeat hits the unique key inside the transaction: only its statement fails, the work goes on.
            StoredObservation second = fcn.observations().record(observation("T-1", D1));
            assertEquals(first, second);
            return first.createdAt();
        });
        assertEquals(1, committedObservations(dataSource));
        assertEquals(createdAt, fcn.observations().find("T-1", D1).orElseThrow().createdAt());
    }
}
