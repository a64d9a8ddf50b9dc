package io.fcn.persistence.types;

/** {@code fcn_idempotency_key.state}: the schema's values, mapped here only (ck_fcn_idempotency_key_state). */
public enum ClaimState {
    /** Claimed and not completed yet: the request is being processed, or its worker died before its lease ran out. */
    IN_PROGRESS("in_progress"),
    /** Completed: the stored response is replayed for the same request. */
    COMPLETED("completed");

    private final String dbValue;

    ClaimState(String dbValue) {
        this.dbValue = dbValue;
    }

    /** {@return the value stored in {@code fcn_idempotency_key.state}} */
    public String dbValue() {
        return dbValue;
    }

    /**
     * The state stored as {@code value}.
     * @param value the stored value
     * @return its state
     * @throws IllegalStateException for a value the schema's CHECK does not allow
     */
    public static ClaimState fromDbValue(String value) {
        for (ClaimState state : values()) {
            if (state.dbValue.equals(value)) {
                return state;
            }
        }
        throw new IllegalStateException("Unknown idempotency key state in the database: '" + value + "'");
    }
}
