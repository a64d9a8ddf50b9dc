package io.fcn.persistence.observation;

import java.time.LocalDate;

import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.ObservationType;

/**
 * One observation of a trade on one date, as recorded: what the caller sends and what {@link StoredObservation}
 * carries back. JSON columns are JSON text ({@code observationData} may be null). Build it by name; {@link
 * Builder#build()} validates it, as trades and templates are validated when built:
 *
 * <pre>{@code
 * Observation o = Observation.builder().tradeId("TRD-1").observationDate(LocalDate.of(2026, 4, 15))
 *         .type(ObservationType.COUPON).underlyingPrices("{\"AAPL\": 182.5}").couponEligible(true).build();
 * }</pre>
 *
 * The three flags default to {@code false}, {@code observationData} to null (none).
 *
 * @param tradeId           the trade's business key (unique case-insensitively, as SQL Server compares it)
 * @param observationDate   the observation date; one observation per trade and date
 * @param type              what is observed on that date
 * @param underlyingPrices  JSON text, e.g. {@code {"AAPL": 182.5}}
 * @param autocallTriggered whether the autocall condition was met
 * @param couponEligible    whether the coupon is due
 * @param kiTriggered       whether the knock-in barrier was breached
 * @param observationData   optional JSON text with further detail, or null
 */
public record Observation(
        String tradeId,
        LocalDate observationDate,
        ObservationType type,
        String underlyingPrices,
        boolean autocallTriggered,
        boolean couponEligible,
        boolean kiTriggered,
        String observationData) {

    /**
     * Not validated until recorded ({@link ObservationRepository} checks it before any SQL).
     *
     * @param tradeId           the trade's business key
     * @param observationDate   the observation date
     * @param type              what is observed on that date
     * @param underlyingPrices  JSON text
     * @param autocallTriggered whether the autocall condition was met
     * @param couponEligible    whether the coupon is due
     * @param kiTriggered       whether the knock-in barrier was breached
     * @param observationData   optional JSON text, or null
     *
     * @deprecated three booleans in a row are easy to swap unnoticed, and nothing is checked when built: use
     *             {@link #builder()}. Removed in the next release.
     */
    @Deprecated(since = "0.1.0")
    public Observation {
    }

    /** {@return a builder that collects the fields by name; {@link Builder#build()} validates them} */
    public static Builder builder() {
        return new Builder();
    }

    /** The fields of an {@link Observation} by name. */
    public static final class Builder {
        private String tradeId;
        private LocalDate observationDate;
        private ObservationType type;
        private String underlyingPrices;
        private boolean autocallTriggered;
        private boolean couponEligible;
        private boolean kiTriggered;
        private String observationData;

        private Builder() {
        }

        /**
         * The trade's business key (at most 100 characters).
         * @param tradeId the trade's {@code trade_id}
         * @return this builder
         */
        public Builder tradeId(String tradeId) {
            this.tradeId = tradeId;
            return this;
        }

        /**
         * The observation date (required); one observation per trade and date.
         * @param observationDate the date observed
         * @return this builder
         */
        public Builder observationDate(LocalDate observationDate) {
            this.observationDate = observationDate;
            return this;
        }

        /**
         * What is observed (required).
         * @param type the observation's type
         * @return this builder
         */
        public Builder type(ObservationType type) {
            this.type = type;
            return this;
        }

        /**
         * The underlying prices (required).
         * @param underlyingPrices JSON text, e.g. {@code {"AAPL": 182.5}}
         * @return this builder
         */
        public Builder underlyingPrices(String underlyingPrices) {
            this.underlyingPrices = underlyingPrices;
            return this;
        }

        /**
         * Whether the autocall condition was met (default false).
         * @param autocallTriggered the flag
         * @return this builder
         */
        public Builder autocallTriggered(boolean autocallTriggered) {
            this.autocallTriggered = autocallTriggered;
            return this;
        }

        /**
         * Whether the coupon is due (default false).
         * @param couponEligible the flag
         * @return this builder
         */
        public Builder couponEligible(boolean couponEligible) {
            this.couponEligible = couponEligible;
            return this;
        }

        /**
         * Whether the knock-in barrier was breached (default false).
         * @param kiTriggered the flag
         * @return this builder
         */
        public Builder kiTriggered(boolean kiTriggered) {
            this.kiTriggered = kiTriggered;
            return this;
        }

        /**
         * Further detail.
         * @param observationData optional JSON text; null (the default) for none
         * @return this builder
         */
        public Builder observationData(String observationData) {
            this.observationData = observationData;
            return this;
        }

        /**
         * Validates the fields and builds the observation.
         * @return the observation
         * @throws io.fcn.persistence.exceptions.ValidationException a field breaks its rule, named as its column:
         *         {@code trade_id} (a business key of at most 100 characters), {@code observation_date} and
         *         {@code observation_type} (required), {@code underlying_prices} (JSON), {@code observation_data}
         *         (JSON, when given)
         */
        public Observation build() {
            Validate.businessKey("trade_id", tradeId, ObservationRepository.TRADE_ID_MAX_LENGTH);
            Validate.sqlServerDate("observation_date", observationDate);
            Validate.notNull("observation_type", type);
            Validate.json("underlying_prices", underlyingPrices);
            if (observationData != null) {
                Validate.json("observation_data", observationData);
            }
            return new Observation(tradeId, observationDate, type, underlyingPrices, autocallTriggered,
                    couponEligible, kiTriggered, observationData);
        }
    }
}
