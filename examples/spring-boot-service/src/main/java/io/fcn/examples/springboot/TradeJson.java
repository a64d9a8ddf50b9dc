package io.fcn.examples.springboot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.paging.Page;
import io.fcn.persistence.trade.Trade;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract's response bodies; field names become snake_case (spring.jackson.property-naming-strategy). */
final class TradeJson {

    private TradeJson() {
    }

    /** TradeCreateResponse. */
    record Created(String tradeId, String status, OffsetDateTime createdAt) {
    }

    /**
     * The contract's Trade. client_id, initial_fixing and metadata live in the library's trade_params; currency,
     * spec_version and version are the library's, beyond the contract. knocked_out is the library's autocall flag,
     * as the contract describes the field ("whether autocall has been triggered").
     */
    record TradeBody(String tradeId, String templateId, String specVersion, String clientId, BigDecimal notionalAmount,
            String currency, LocalDate tradeDate, LocalDate maturityDate, String status, boolean knockedIn,
            boolean knockedOut, LocalDate terminationDate, JsonNode initialFixing, JsonNode metadata, int version,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    record Pagination(int page, int limit, long totalItems, long totalPages) {
    }

    /** TradeListResponse. */
    record TradeList(List<TradeBody> trades, Pagination pagination) {
    }

    /** The keyset variant: next_cursor is absent on the last page. */
    record TradeKeysetList(List<TradeBody> trades, int limit, String nextCursor) {
    }

    /** TradeLifecycleEvent, without event_id: the library keeps its events' ids to itself. */
    record Event(String tradeId, String eventType, LocalDate eventDate, OffsetDateTime timestamp, JsonNode data) {
    }

    /** TradeLifecycleResponse. */
    record Lifecycle(String tradeId, List<Event> events, int totalEvents) {
    }

    static TradeBody trade(JsonMapper json, Trade t) {
        JsonNode params = json.readTree(t.tradeParams());
        return new TradeBody(t.tradeId(), t.templateId(), t.specVersion(), params.path("client_id").stringValue(null),
                t.notional(), t.currency(), t.tradeDate(), t.maturityDate(), t.status().getLiteral(), t.kiTriggered(),
                t.autocallTriggered(), t.terminationDate().orElse(null), params.get("initial_fixing"),
                params.get("metadata"), t.version(), t.createdAt(), t.updatedAt());
    }

    static TradeList page(JsonMapper json, Page<Trade> page) {
        return new TradeList(page.items().stream().map(t -> trade(json, t)).toList(),
                new Pagination(page.page(), page.limit(), page.totalItems(), page.totalPages()));
    }

    static Event event(JsonMapper json, LifecycleEvent e) {
        return new Event(e.tradeId(), e.type().getLiteral(), e.eventDate(), e.createdAt(), json.readTree(e.payload()));
    }
}
