package io.fcn.persistence.idempotency;

/** {@code fcn_idempotency_key.state}: the schema's values, mapped here only (ck_fcn_idempotency_key_state). */
enum ClaimState {
    IN_PROGRESS("in_progress"),
    COMPLETED("completed");

    private final String dbValue;

    ClaimState(String dbValue) {
        this.dbValue = dbValue;
    }

    String dbValue() {
        return dbValue;
    }

    static ClaimState fromDbValue(String value) {
        for (ClaimState state : values()) {
            if (state.dbValue.equals(value)) {
                return state;
            }
        }
        throw new IllegalStateException("Unknown idempotency key state in the database: '" + value + "'");
    }
}
