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
    /** The trade was booked. */
    CREATED("created"),
    /** An observation was recorded for the trade. */
    OBSERVATION_POSTED("observation_posted"),
    /** A coupon was paid. */
    COUPON_PAID("coupon_paid"),
    /** The knock-in barrier was breached. */
    KNOCKED_IN("knocked_in"),
    /** The trade knocked out. */
    KNOCKED_OUT("knocked_out"),
    /** The trade was terminated early. */
    TERMINATED("terminated"),
    /** The trade reached maturity. */
    MATURED("matured"),
    /** First revision's name for an autocall; kept so its rows still read. */
    AUTOCALL("autocall"),
    /** First revision's name for a coupon payment; kept so its rows still read. */
    COUPON_PAYMENT("coupon_payment"),
    /** First revision's name for a knock-in breach; kept so its rows still read. */
    KI_BREACH("ki_breach"),
    /** First revision's name for maturity; kept so its rows still read. */
    MATURITY("maturity"),
    /** The trade was autocalled. */
    AUTOCALLED("autocalled"),
    /** The trade was settled; nothing follows. */
    SETTLED("settled");

    private static final Map<String, LifecycleEventType> BY_DB_VALUE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(LifecycleEventType::dbValue, Function.identity()));

    private final String dbValue;

    LifecycleEventType(String dbValue) {
        this.dbValue = dbValue;
    }

    /** {@return the value stored in {@code event_type}} */
    public String dbValue() {
        return dbValue;
    }

    /**
     * The type stored as {@code value}; anything else means the database holds a value the schema forbids.
     * @param value the stored value
     * @return its type
     * @throws IllegalStateException for a value the schema does not allow
     */
    public static LifecycleEventType fromDbValue(String value) {
        LifecycleEventType type = BY_DB_VALUE.get(value);
        if (type == null) {
            throw new IllegalStateException("Unknown lifecycle event type in the database: '" + value + "'");
        }
        return type;
    }
}
