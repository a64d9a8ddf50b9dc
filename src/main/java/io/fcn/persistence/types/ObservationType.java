package io.fcn.persistence.types;

/** What an observation date observes; the lower-case values are the schema's (ck_fcn_observation_type). */
public enum ObservationType {
    /** An autocall observation: did the underlyings reach the autocall level? */
    AUTOCALL("autocall"),
    /** A coupon observation: is the coupon due? */
    COUPON("coupon"),
    /** A knock-in observation: was the barrier breached? */
    KI("ki"),
    /** The final observation at maturity. */
    MATURITY("maturity");

    private final String dbValue;

    ObservationType(String dbValue) {
        this.dbValue = dbValue;
    }

    /** {@return the value stored in {@code fcn_observation.observation_type}} */
    public String dbValue() {
        return dbValue;
    }

    /**
     * The type stored as {@code value}; the schema's CHECK admits no other values.
     * @param value the stored value
     * @return its type
     * @throws IllegalStateException for a value the schema's CHECK does not allow
     */
    public static ObservationType fromDbValue(String value) {
        for (ObservationType type : values()) {
            if (type.dbValue.equals(value)) {
                return type;
            }
        }
        throw new IllegalStateException("Unknown observation_type in the database: '" + value + "'");
    }
}
