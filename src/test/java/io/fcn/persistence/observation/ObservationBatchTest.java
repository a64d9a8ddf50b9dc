package io.fcn.persistence.observation;

import static io.fcn.persistence.observation.ObservationRepositoryTest.D1;
import static io.fcn.persistence.observation.ObservationRepositoryTest.committedObservations;
import static io.fcn.persistence.observation.ObservationRepositoryTest.observation;
import static io.fcn.persistence.observation.ObservationRepositoryTest.withPrices;
import static io.fcn.persistence.observation.TradeRows.insertTrade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.exceptions.ConflictException;
import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.exceptions.TransactionRolledBackException;

@AllEngines
class ObservationBatchTest {

    private static List<Observation> days(String tradeId, int from, int count) {
        List<Observation> rows = new ArrayList<>();
        for (int day = from; day < from + count; day++) {
            rows.add(observation(tradeId, D1.plusDays(day)));
        }
        return rows;
    }

    @Test
    void aBatchIsStoredWithOneLookupAndOneJdbcBatch(FcnPersistence fcn, TsqlGuardListener guard,
            DataSource dataSource) {
        insertTrade(fcn, "T-1");
        insertTrade(fcn, "T-2");
        List<Observation> rows = new ArrayList<>(days("T-1", 0, 30));
        rows.addAll(days("T-2", 0, 20));
        int before = guard.executed().size();

        ObservationBatchResult result = fcn.observations().recordAll(rows);

        assertEquals(new ObservationBatchResult(50, 0), result);
        assertEquals(2, guard.executed().size() - before, "one lookup, one batched insert: " + guard.executed());
        assertEquals(50, committedObservations(dataSource));
        assertEquals(rows.subList(0, 30), fcn.observations().findByTrade("T-1", D1, D1.plusDays(100)).stream()
                .map(StoredObservation::observation).toList());
    }

    @Test
    void rowsIdenticalToStoredOnesAreSkippedAndCounted(FcnPersistence fcn, DataSource dataSource) {
        insertTrade(fcn, "T-1");
        fcn.observations().recordAll(days("T-1", 0, 5));

        List<Observation> again = new ArrayList<>(days("T-1", 3, 5)); // days 3 and 4 are stored
        again.set(0, withPrices(again.get(0), "{\"MSFT\": 410.0, \"AAPL\": 182.5}")); // same meaning
        ObservationBatchResult result = fcn.observations().recordAll(again);

        assertEquals(new ObservationBatchResult(3, 2), result);
        assertEquals(8, committedObservations(dataSource));
        assertEquals(new ObservationBatchResult(0, 8), fcn.observations().recordAll(days("T-1", 0, 8)),
                "a full repeat stores nothing");
    }

    @Test
    void identicalRowsWithinTheBatchAreStoredOnce(FcnPersistence fcn, DataSource dataSource) {
        insertTrade(fcn, "T-1");
        List<Observation> rows = new ArrayList<>(days("T-1", 0, 3));
        rows.add(observation("t-1", D1.plusDays(1))); // the same key, case-insensitively
        rows.add(observation("T-1", D1));

        assertEquals(new ObservationBatchResult(3, 2), fcn.observations().recordAll(rows));
        assertEquals(3, committedObservations(dataSource));
    }

    @Test
    void oneRowConflictingWithAStoredOneFailsTheWholeBatch(FcnPersistence fcn, DataSource dataSource) {
        insertTrade(fcn, "T-1");
        fcn.observations().record(observation("T-1", D1.plusDays(7)));
        List<Observation> rows = new ArrayList<>(days("T-1", 0, 10));
        rows.set(7, withPrices(rows.get(7), "{\"AAPL\": 1}"));

        ConflictException e = assertThrows(ConflictException.class, () -> fcn.observations().recordAll(rows));

        assertEquals("T-1/2026-02-09", e.key());
        assertTrue(e.getMessage().contains("observations[7]"), e.getMessage());
        assertTrue(e.getMessage().contains("underlying_prices"), e.getMessage());
        assertEquals(1, committedObservations(dataSource), "nothing of the batch was written");
    }

    @Test
    void twoConflictingRowsWithinTheBatchFailItBeforeAnySql(FcnPersistence fcn, TsqlGuardListener guard,
            DataSource dataSource) {
        insertTrade(fcn, "T-1");
        List<Observation> rows = new ArrayList<>(days("T-1", 0, 6));
        rows.add(new Observation("T-1", D1.plusDays(2), ObservationType.KI, rows.get(2).underlyingPrices(),
                false, true, false, rows.get(2).observationData()));
        int before = guard.executed().size();

        ConflictException e = assertThrows(ConflictException.class, () -> fcn.observations().recordAll(rows));

        assertEquals("T-1/2026-02-04", e.key());
        assertTrue(e.getMessage().contains("observations[6] differs from observations[2]"), e.getMessage());
        assertTrue(e.getMessage().contains("observation_type"), e.getMessage());
        assertEquals(before, guard.executed().size(), "no statement ran");
        assertEquals(0, committedObservations(dataSource));
    }

    @Test
    void aRowForAnUnknownTradeFailsTheWholeBatchAndIsNamed(FcnPersistence fcn, DataSource dataSource) {
        insertTrade(fcn, "T-1");
        List<Observation> rows = new ArrayList<>(days("T-1", 0, 4));
        rows.add(2, observation("NO-SUCH", D1));

        NotFoundException e = assertThrows(NotFoundException.class, () -> fcn.observations().recordAll(rows));

        assertEquals("trade", e.entity());
        assertEquals("NO-SUCH", e.key());
        assertEquals(0, committedObservations(dataSource));
    }

    @Test
    void anInvalidRowIsNamedBeforeAnySql(FcnPersistence fcn, TsqlGuardListener guard) {
        List<Observation> rows = new ArrayList<>(days("T-1", 0, 4));
        rows.set(2, withPrices(rows.get(2), "{\"AAPL\": 1"));
        int before = guard.executed().size();

        ValidationException e = assertThrows(ValidationException.class, () -> fcn.observations().recordAll(rows));

        assertEquals("observations[2].underlying_prices", e.field());
        assertEquals("observations", assertThrows(ValidationException.class,
                () -> fcn.observations().recordAll(null)).field());
        List<Observation> withNull = new ArrayList<>(rows.subList(0, 2));
        withNull.add(null);
        assertEquals("observations[2]", assertThrows(ValidationException.class,
                () -> fcn.observations().recordAll(withNull)).field());
        assertEquals(before, guard.executed().size(), "no statement ran");
    }

    @Test
    void anEmptyBatchDoesNothing(FcnPersistence fcn, TsqlGuardListener guard) {
        int before = guard.executed().size();
        assertEquals(new ObservationBatchResult(0, 0), fcn.observations().recordAll(List.of()));
        assertEquals(before, guard.executed().size());
    }

    @Test
    void aBatchLargerThanOneLookupChunkIsLookedUpInChunks(FcnPersistence fcn, TsqlGuardListener guard,
            DataSource dataSource) {
        insertTrade(fcn, "T-1");
        int size = ObservationRepository.LOOKUP_CHUNK + 20;
        fcn.observations().recordAll(days("T-1", 0, 10));
        int before = guard.executed().size();

        ObservationBatchResult result = fcn.observations().recordAll(days("T-1", 0, size));

        assertEquals(new ObservationBatchResult(size - 10, 10), result);
        assertEquals(3, guard.executed().size() - before, "two lookups, one batched insert");
        assertEquals(size, committedObservations(dataSource));
    }

    @Test
    void aBatchJoinsTheCallersTransactionAndRollsBackWithIt(FcnPersistence fcn, DataSource dataSource) {
        insertTrade(fcn, "T-1");
        assertThrows(IllegalStateException.class, () -> fcn.inTransaction(() -> {
            assertEquals(new ObservationBatchResult(5, 0), fcn.observations().recordAll(days("T-1", 0, 5)));
            // (Not counted through another connection here: on SQL Server that read would wait for this transaction.)
            assertEquals(5, fcn.observations().findByTrade("T-1", D1, D1.plusDays(9)).size(), "visible to it");
            throw new IllegalStateException("the rest of the work failed");
        }));
        assertEquals(0, committedObservations(dataSource));
    }

    @Test
    void aConflictingBatchCaughtInsideATransactionStillRollsItBack(FcnPersistence fcn, DataSource dataSource) {
        insertTrade(fcn, "T-1");
        fcn.observations().record(observation("T-1", D1));
        List<Observation> conflicting = List.of(observation("T-1", D1.plusDays(1)),
                withPrices(observation("T-1", D1), "{\"AAPL\": 1}"));

        // The one rule (README, "Transactions"): a failure that leaves a library call marks the transaction
        // rollback-only, even when the caller catches it and goes on.
        assertThrows(TransactionRolledBackException.class, () -> fcn.inTransaction(() -> {
            fcn.observations().record(observation("T-1", D1.plusDays(2)));
            assertThrows(ConflictException.class, () -> fcn.observations().recordAll(conflicting));
        }));

        assertEquals(1, committedObservations(dataSource), "only the one stored before the transaction");
        assertTrue(fcn.observations().find("T-1", D1.plusDays(1)).isEmpty(), "nothing of the batch");
    }
}
