package io.fcn.persistence.types;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event types the schema allows (CHECK {@code ck_fcn_lifecycle_event_type}), each with its lower-case database
 * value. {@link #AUTOCALL}, {@link #COUPON_PAYMENT}, {@link #KI_BREACH} and {@link #MATURITY} are the first
 * revision's names, kept so its rows still read.
 */
public enum LifecycleEventType {
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

    private static final Map<String, LifecycleEventType> BY_DB_VALUE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(LifecycleEventType::dbValue, Function.identity()));

    private final String dbValue;

    LifecycleEventType(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in {@code event_type}. */
    public String dbValue() {
        return dbValue;
    }

    /** The type stored as {@code value}; anything else means the database holds a value the schema forbids. */
    public static LifecycleEventType fromDbValue(String value) {
        LifecycleEventType type = BY_DB_VALUE.get(value);
        if (type == null) {
            throw new IllegalStateException("Unknown lifecycle event type in the database: '" + value + "'");
        }
        return type;
    }
}
