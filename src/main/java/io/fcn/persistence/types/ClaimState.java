package io.fcn.persistence.types;

/** {@code fcn_idempotency_key.state}: the schema's values, mapped here only (ck_fcn_idempotency_key_state). */
public enum ClaimState {
    IN_PROGRESS("in_progress"),
    COMPLETED("completed");

    private final String dbValue;

    ClaimState(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    public static ClaimState fromDbValue(String value) {
        for (ClaimState state : values()) {
            if (state.dbValue.equals(value)) {
                return state;
            }
        }
        throw new IllegalStateException("Unknown idempotency key state in the database: '" + value + "'");
    }
}
