package io.fcn.persistence.testkit;

import java.time.LocalDate;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.observation.StoredObservation;
import io.fcn.persistence.trade.Trade;

/** A valid {@link Observation}, every field overridable; see {@link FcnTestData#anObservation()}. */
public final class ObservationBuilder {

    private static final LocalDate FIRST_DATE = LocalDate.of(2026, 1, 16);

    private String tradeId;
    /** Within the default trade's life, and different for each builder, so (trade, date) rarely collide. */
    private LocalDate observationDate = FIRST_DATE.plusDays(FcnTestData.next() % 364);
    private ObservationType type = ObservationType.COUPON;
    private String underlyingPrices = "{\"AAPL\": 182.5, \"MSFT\": 410.1}";
    private boolean autocallTriggered;
    private boolean couponEligible = true;
    private boolean kiTriggered;
    private String observationData;

    ObservationBuilder() {
    }

    /**
     * An existing trade; without one, {@link #record} books a trade (and its template) first.
     * @param tradeId the trade's business key
     * @return this builder
     */
    public ObservationBuilder forTrade(String tradeId) {
        this.tradeId = tradeId;
        return this;
    }

    /**
     * An existing trade.
     * @param trade the trade
     * @return this builder
     */
    public ObservationBuilder forTrade(Trade trade) {
        return forTrade(trade.tradeId());
    }

    /**
     * The observation date (default: one unique to this builder in 2026).
     * @param observationDate the date
     * @return this builder
     */
    public ObservationBuilder onDate(LocalDate observationDate) {
        this.observationDate = observationDate;
        return this;
    }

    /**
     * The observation type (default {@code coupon}).
     * @param type the type
     * @return this builder
     */
    public ObservationBuilder withType(ObservationType type) {
        this.type = type;
        return this;
    }

    /**
     * JSON object or array, e.g. {@code {"AAPL": 150.0}}.
     * @param underlyingPrices the prices, JSON
     * @return this builder
     */
    public ObservationBuilder withUnderlyingPrices(String underlyingPrices) {
        this.underlyingPrices = underlyingPrices;
        return this;
    }

    /**
     * @param autocallTriggered whether the autocall level was reached (default false)
     * @return this builder
     */
    public ObservationBuilder withAutocallTriggered(boolean autocallTriggered) {
        this.autocallTriggered = autocallTriggered;
        return this;
    }

    /**
     * @param couponEligible whether the coupon is due (default true)
     * @return this builder
     */
    public ObservationBuilder withCouponEligible(boolean couponEligible) {
        this.couponEligible = couponEligible;
        return this;
    }

    /**
     * @param kiTriggered whether the knock-in barrier was breached (default false)
     * @return this builder
     */
    public ObservationBuilder withKiTriggered(boolean kiTriggered) {
        this.kiTriggered = kiTriggered;
        return this;
    }

    /**
     * Optional JSON detail; null (the default) for none.
     * @param observationData the detail, JSON, or null
     * @return this builder
     */
    public ObservationBuilder withObservationData(String observationData) {
        this.observationData = observationData;
        return this;
    }

    /**
     * The observation, validated as {@link Observation#builder()} validates it; without a named trade its trade id is
     * a fresh unique key (no such trade exists).
     * @return the observation
     */
    public Observation build() {
        String trade = tradeId != null ? tradeId : FcnTestData.uniqueKey("TRD");
        return Observation.builder().tradeId(trade).observationDate(observationDate).type(type)
                .underlyingPrices(underlyingPrices).autocallTriggered(autocallTriggered).couponEligible(couponEligible)
                .kiTriggered(kiTriggered).observationData(observationData).build();
    }

    /**
     * Records it through {@code fcn.observations()}, booking a trade first when none was named.
     * @param fcn the entry point
     * @return the stored observation
     */
    public StoredObservation record(FcnPersistence fcn) {
        if (tradeId == null) {
            tradeId = FcnTestData.aTrade().book(fcn).tradeId();
        }
        return fcn.observations().record(build());
    }
}
