package io.fcn.persistence.types;

import org.jooq.EnumType;

/** What an observation date observes; the lower-case values are the schema's (ck_fcn_observation_type). */
public enum ObservationType implements EnumType {
    /** An autocall observation: may call the note early. */
    AUTOCALL("autocall"),
    /** A coupon observation: decides whether the coupon is due. */
    COUPON("coupon"),
    /** A knock-in observation: checks the barrier. */
    KI("ki"),
    /** The final observation at maturity. */
    MATURITY("maturity");

    private final String literal;

    ObservationType(String literal) {
        this.literal = literal;
    }

    /** The value stored in {@code fcn_observation.observation_type}; jOOQ's generated field converts with it. */
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
