package io.fcn.persistence.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.template.Template;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Trade;

/** A valid {@link NewTrade}, every field overridable; see {@link FcnTestData#aTrade()}. */
public final class TradeBuilder {

    private String tradeId = FcnTestData.uniqueKey("TRD");
    private String templateId;
    private String specVersion = "1.0";
    private LocalDate tradeDate = LocalDate.of(2026, 1, 15);
    private LocalDate maturityDate = LocalDate.of(2027, 1, 15);
    private BigDecimal notional = new BigDecimal("1000000.00");
    private String currency = "USD";
    private String tradeParams = "{\"underlyings\": [\"AAPL\", \"MSFT\"], \"coupon_rate\": 0.035}";

    TradeBuilder() {
    }

    /**
     * @param tradeId the business key (default: a unique {@code TRD-T…})
     * @return this builder
     */
    public TradeBuilder withTradeId(String tradeId) {
        this.tradeId = tradeId;
        return this;
    }

    /**
     * An existing template; without one, {@link #book} creates an active template for the trade.
     * @param templateId the template's business key
     * @return this builder
     */
    public TradeBuilder withTemplateId(String templateId) {
        this.templateId = templateId;
        return this;
    }

    /**
     * The template's id and spec version.
     * @param template an existing template
     * @return this builder
     */
    public TradeBuilder onTemplate(Template template) {
        this.templateId = template.templateId();
        this.specVersion = template.specVersion();
        return this;
    }

    /**
     * @param specVersion the spec version (default {@code 1.0})
     * @return this builder
     */
    public TradeBuilder withSpecVersion(String specVersion) {
        this.specVersion = specVersion;
        return this;
    }

    /**
     * @param tradeDate the trade date (default 2026-01-15)
     * @return this builder
     */
    public TradeBuilder withTradeDate(LocalDate tradeDate) {
        this.tradeDate = tradeDate;
        return this;
    }

    /**
     * @param maturityDate the maturity date (default 2027-01-15)
     * @return this builder
     */
    public TradeBuilder withMaturityDate(LocalDate maturityDate) {
        this.maturityDate = maturityDate;
        return this;
    }

    /**
     * @param notional the notional (default 1,000,000.00)
     * @return this builder
     */
    public TradeBuilder withNotional(BigDecimal notional) {
        this.notional = notional;
        return this;
    }

    /**
     * {@code "250000.00"}: exact, as {@link BigDecimal#BigDecimal(String)} reads it.
     * @param notional the notional as text
     * @return this builder
     */
    public TradeBuilder withNotional(String notional) {
        return withNotional(new BigDecimal(notional));
    }

    /**
     * @param currency the currency (default {@code USD})
     * @return this builder
     */
    public TradeBuilder withCurrency(String currency) {
        this.currency = currency;
        return this;
    }

    /**
     * JSON object or array.
     * @param tradeParams the parameters
     * @return this builder
     */
    public TradeBuilder withTradeParams(String tradeParams) {
        this.tradeParams = tradeParams;
        return this;
    }

    /**
     * The trade id this builder books.
     * @return the trade id
     */
    public String tradeId() {
        return tradeId;
    }

    /**
     * The input, validated as the repository would; without a named template its id is a fresh unique key (no such
     * template exists until {@link #book} creates it).
     * @return the trade to book
     */
    public NewTrade build() {
        String template = templateId != null ? templateId : FcnTestData.uniqueKey("TPL");
        return NewTrade.builder().tradeId(tradeId).templateId(template).specVersion(specVersion)
                .tradeDate(tradeDate).maturityDate(maturityDate).notional(notional).currency(currency)
                .tradeParams(tradeParams).build();
    }

    /**
     * Books it through {@code fcn.trades()}; without a named template, first creates an active one of the trade's
     * spec version, in the same transaction.
     * @param fcn the entry point
     * @return the stored trade
     */
    public Trade book(FcnPersistence fcn) {
        if (templateId != null) {
            return fcn.trades().book(build());
        }
        return fcn.inTransaction(() -> {
            Template template = FcnTestData.aTemplate().withSpecVersion(specVersion).create(fcn);
            templateId = template.templateId();
            return fcn.trades().book(build());
        });
    }
}
