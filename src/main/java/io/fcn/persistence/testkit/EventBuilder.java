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

    /**
     * An existing trade; without one, {@link #append} books a trade (and its template) first.
     * @param tradeId the trade's business key
     * @return this builder
     */
    public EventBuilder forTrade(String tradeId) {
        this.tradeId = tradeId;
        return this;
    }

    /**
     * An existing trade.
     * @param trade the trade
     * @return this builder
     */
    public EventBuilder forTrade(Trade trade) {
        return forTrade(trade.tradeId());
    }

    /**
     * The event type (default {@code coupon_paid}).
     * @param type the type
     * @return this builder
     */
    public EventBuilder withType(LifecycleEventType type) {
        this.type = type;
        return this;
    }

    /**
     * The event date (default 2026-04-17).
     * @param eventDate the date
     * @return this builder
     */
    public EventBuilder onDate(LocalDate eventDate) {
        this.eventDate = eventDate;
        return this;
    }

    /**
     * JSON object or array (see {@code EventPayload} to build one).
     * @param payload the payload
     * @return this builder
     */
    public EventBuilder withPayload(String payload) {
        this.payload = payload;
        return this;
    }

    /**
     * Appends it through {@code fcn.lifecycleEvents()}, booking a trade first when none was named.
     * @param fcn the entry point
     * @return the stored event
     */
    public LifecycleEvent append(FcnPersistence fcn) {
        if (tradeId == null) {
            tradeId = FcnTestData.aTrade().book(fcn).tradeId();
        }
        return fcn.lifecycleEvents().append(tradeId, type, eventDate, payload);
    }

    /** {@return the trade's id: the one named or booked, else null} */
    public String tradeId() {
        return tradeId;
    }

    /** {@return the event type} */
    public LifecycleEventType type() {
        return type;
    }

    /** {@return the event date} */
    public LocalDate eventDate() {
        return eventDate;
    }

    /** {@return the payload} */
    public String payload() {
        return payload;
    }
}
