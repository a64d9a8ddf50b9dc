package io.fcn.persistence.trade;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.fcn.persistence.internal.validation.Validate;

/**
 * A trade to book, validated when built: {@code trade_id} and {@code template_id} business keys (at most 100
 * printable ASCII characters, no leading or trailing space), {@code spec_version} likewise with at most 20,
 * {@code maturity_date} after {@code trade_date}, {@code notional} positive and exact in DECIMAL(18,4),
 * {@code currency} three upper-case letters, {@code trade_params} a JSON object or array.
 *
 * @param tradeId      the trade's business key
 * @param templateId   the template the trade is booked against
 * @param specVersion  the template's spec version the trade follows
 * @param tradeDate    the trade date
 * @param maturityDate the maturity date, after the trade date
 * @param notional     the notional, positive, in the trade's currency
 * @param currency     the ISO 4217 code, e.g. {@code USD}
 * @param tradeParams  JSON text: an object or an array
 */
public record NewTrade(String tradeId, String templateId, String specVersion, LocalDate tradeDate,
        LocalDate maturityDate, BigDecimal notional, String currency, String tradeParams) {

    static final int KEY_MAX = 100;
    static final int SPEC_VERSION_MAX = 20;

    /**
     * Validates the fields.
     *
     * @param tradeId      the trade's business key
     * @param templateId   the template the trade is booked against
     * @param specVersion  the template's spec version the trade follows
     * @param tradeDate    the trade date
     * @param maturityDate the maturity date, after the trade date
     * @param notional     the notional, positive, in the trade's currency
     * @param currency     the ISO 4217 code, e.g. {@code USD}
     * @param tradeParams  JSON text: an object or an array
     * @throws io.fcn.persistence.exceptions.ValidationException a field breaks its rule (named as its column)
     * @deprecated three strings in a row (trade, template, spec version) are easy to swap unnoticed: use
     *             {@link #builder()}. Removed in the next release.
     */
    @Deprecated(since = "0.1.0")
    public NewTrade {
        Validate.businessKey("trade_id", tradeId, KEY_MAX);
        Validate.businessKey("template_id", templateId, KEY_MAX);
        Validate.businessKey("spec_version", specVersion, SPEC_VERSION_MAX);
        Validate.sqlServerDate("trade_date", tradeDate);
        Validate.after("maturity_date", maturityDate, "trade_date", tradeDate);
        Validate.sqlServerDate("maturity_date", maturityDate);
        Validate.notional("notional", notional);
        Validate.currency("currency", currency);
        Validate.json("trade_params", tradeParams);
    }

    /** {@return a builder that collects the fields by name; {@link Builder#build()} validates them} */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the fields by name; {@link #build()} validates them. */
    public static final class Builder {
        private String tradeId;
        private String templateId;
        private String specVersion;
        private LocalDate tradeDate;
        private LocalDate maturityDate;
        private BigDecimal notional;
        private String currency;
        private String tradeParams;

        private Builder() {
        }

        /**
         * @param tradeId the trade's business key
         * @return this builder
         */
        public Builder tradeId(String tradeId) {
            this.tradeId = tradeId;
            return this;
        }

        /**
         * @param templateId the template's business key
         * @return this builder
         */
        public Builder templateId(String templateId) {
            this.templateId = templateId;
            return this;
        }

        /**
         * @param specVersion the template's spec version
         * @return this builder
         */
        public Builder specVersion(String specVersion) {
            this.specVersion = specVersion;
            return this;
        }

        /**
         * @param tradeDate the trade date
         * @return this builder
         */
        public Builder tradeDate(LocalDate tradeDate) {
            this.tradeDate = tradeDate;
            return this;
        }

        /**
         * @param maturityDate the maturity date, after the trade date
         * @return this builder
         */
        public Builder maturityDate(LocalDate maturityDate) {
            this.maturityDate = maturityDate;
            return this;
        }

        /**
         * @param notional the notional, positive, exact in DECIMAL(18,4)
         * @return this builder
         */
        public Builder notional(BigDecimal notional) {
            this.notional = notional;
            return this;
        }

        /**
         * @param currency the ISO currency code, e.g. {@code USD}
         * @return this builder
         */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /**
         * @param tradeParams the trade's parameters, a JSON object or array
         * @return this builder
         */
        public Builder tradeParams(String tradeParams) {
            this.tradeParams = tradeParams;
            return this;
        }

        /**
         * Validates the fields.
         * @return the trade to book
         * @throws io.fcn.persistence.exceptions.ValidationException naming the first field that is missing or breaks its rule
         */
        public NewTrade build() {
            return new NewTrade(tradeId, templateId, specVersion, tradeDate, maturityDate, notional, currency,
                    tradeParams);
        }
    }
}
