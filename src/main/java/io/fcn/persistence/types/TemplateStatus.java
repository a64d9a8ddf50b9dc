package io.fcn.persistence.types;

import org.jooq.EnumType;

/** A template's status (CHECK {@code ck_fcn_template_status}), with its lower-case database value. */
public enum TemplateStatus implements EnumType {
    /** Being prepared: no trades may be booked against it yet. */
    DRAFT("draft"),
    /** Trades may be booked against it. */
    ACTIVE("active"),
    /** Retired, with a reason and possibly its successor; final. */
    DEPRECATED("deprecated");

    private final String literal;

    TemplateStatus(String literal) {
        this.literal = literal;
    }

    /** The value stored in {@code fcn_template.status}; jOOQ's generated field converts with it. */
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
