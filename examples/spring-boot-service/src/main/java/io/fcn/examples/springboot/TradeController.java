package io.fcn.examples.springboot;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.paging.KeysetPage;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.trade.Termination;
import io.fcn.persistence.trade.Trade;
import io.fcn.persistence.trade.TradeFilter;
import io.fcn.persistence.types.TradeStatus;

import tools.jackson.databind.json.JsonMapper;

/** The contract's trade endpoints, plus a keyset list and a knock-in. */
@RestController
@RequestMapping("/api/fcn/trades")
class TradeController {

    private static final Set<String> REASONS = Set.of("early_redemption", "issuer_call", "client_request",
            "regulatory");

    private final FcnPersistence fcn;
    private final Booking booking;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    TradeController(FcnPersistence fcn, Booking booking, TransactionTemplate tx, JsonMapper json) {
        this.fcn = fcn;
        this.booking = booking;
        this.tx = tx;
        this.json = json;
    }

    /** The body is taken as bytes: the idempotency fingerprint is over exactly what the client sent. */
    @PostMapping
    ResponseEntity<byte[]> book(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody(required = false) byte[] body) {
        Booking.Response r = booking.book(key, body == null ? new byte[0] : body);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_JSON);
        if (r.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        if (r.status() == HttpStatus.CREATED.value()) {
            response.location(URI.create(Booking.PATH + "/" + json.readTree(r.body()).get("trade_id").stringValue()));
        }
        return response.body(r.body().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping
    TradeJson.TradeList list(@RequestParam(required = false) String status,
            @RequestParam(name = "template_id", required = false) String templateId,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int limit) {
        return TradeJson.page(json, fcn.trades().list(filter(status, templateId), PageRequest.of(page, limit)));
    }

    /** The keyset variant: no totals, each page one index seek; pass next_cursor back unchanged. */
    @GetMapping("/keyset")
    TradeJson.TradeKeysetList keyset(@RequestParam(required = false) String status,
            @RequestParam(name = "template_id", required = false) String templateId,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        KeysetRequest request = cursor == null ? KeysetRequest.first(limit) : KeysetRequest.after(cursor, limit);
        KeysetPage<Trade> page = fcn.trades().list(filter(status, templateId), request);
        return new TradeJson.TradeKeysetList(page.items().stream().map(t -> TradeJson.trade(json, t)).toList(),
                limit, page.nextCursor().orElse(null));
    }

    @GetMapping("/{tradeId}")
    ResponseEntity<TradeJson.TradeBody> get(@PathVariable String tradeId) {
        return withEtag(fcn.trades().get(tradeId));
    }

    @PostMapping("/{tradeId}/knock-in")
    ResponseEntity<TradeJson.TradeBody> knockIn(@PathVariable String tradeId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody byte[] body) {
        int version = version(ifMatch);
        JsonBody b = JsonBody.parse(json, body);
        LocalDate eventDate = b.date("event_date", true);
        b.orFail();
        return withEtag(inTransaction(() -> fcn.trades().knockIn(tradeId, version, eventDate)));
    }

    /** The contract's terminate; settlement_amount, optional there, is required: the library stores it. */
    @PostMapping("/{tradeId}/terminate")
    ResponseEntity<TradeJson.TradeBody> terminate(@PathVariable String tradeId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody byte[] body) {
        int version = version(ifMatch);
        JsonBody b = JsonBody.parse(json, body);
        String reason = b.oneOf("reason", REASONS, true);
        LocalDate date = b.date("termination_date", true);
        BigDecimal amount = b.number("settlement_amount", true);
        b.orFail();
        return withEtag(inTransaction(() -> fcn.trades().terminate(tradeId, version,
                Termination.builder().date(date).reason(reason).settlementAmount(amount).build())));
    }

    @GetMapping("/{tradeId}/lifecycle")
    TradeJson.Lifecycle lifecycle(@PathVariable String tradeId) {
        Trade trade = fcn.trades().get(tradeId); // 404 for an unknown trade, not an empty history
        List<TradeJson.Event> events = fcn.lifecycleEvents().history(trade.tradeId()).stream()
                .map(e -> TradeJson.event(json, e)).toList();
        return new TradeJson.Lifecycle(trade.tradeId(), events, events.size());
    }

    /** Each combination of the two optional parameters is one of the library's lists. */
    private static TradeFilter filter(String status, String templateId) {
        if (status == null) {
            return templateId == null ? TradeFilter.all() : TradeFilter.byTemplate(templateId);
        }
        TradeStatus parsed = Arrays.stream(TradeStatus.values()).filter(s -> s.getLiteral().equals(status))
                .findFirst().orElseThrow(() -> badParameter("status", "is not a trade status"));
        return templateId == null ? TradeFilter.byStatus(parsed) : TradeFilter.byTemplateAndStatus(templateId, parsed);
    }

    /** The version an If-Match names: 428 without one; a tag that is no version of ours can only be stale (412). */
    private static int version(String ifMatch) {
        if (ifMatch == null) {
            throw new ApiError(HttpStatus.PRECONDITION_REQUIRED, ApiError.Code.PRECONDITION_REQUIRED,
                    "send If-Match with the trade's ETag");
        }
        String tag = ifMatch.strip();
        if (tag.matches("\"\\d{1,9}\"")) {
            return Integer.parseInt(tag.substring(1, tag.length() - 1));
        }
        throw new ApiError(HttpStatus.PRECONDITION_FAILED, ApiError.Code.PRECONDITION_FAILED,
                "If-Match names no version of this trade");
    }

    /**
     * Library writes need a Spring transaction (the auto-configuration's callerManagedTransactions). A well-formed
     * body the library's rules refuse is a 422, as in a booking.
     */
    private Trade inTransaction(Supplier<Trade> work) {
        try {
            return tx.execute(status -> work.get());
        } catch (ValidationException e) {
            throw ApiError.invalid(HttpStatus.UNPROCESSABLE_CONTENT, e);
        }
    }

    private ResponseEntity<TradeJson.TradeBody> withEtag(Trade trade) {
        return ResponseEntity.ok().eTag("\"" + trade.version() + "\"").body(TradeJson.trade(json, trade));
    }

    private static ApiError badParameter(String field, String message) {
        return ApiError.invalid(HttpStatus.BAD_REQUEST, List.of(ApiError.Violation.of(field, message)));
    }
}
