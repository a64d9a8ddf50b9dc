package io.fcn.persistence.types;

import org.jooq.EnumType;

/**
 * The event types the schema allows (CHECK {@code ck_fcn_lifecycle_event_type}), each with its lower-case database
 * value. {@link #AUTOCALL}, {@link #COUPON_PAYMENT}, {@link #KI_BREACH} and {@link #MATURITY} are the first
 * revision's names, kept so its rows still read.
 */
public enum LifecycleEventType implements EnumType {
    /** The trade was booked; written by the booking only. */
    CREATED("created"),
    /** An observation was posted for the trade; appended by the caller. */
    OBSERVATION_POSTED("observation_posted"),
    /** A coupon was paid; appended by the caller. */
    COUPON_PAID("coupon_paid"),
    /** Written by the trade's move to {@link TradeStatus#KNOCKED_IN}. */
    KNOCKED_IN("knocked_in"),
    /** Written by the trade's move to {@link TradeStatus#KNOCKED_OUT}. */
    KNOCKED_OUT("knocked_out"),
    /** Written by the trade's move to {@link TradeStatus#TERMINATED}. */
    TERMINATED("terminated"),
    /** Written by the trade's move to {@link TradeStatus#MATURED}. */
    MATURED("matured"),
    /** The first revision's name of {@link #AUTOCALLED}: still read, never appended. */
    AUTOCALL("autocall"),
    /** The first revision's name of {@link #COUPON_PAID}: still read, never appended. */
    COUPON_PAYMENT("coupon_payment"),
    /** The first revision's name of {@link #KNOCKED_IN}: still read, never appended. */
    KI_BREACH("ki_breach"),
    /** The first revision's name of {@link #MATURED}: still read, never appended. */
    MATURITY("maturity"),
    /** Written by the trade's move to {@link TradeStatus#AUTOCALLED}. */
    AUTOCALLED("autocalled"),
    /** Written by the trade's move to {@link TradeStatus#SETTLED}. */
    SETTLED("settled");

    private final String literal;

    LifecycleEventType(String literal) {
        this.literal = literal;
    }

    /** The value stored in {@code fcn_lifecycle_event.event_type}; jOOQ's generated field converts with it. */
    @Override
    public String getLiteral() {
        return literal;
    }

    /** {@code null}: a VARCHAR column with a CHECK, not a database enum type. */
    @Override
    public String getName() {
        return null;
    }
}
