package io.fcn.persistence.observation;

import static io.fcn.persistence.observation.ObservationRepositoryTest.D1;
import static io.fcn.persistence.observation.ObservationRepositoryTest.committedObservations;
import static io.fcn.persistence.observation.ObservationRepositoryTest.observation;
import static io.fcn.persistence.observation.ObservationRepositoryTest.withPrices;
import static io.fcn.persistence.observation.TradeRows.insertTrade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jooq.ExecuteContext;
import org.jooq.impl.DefaultExecuteListener;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.exceptions.ConflictException;
import io.fcn.persistence.exceptions.DuplicateKeyException;
import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.support.Race;

/** Real threads, each statement on a connection of its own (the DataSource hands out a new one per call). */
@AllEngines
class ObservationConcurrencyTest {

    private static final int THREADS = 16;

    @Test
    void concurrentDuplicateObservationsLeaveOneRowAndAllGetIt(FcnPersistence fcn, DataSource dataSource)
            throws Exception {
        insertTrade(fcn, "T-1");

        List<Object> outcomes = Race.of(THREADS, i -> () -> fcn.observations().record(observation("T-1", D1)));

        assertEquals(1, committedObservations(dataSource));
        StoredObservation stored = fcn.observations().find("T-1", D1).orElseThrow();
        for (Object outcome : outcomes) {
            assertEquals(stored, outcome, "every caller gets the stored observation");
        }
    }

    @Test
    void concurrentDifferentObservationsLeaveOneRowAndTheOthersConflict(FcnPersistence fcn, DataSource dataSource)
            throws Exception {
        insertTrade(fcn, "T-1");
        Observation even = observation("T-1", D1);
        Observation odd = withPrices(even, "{\"AAPL\": 1}");

        List<Object> outcomes = Race.of(THREADS, i -> () -> fcn.observations().record(i % 2 == 0 ? even : odd));

        assertEquals(1, committedObservations(dataSource));
        StoredObservation stored = fcn.observations().find("T-1", D1).orElseThrow();
        for (int i = 0; i < outcomes.size(); i++) {
            Observation mine = i % 2 == 0 ? even : odd;
            Object outcome = outcomes.get(i);
            if (mine.equals(stored.observation())) {
                assertEquals(stored, outcome);
            } else {
                assertTrue(outcome instanceof ConflictException, "got " + outcome);
            }
        }
    }

    @Test
    void concurrentOverlappingBatchesStoreEachRowOnce(FcnPersistence fcn, DataSource dataSource) throws Exception {
        insertTrade(fcn, "T-1");
        // Thread i records days i .. i+19: neighbours overlap in 19 of 20 rows.
        List<Object> outcomes = Race.of(THREADS, i -> () -> {
            List<Observation> rows = new ArrayList<>();
            for (int day = i; day < i + 20; day++) {
                rows.add(observation("T-1", D1.plusDays(day)));
            }
            return fcn.observations().recordAll(rows);
        });

        int distinctDays = THREADS - 1 + 20;
        assertEquals(distinctDays, committedObservations(dataSource));
        int inserted = 0;
        for (Object outcome : outcomes) {
            ObservationBatchResult result = (ObservationBatchResult) outcome;
            assertEquals(20, result.inserted() + result.skipped());
            inserted += result.inserted();
        }
        assertEquals(distinctDays, inserted, "each row counted as inserted exactly once");
    }

    /**
     * Writer B looks the keys up (nothing stored yet) and pauses; writer A then stores the same rows and commits;
     * then B goes on to insert and meets A's rows. No sleeps, and no reader waits on an uncommitted row (SQL Server's
     * locking READ COMMITTED would block there): a listener on B's entry point pauses B after its lookup.
     */
    private static Object loseTheRaceToAnotherBatch(FcnPersistence fcn, DataSource dataSource, FcnTestClock clock,
            boolean bJoinsATransaction) throws Exception {
        insertTrade(fcn, "T-1");
        List<Observation> rows = List.of(observation("T-1", D1), observation("T-1", D1.plusDays(1)));
        CountDownLatch bLookedUp = new CountDownLatch(1);
        CountDownLatch aCommitted = new CountDownLatch(1);
        FcnPersistence fcnB = FcnPersistence.builder(dataSource).clock(clock)
                .executeListener(new DefaultExecuteListener() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void executeEnd(ExecuteContext ctx) {
                        if (ctx.sql() != null && ctx.sql().startsWith("select")) {
                            bLookedUp.countDown();
                            await(aCommitted);
                        }
                    }
                }).build();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ObservationBatchResult> b = pool.submit(() -> bJoinsATransaction
                    ? fcnB.inTransaction(() -> fcnB.observations().recordAll(rows))
                    : fcnB.observations().recordAll(rows));
            await(bLookedUp);
            assertEquals(new ObservationBatchResult(2, 0), fcn.observations().recordAll(rows), "A stores them");
            aCommitted.countDown();
            try {
                return b.get(2, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                return e.getCause();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new AssertionError("the other writer never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aBatchThatLosesTheRaceOnItsOwnLooksAgainAndSkips(FcnPersistence fcn, DataSource dataSource,
            FcnTestClock clock) throws Exception {
        Object outcome = loseTheRaceToAnotherBatch(fcn, dataSource, clock, false);

        assertEquals(new ObservationBatchResult(0, 2), outcome);
        assertEquals(2, committedObservations(dataSource));
    }

    @Test
    void aBatchJoinedToATransactionThatLosesTheRaceFailsAsADuplicate(FcnPersistence fcn, DataSource dataSource,
            FcnTestClock clock) throws Exception {
        Object outcome = loseTheRaceToAnotherBatch(fcn, dataSource, clock, true);

        DuplicateKeyException e = assertInstanceOf(DuplicateKeyException.class, outcome);
        assertEquals("observation", e.entity());
        assertTrue(e.key().contains("T-1/2026-02-0"), e.key());
        assertEquals(2, committedObservations(dataSource), "only the winner's rows");
    }
}
