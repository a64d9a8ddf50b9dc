package io.fcn.persistence.types;

import org.jooq.EnumType;

/**
 * A trade's status (CHECK {@code ck_fcn_trade_status}), with its lower-case database value. Which status may
 * follow which is {@code io.fcn.persistence.trade.TradeTransitions}' table.
 */
public enum TradeStatus implements EnumType {
    /** Booked and live; the only status a booking gives. */
    ACTIVE("active"),
    /** The knock-in barrier was breached; still live. */
    KNOCKED_IN("knocked_in"),
    /** Knocked out: ended, awaiting settlement. */
    KNOCKED_OUT("knocked_out"),
    /** Called early on an autocall date: ended, awaiting settlement. */
    AUTOCALLED("autocalled"),
    /** Reached its maturity date: ended, awaiting settlement. */
    MATURED("matured"),
    /** Settled after it ended; final, no transition leaves it. */
    SETTLED("settled"),
    /** Terminated early (see {@code io.fcn.persistence.trade.Termination}): ended, awaiting settlement. */
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
