package io.fcn.examples.consumer;

import static io.fcn.persistence.jooq.Tables.FCN_LIFECYCLE_EVENT;
import static io.fcn.persistence.jooq.Tables.FCN_OBSERVATION;

import io.fcn.persistence.FcnPersistence;

/**
 * The service's own query over the library's tables, through {@code fcn.dsl()} and the generated classes: how much
 * happened to a trade. Written with the DEFAULT-dialect rules (no {@code limit}, booleans compared with bind values),
 * which the test kit's T-SQL guard checks in the service's tests.
 */
public final class TradeActivityRepository {

    /** Counts of a trade's observations, of those eligible for a coupon, and of its lifecycle events. */
    public record Activity(String tradeId, int observations, int couponEligible, int events) {
    }

    private final FcnPersistence fcn;

    public TradeActivityRepository(FcnPersistence fcn) {
        this.fcn = fcn;
    }

    public Activity activity(String tradeId) {
        var dsl = fcn.dsl();
        int observations = dsl.fetchCount(FCN_OBSERVATION, FCN_OBSERVATION.TRADE_ID.eq(tradeId));
        int eligible = dsl.fetchCount(FCN_OBSERVATION,
                FCN_OBSERVATION.TRADE_ID.eq(tradeId).and(FCN_OBSERVATION.COUPON_ELIGIBLE.eq(true)));
        int events = dsl.fetchCount(FCN_LIFECYCLE_EVENT, FCN_LIFECYCLE_EVENT.TRADE_ID.eq(tradeId));
        return new Activity(tradeId, observations, eligible, events);
    }
}
