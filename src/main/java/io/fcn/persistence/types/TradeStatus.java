package io.fcn.persistence.types;

import org.jooq.EnumType;

/**
 * A trade's status (CHECK {@code ck_fcn_trade_status}), with its lower-case database value. Which status may
 * follow which is {@code io.fcn.persistence.trade.TradeTransitions}' table.
 */
public enum TradeStatus implements EnumType {
    ACTIVE("active"),
    KNOCKED_IN("knocked_in"),
    KNOCKED_OUT("knocked_out"),
    AUTOCALLED("autocalled"),
    MATURED("matured"),
    SETTLED("settled"),
    TERMINATED("terminated");

    private final String literal;

    TradeStatus(String literal) {
        this.literal = literal;
    }

    /** The value stored in {@code fcn_trade.status}; jOOQ's generated field converts with it. */
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
