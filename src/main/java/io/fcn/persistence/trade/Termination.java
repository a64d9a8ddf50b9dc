package io.fcn.persistence.trade;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.fcn.persistence.internal.validation.Validate;

/**
 * The details of an early termination, for {@link TradeRepository#terminate}: when ({@code termination_date}, also
 * written to the trade's {@code termination_date} column), why ({@code termination_reason}, 1–500 characters, not
 * blank) and for how much ({@code settlement_amount}, what changes hands; zero or negative allowed). All three go
 * into the payload of the trade's {@code terminated} lifecycle event. Validated when built, by name:
 *
 * <pre>{@code
 * Termination t = Termination.builder().date(LocalDate.of(2026, 9, 1)).reason("client request")
 *         .settlementAmount(new BigDecimal("-1250.00")).build();
 * }</pre>
 *
 * The constructor stays: its three parameters have three different types, so they cannot be swapped unnoticed.
 *
 * @param date             the termination date
 * @param reason           why the trade ends early
 * @param settlementAmount the amount settled on termination, in the trade's currency
 */
public record Termination(LocalDate date, String reason, BigDecimal settlementAmount) {

    static final int REASON_MAX = 500;

    /**
     * Validates the fields.
     * @param date             the termination date
     * @param reason           why the trade ends early
     * @param settlementAmount the amount settled on termination
     * @throws io.fcn.persistence.exceptions.ValidationException a field breaks its rule, named as above
     */
    public Termination {
        Validate.sqlServerDate("termination_date", date);
        Validate.text("termination_reason", reason, REASON_MAX);
        Validate.notNull("settlement_amount", settlementAmount);
    }

    /** {@return a builder that collects the fields by name; {@link Builder#build()} validates them} */
    public static Builder builder() {
        return new Builder();
    }

    /** The fields of a {@link Termination} by name. */
    public static final class Builder {
        private LocalDate date;
        private String reason;
        private BigDecimal settlementAmount;

        private Builder() {
        }

        /**
         * When the trade ends (required).
         * @param date the termination date
         * @return this builder
         */
        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        /**
         * Why the trade ends early (1–500 characters, not blank).
         * @param reason the termination reason
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * What changes hands (required; zero or negative allowed).
         * @param settlementAmount the settlement amount
         * @return this builder
         */
        public Builder settlementAmount(BigDecimal settlementAmount) {
            this.settlementAmount = settlementAmount;
            return this;
        }

        /**
         * Validates the fields and builds the termination.
         * @return the termination
         * @throws io.fcn.persistence.exceptions.ValidationException a field breaks its rule
         */
        public Termination build() {
            return new Termination(date, reason, settlementAmount);
        }
    }
}
