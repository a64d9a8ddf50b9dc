package io.fcn.persistence.types;

/** What an observation date observes; the lower-case values are the schema's (ck_fcn_observation_type). */
public enum ObservationType {
    AUTOCALL("autocall"),
    COUPON("coupon"),
    KI("ki"),
    MATURITY("maturity");

    private final String dbValue;

    ObservationType(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in {@code fcn_observation.observation_type}. */
    public String dbValue() {
        return dbValue;
    }

    /** The type stored as {@code value}; the schema's CHECK admits no other values. */
    public static ObservationType fromDbValue(String value) {
        for (ObservationType type : values()) {
            if (type.dbValue.equals(value)) {
                return type;
            }
        }
        throw new IllegalStateException("Unknown observation_type in the database: '" + value + "'");
    }
}
