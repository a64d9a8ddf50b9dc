package io.fcn.persistence.observation;

import static io.fcn.persistence.support.GoldenSql.PRODUCTION;
import static io.fcn.persistence.support.GoldenSql.assertSql;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.guard.TsqlGuard;

import io.fcn.persistence.observation.ObservationRepository.Key;
import io.fcn.persistence.types.ObservationType;

/** Golden SQL: the exact statements the observation repository sends, as the production dialect renders them. */
class ObservationSqlTest {

    private static final String COLUMNS = "\"fcn_observation\".\"id\", \"fcn_observation\".\"trade_id\", "
            + "\"fcn_observation\".\"observation_date\", \"fcn_observation\".\"observation_type\", "
            + "\"fcn_observation\".\"underlying_prices\", \"fcn_observation\".\"autocall_triggered\", "
            + "\"fcn_observation\".\"coupon_eligible\", \"fcn_observation\".\"ki_triggered\", "
            + "\"fcn_observation\".\"observation_data\", \"fcn_observation\".\"created_at\"";
    private static final String PAIR = "(\"fcn_observation\".\"trade_id\" = ? and "
            + "\"fcn_observation\".\"observation_date\" = ?)";

    @Test
    void recordIsOnePlainInsertDecidedByTheUniqueKey() {
        Observation o = new Observation("T-1", LocalDate.of(2026, 2, 2), ObservationType.KI, "{}", false, false,
                true, null);
        assertSql("insert into \"fcn_observation\" (\"trade_id\", \"observation_date\", \"observation_type\","
                + " \"underlying_prices\", \"autocall_triggered\", \"coupon_eligible\", \"ki_triggered\","
                + " \"observation_data\", \"created_at\") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ObservationRepository.insert(PRODUCTION, o, OffsetDateTime.parse("2026-01-15T09:30:00Z")));
    }

    @Test
    void aBatchLooksUpItsKeysAsWrittenOutPairs() {
        List<Key> keys = List.of(new Key("t-1", LocalDate.of(2026, 2, 2)), new Key("t-2", LocalDate.of(2026, 2, 3)));
        assertSql("select " + COLUMNS + " from \"fcn_observation\" where (" + PAIR + " or " + PAIR + ")",
                ObservationRepository.lookup(PRODUCTION, keys));
    }

    @Test
    void aBatchRunsFixedLookupShapesRenderedOnceAndPaddedWithItsLastKey() {
        // The statement a batch sends: the shape holding its chunk (here 4 pairs for 2 or 3 keys), the same pairs.
        assertEquals("select " + COLUMNS + " from \"fcn_observation\" where (" + String.join(" or ",
                java.util.Collections.nCopies(4, PAIR)) + ")", ObservationRepository.lookupShape(PRODUCTION, 4).sql());
        assertEquals(List.of(), TsqlGuard.violations(ObservationRepository.lookupShape(PRODUCTION, 4).sql()));
        assertEquals(List.of(1, 4, 16, 64, 250, 500),
                java.util.Arrays.stream(ObservationRepository.LOOKUP_SHAPES).boxed().toList());
        assertEquals(0, ObservationRepository.shapeIndex(1));
        assertEquals(1, ObservationRepository.shapeIndex(2));
        assertEquals(4, ObservationRepository.shapeIndex(250));
        assertEquals(5, ObservationRepository.shapeIndex(251));
        assertEquals(5, ObservationRepository.shapeIndex(500));

        List<Key> keys = List.of(new Key("t-1", LocalDate.of(2026, 2, 2)), new Key("t-2", LocalDate.of(2026, 2, 3)));
        assertEquals(List.of("t-1", LocalDate.of(2026, 2, 2), "t-2", LocalDate.of(2026, 2, 3), "t-2",
                LocalDate.of(2026, 2, 3), "t-2", LocalDate.of(2026, 2, 3)),
                List.of(ObservationRepository.shapeValues(keys, 4)));
    }

    @Test
    void aRangeIsInclusiveAndInDateOrder() {
        assertSql("select " + COLUMNS + " from \"fcn_observation\" where (\"fcn_observation\".\"trade_id\" = ? and"
                + " \"fcn_observation\".\"observation_date\" between ? and ?)"
                + " order by \"fcn_observation\".\"observation_date\"",
                ObservationRepository.range(PRODUCTION, "T-1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }
}
