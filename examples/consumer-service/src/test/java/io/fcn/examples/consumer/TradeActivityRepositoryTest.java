package io.fcn.examples.consumer;

import static io.fcn.persistence.testkit.FcnTestData.aTrade;
import static io.fcn.persistence.testkit.FcnTestData.anEvent;
import static io.fcn.persistence.testkit.FcnTestData.anObservation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.testkit.FcnDatabaseTest;
import io.fcn.persistence.trade.Trade;

/** The service's own query; the kit's guard fails it if it renders SQL that SQL Server would reject. */
@FcnDatabaseTest
class TradeActivityRepositoryTest {

    @Test
    void countsOnlyTheTradesOwnActivity(FcnPersistence fcn) {
        Trade trade = aTrade().book(fcn);
        anObservation().forTrade(trade).record(fcn);
        anObservation().forTrade(trade).withCouponEligible(false).record(fcn);
        anEvent().forTrade(trade).append(fcn);
        anObservation().record(fcn); // another trade's

        assertEquals(new TradeActivityRepository.Activity(trade.tradeId(), 2, 1, 2),
                new TradeActivityRepository(fcn).activity(trade.tradeId())); // created + coupon_paid
    }

    @Test
    void aTradeWithoutActivity(FcnPersistence fcn) {
        assertEquals(new TradeActivityRepository.Activity("TRD-NONE", 0, 0, 0),
                new TradeActivityRepository(fcn).activity("TRD-NONE"));
    }
}
