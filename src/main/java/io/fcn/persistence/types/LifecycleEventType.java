package io.fcn.persistence.types;

import org.jooq.EnumType;

/**
 * The event types the schema allows (CHECK {@code ck_fcn_lifecycle_event_type}), each with its lower-case database
 * value. {@link #AUTOCALL}, {@link #COUPON_PAYMENT}, {@link #KI_BREACH} and {@link #MATURITY} are the first
 * revision's names, kept so its rows still read.
 */
public enum LifecycleEventType implements EnumType {
    CREATED("created"),
    OBSERVATION_POSTED("observation_posted"),
    COUPON_PAID("coupon_paid"),
    KNOCKED_IN("knocked_in"),
    KNOCKED_OUT("knocked_out"),
    TERMINATED("terminated"),
    MATURED("matured"),
    AUTOCALL("autocall"),
    COUPON_PAYMENT("coupon_payment"),
    KI_BREACH("ki_breach"),
    MATURITY("maturity"),
    AUTOCALLED("autocalled"),
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
