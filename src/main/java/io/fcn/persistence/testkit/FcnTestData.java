package io.fcn.persistence.testkit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid test data with sensible defaults: state only what the test is about.
 *
 * <pre>{@code
 * import static io.fcn.persistence.testkit.FcnTestData.*;
 *
 * Trade trade = aTrade().withNotional("250000").book(fcn);         // books its own active template too
 * anObservation().forTrade(trade).withType(ObservationType.KI).withKiTriggered(true).record(fcn);
 * anEvent().forTrade(trade).withType(LifecycleEventType.COUPON_PAID).append(fcn);
 * ClaimOutcome.Claimed claim = aClaim().withKey("client-key-1").claimed(fcn);
 * }</pre>
 *
 * Business keys are unique by default ({@code TPL-T000001}, {@code TRD-T000002}, …), so tests never collide. A
 * builder's persisting method ({@code create}, {@code book}, {@code record}, {@code append}, {@code claim}) creates
 * the parents the test did not name (a trade's template, an observation's trade); {@code build()} only builds.
 */
public final class FcnTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private FcnTestData() {
    }

    /**
     * An active template, spec version {@code 1.0}.
     * @return the builder
     */
    public static TemplateBuilder aTemplate() {
        return new TemplateBuilder();
    }

    /**
     * A USD 1,000,000 trade from 2026-01-15 to 2027-01-15 on a template of its own, unless one is named.
     * @return the builder
     */
    public static TradeBuilder aTrade() {
        return new TradeBuilder();
    }

    /**
     * A coupon observation with one underlying price, on a date unique to this builder.
     * @return the builder
     */
    public static ObservationBuilder anObservation() {
        return new ObservationBuilder();
    }

    /**
     * A {@code coupon_paid} event dated 2026-04-17.
     * @return the builder
     */
    public static EventBuilder anEvent() {
        return new EventBuilder();
    }

    /**
     * A claim of a unique key for {@code POST /v1/trades} with body {@code {}}, TTL 24 h, lease 30 s.
     * @return the builder
     */
    public static ClaimBuilder aClaim() {
        return new ClaimBuilder();
    }

    /**
     * A key unique in this JVM: {@code prefix + "-T" + six digits}, e.g. {@code TRD-T000042}.
     * @param prefix e.g. {@code TRD}
     * @return the key
     */
    public static String uniqueKey(String prefix) {
        return String.format("%s-T%06d", prefix, next());
    }

    static long next() {
        return SEQUENCE.incrementAndGet();
    }
}
