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
    ACTIVE("active"),
    KNOCKED_IN("knocked_in"),
    KNOCKED_OUT("knocked_out"),
    AUTOCALLED("autocalled"),
    MATURED("matured"),
    SETTLED("settled"),
    TERMINATED("terminated");

    private static final Map<String, TradeStatus> BY_DB_VALUE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TradeStatus::dbValue, Function.identity()));

    private final String dbValue;

    TradeStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** The value stored in {@code status}. */
    public String dbValue() {
        return dbValue;
    }

    /** The status stored as {@code value}; anything else means the database holds a value the schema forbids. */
    public static TradeStatus fromDbValue(String value) {
        TradeStatus status = BY_DB_VALUE.get(value);
        if (status == null) {
            throw new IllegalStateException("Unknown trade status in the database: '" + value + "'");
        }
        return status;
    }
}
