package io.fcn.persistence.observation;

import static io.fcn.persistence.observation.ObservationRepositoryTest.D1;
import static io.fcn.persistence.observation.ObservationRepositoryTest.committedObservations;
import static io.fcn.persistence.observation.ObservationRepositoryTest.observation;
import static io.fcn.persistence.observation.ObservationRepositoryTest.withPrices;
import static io.fcn.persistence.observation.TradeRows.insertTrade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.ConflictException;
import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.support.AllEngines;
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
}
