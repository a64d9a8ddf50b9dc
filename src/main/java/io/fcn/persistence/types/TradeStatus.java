package io.fcn.persistence.types;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A trade's status (CHECK {@code ck_fcn_trade_status}), with its lower-case database value. Which status may
 * follow which is {@code TradeTransitions}' table.
 */
public enum TradeStatus {
    /** Booked and live: the state every trade starts in. */
    ACTIVE("active"),
    /** The knock-in barrier was breached; the trade lives on. */
    KNOCKED_IN("knocked_in"),
    /** Knocked out: ended by its knock-out condition. */
    KNOCKED_OUT("knocked_out"),
    /** Autocalled: redeemed early on an observation date. */
    AUTOCALLED("autocalled"),
    /** Reached its maturity date. */
    MATURED("matured"),
    /** Settled: final, no transition leaves it. */
    SETTLED("settled"),
    /** Terminated early, with a reason and date. */
    TERMINATED("terminated");

    private static final Map<String, TradeStatus> BY_DB_VALUE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TradeStatus::dbValue, Function.identity()));

    private final String dbValue;

    TradeStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** {@return the value stored in {@code status}} */
    public String dbValue() {
        return dbValue;
    }

    /**
     * The status stored as {@code value}; anything else means the database holds a value the schema forbids.
     * @param value the stored value
     * @return its status
     * @throws IllegalStateException for a value the schema does not allow
     */
    public static TradeStatus fromDbValue(String value) {
        TradeStatus status = BY_DB_VALUE.get(value);
        if (status == null) {
            throw new IllegalStateException("Unknown trade status in the database: '" + value + "'");
        }
        return status;
    }
}
