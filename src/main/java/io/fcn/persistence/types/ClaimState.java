package io.fcn.persistence.types;

import org.jooq.EnumType;

/** {@code fcn_idempotency_key.state}: the schema's values, mapped here only (ck_fcn_idempotency_key_state). */
public enum ClaimState implements EnumType {
    /** Claimed, the request is being processed; no response stored yet. */
    IN_PROGRESS("in_progress"),
    /** Processed: the stored response is replayed for a repeat of the request. */
    COMPLETED("completed");

    private final String literal;

    ClaimState(String literal) {
        this.literal = literal;
    }

    /** The value stored in {@code fcn_idempotency_key.state}; jOOQ's generated field converts with it. */
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
