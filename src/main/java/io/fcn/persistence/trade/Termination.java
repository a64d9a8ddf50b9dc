package io.fcn.persistence.trade;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.fcn.persistence.internal.validation.Validate;

/**
 * Why, when and for how much a trade is terminated early; all three go into the {@code terminated} event's
 * payload, the date also into {@code termination_date}. The reason has at most 500 characters; the amount may be
 * zero or negative (it is what changes hands).
 */
public record Termination(LocalDate date, String reason, BigDecimal settlementAmount) {

    static final int REASON_MAX = 500;

    /**
     * A termination, validated.
     * @param date the termination date
     * @param reason why, at most 500 characters
     * @param settlementAmount what changes hands; may be zero or negative
     * @throws io.fcn.persistence.exceptions.ValidationException when a field is missing or the reason is too long
     */
    public Termination {
        Validate.notNull("termination_date", date);
        Validate.text("termination_reason", reason, REASON_MAX);
        Validate.notNull("settlement_amount", settlementAmount);
    }
}
