package io.fcn.examples.consumer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotentRequest;
import io.fcn.persistence.lifecycle.EventPayload;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.observation.ObservationBatchResult;
import io.fcn.persistence.template.Template;
import io.fcn.persistence.trade.Trade;

/** The service's trade use cases, on the library's repositories. */
public final class TradeBookingService {

    static final String METHOD = "POST";
    static final String PATH = "/v1/trades";
    static final Duration KEY_TTL = Duration.ofHours(24);
    static final Duration LEASE = Duration.ofSeconds(30);

    private final FcnPersistence fcn;

    public TradeBookingService(FcnPersistence fcn) {
        this.fcn = fcn;
    }

    /**
     * Books the trade once per idempotency key: the claim commits on its own (other workers see it at once); the
     * booking and the stored response then commit together. A repeated request gets the stored response.
     */
    public BookingResponse book(String idempotencyKey, BookingRequest request) {
        ClaimOutcome outcome = fcn.idempotency().claim(idempotencyKey,
                IdempotentRequest.of(METHOD, PATH, request.body()), KEY_TTL, LEASE);
        if (outcome instanceof ClaimOutcome.Claimed claimed) {
            try {
                return fcn.inTransaction(() -> {
                    Template template = fcn.templates().get(request.templateId());
                    Trade trade = fcn.trades().book(request.toNewTrade(template.specVersion()));
                    String body = EventPayload.object().put("trade_id", trade.tradeId())
                            .put("status", trade.status().getLiteral()).toJson();
                    fcn.idempotency().complete(claimed.token(), 201, body);
                    return new BookingResponse(201, body, false);
                });
            } catch (RuntimeException e) {
                // Nothing was booked: free the key so the client's retry is processed, not told "in progress".
                fcn.idempotency().release(claimed.token());
                throw e;
            }
        } else if (outcome instanceof ClaimOutcome.Replay replay) {
            return new BookingResponse(replay.status(), replay.body(), true);
        } else if (outcome instanceof ClaimOutcome.InProgress) {
            return new BookingResponse(409, "{\"error\": \"still processing\"}", false);
        }
        return new BookingResponse(422, "{\"error\": \"idempotency key reused with another request\"}", false);
    }

    /**
     * Records a trade's observations in one batch (identical re-deliveries are skipped) and, when any were new, an
     * {@code observation_posted} event, in one transaction.
     */
    public ObservationBatchResult recordObservations(String tradeId, LocalDate postedOn,
            List<Observation> observations) {
        return fcn.inTransaction(() -> {
            ObservationBatchResult result = fcn.observations().recordAll(observations);
            if (result.inserted() > 0) {
                fcn.lifecycleEvents().append(tradeId, LifecycleEventType.OBSERVATION_POSTED, postedOn,
                        EventPayload.object().put("observations", result.inserted()).toJson());
            }
            return result;
        });
    }

    /** The trade's lifecycle, in event order. */
    public List<LifecycleEvent> lifecycle(String tradeId) {
        return fcn.lifecycleEvents().history(tradeId);
    }
}
