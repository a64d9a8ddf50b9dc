package io.fcn.persistence.testkit;

import java.time.LocalDate;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.trade.Trade;

/**
 * A valid lifecycle event to append, every field overridable; see {@link FcnTestData#anEvent()}. Events have no
 * business key: appending the same one twice appends two.
 */
public final class EventBuilder {

    private String tradeId;
    private LifecycleEventType type = LifecycleEventType.COUPON_PAID;
    private LocalDate eventDate = LocalDate.of(2026, 4, 17);
    private String payload = "{\"amount\": 8750.00}";

    EventBuilder() {
    }

    /** An existing trade; without one, {@link #append} books a trade (and its template) first. */
    public EventBuilder forTrade(String tradeId) {
        this.tradeId = tradeId;
        return this;
    }

    public EventBuilder forTrade(Trade trade) {
        return forTrade(trade.tradeId());
    }

    public EventBuilder withType(LifecycleEventType type) {
        this.type = type;
        return this;
    }

    public EventBuilder onDate(LocalDate eventDate) {
        this.eventDate = eventDate;
        return this;
    }

    /** JSON object or array (see {@code EventPayload} to build one). */
    public EventBuilder withPayload(String payload) {
        this.payload = payload;
        return this;
    }

    /** Appends it through {@code fcn.lifecycleEvents()}, booking a trade first when none was named. */
    public LifecycleEvent append(FcnPersistence fcn) {
        if (tradeId == null) {
            tradeId = FcnTestData.aTrade().book(fcn).tradeId();
        }
        return fcn.lifecycleEvents().append(tradeId, type, eventDate, payload);
    }

    public String tradeId() {
        return tradeId;
    }

    public LifecycleEventType type() {
        return type;
    }

    public LocalDate eventDate() {
        return eventDate;
    }

    public String payload() {
        return payload;
    }
}
