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

    /** An existing trade; without one, {@link #record} books a trade (and its template) first. */
    public ObservationBuilder forTrade(String tradeId) {
        this.tradeId = tradeId;
        return this;
    }

    public ObservationBuilder forTrade(Trade trade) {
        return forTrade(trade.tradeId());
    }

    public ObservationBuilder onDate(LocalDate observationDate) {
        this.observationDate = observationDate;
        return this;
    }

    public ObservationBuilder withType(ObservationType type) {
        this.type = type;
        return this;
    }

    /** JSON object or array, e.g. {@code {"AAPL": 150.0}}. */
    public ObservationBuilder withUnderlyingPrices(String underlyingPrices) {
        this.underlyingPrices = underlyingPrices;
        return this;
    }

    public ObservationBuilder withAutocallTriggered(boolean autocallTriggered) {
        this.autocallTriggered = autocallTriggered;
        return this;
    }

    public ObservationBuilder withCouponEligible(boolean couponEligible) {
        this.couponEligible = couponEligible;
        return this;
    }

    public ObservationBuilder withKiTriggered(boolean kiTriggered) {
        this.kiTriggered = kiTriggered;
        return this;
    }

    /** Optional JSON detail; null (the default) for none. */
    public ObservationBuilder withObservationData(String observationData) {
        this.observationData = observationData;
        return this;
    }

    /**
     * The observation, validated as {@link Observation#builder()} validates it; without a named trade its trade id is
     * a fresh unique key (no such trade exists).
     */
    public Observation build() {
        String trade = tradeId != null ? tradeId : FcnTestData.uniqueKey("TRD");
        return Observation.builder().tradeId(trade).observationDate(observationDate).type(type)
                .underlyingPrices(underlyingPrices).autocallTriggered(autocallTriggered).couponEligible(couponEligible)
                .kiTriggered(kiTriggered).observationData(observationData).build();
    }

    /** Records it through {@code fcn.observations()}, booking a trade first when none was named. */
    public StoredObservation record(FcnPersistence fcn) {
        if (tradeId == null) {
            tradeId = FcnTestData.aTrade().book(fcn).tradeId();
        }
        return fcn.observations().record(build());
    }
}
