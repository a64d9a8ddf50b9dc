package io.fcn.persistence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.trade.Trade;
import io.fcn.persistence.types.TradeStatus;

// docs/testing.md's example test, held equal to it by DocumentationSnippetsTest.
// snippet: testing-your-service
import static io.fcn.persistence.testkit.FcnTestData.*;

@FcnDatabaseTest        // a migrated database for this class, emptied before every test
class KnockInExampleTest {

    @Test
    void aKnockInMovesTheTradeAndStampsTheTime(FcnPersistence fcn, FcnTestClock clock) {
        Trade trade = aTrade().withNotional("250000.00").book(fcn);        // books its own active template too
        anObservation().forTrade(trade).withType(ObservationType.KI).withKiTriggered(true).record(fcn);

        clock.advance(Duration.ofDays(90));
        Trade knocked = fcn.trades().knockIn(trade.tradeId(), trade.version(), LocalDate.of(2026, 4, 15));

        assertEquals(TradeStatus.KNOCKED_IN, knocked.status());
        assertEquals(FcnTestClock.START.plus(Duration.ofDays(90)), knocked.updatedAt().toInstant());
    }
}
// end snippet
