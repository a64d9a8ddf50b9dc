package io.fcn.examples.springboot;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.IdempotencyTokenException;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.ClaimToken;
import io.fcn.persistence.idempotency.IdempotentRequest;
import io.fcn.persistence.template.Template;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Trade;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /api/fcn/trades under an Idempotency-Key, as the IETF idempotency-key draft has it. The key is claimed
 * first, on the raw body's fingerprint, so a key reused with another payload is a 422 whatever that payload is.
 * The claimed request's answer is stored with the key and replayed byte for byte: the 201 (stored in the booking's
 * transaction), and the request's own errors, 400 and 422 (the same request would fail the same way again). Any
 * other failure releases the key, so the client's retry is processed.
 */
@Service
class Booking {

    static final String PATH = "/api/fcn/trades";
    static final Duration KEY_TTL = Duration.ofHours(24);
    static final Duration LEASE = Duration.ofSeconds(30);

    /** The response to send: status, the exact body, and whether it is a stored one. */
    record Response(int status, String body, boolean replayed) {
    }

    /** A body that passed the contract's schema. */
    private record Request(String templateId, BigDecimal notional, LocalDate tradeDate, String clientId,
            String currency, JsonNode initialFixing, JsonNode metadata) {
    }

    private final FcnPersistence fcn;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ApiErrorHandler errors;

    Booking(FcnPersistence fcn, TransactionTemplate tx, JdbcTemplate jdbc, JsonMapper json, ApiErrorHandler errors) {
        this.fcn = fcn;
        this.tx = tx;
        this.jdbc = jdbc;
        this.json = json;
        this.errors = errors;
    }

    Response book(String key, byte[] body) {
        if (key == null || key.isEmpty()) {
            throw new ApiError(HttpStatus.BAD_REQUEST, ApiError.Code.IDEMPOTENCY_KEY_MISSING,
                    "the Idempotency-Key header is required");
        }
        // outside any transaction: the claim commits on its own, so other workers see it at once
        ClaimOutcome outcome = fcn.idempotency().claim(key, IdempotentRequest.of("POST", PATH, body), KEY_TTL, LEASE);
        if (outcome instanceof ClaimOutcome.Replay replay) {
            return new Response(replay.status(), replay.body(), true);
        }
        if (outcome instanceof ClaimOutcome.InProgress) {
            throw inFlight();
        }
        if (outcome instanceof ClaimOutcome.Conflict) {
            throw new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, ApiError.Code.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with another request payload");
        }
        return process(((ClaimOutcome.Claimed) outcome).token(), body);
    }

    private Response process(ClaimToken token, byte[] body) {
        ApiError refused;
        try {
            Request request = parse(body);
            return tx.execute(status -> {
                Response created = bookTrade(request);
                fcn.idempotency().complete(token, created.status(), created.body()); // commits with the booking
                return created;
            });
        } catch (ApiError e) {
            refused = e;
        } catch (NotFoundException e) {
            refused = ApiError.invalid(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new ApiError.Violation(
                    ApiError.Code.NOT_FOUND.name(), "no template with this id", "error", "template_id")));
        } catch (ValidationException e) {
            refused = ApiError.invalid(HttpStatus.UNPROCESSABLE_CONTENT, e);
        } catch (IdempotencyTokenException e) {
            throw inFlight(); // our lease ran out and another worker took the key over: nothing of ours committed
        } catch (RuntimeException e) {
            try {
                tx.executeWithoutResult(status -> fcn.idempotency().release(token));
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
        String stored = errors.render(refused, PATH);
        tx.executeWithoutResult(status -> fcn.idempotency().complete(token, refused.status.value(), stored));
        return new Response(refused.status.value(), stored, false);
    }

    /** The contract's TradeCreateRequest, plus this service's optional currency; 400 naming every broken field. */
    private Request parse(byte[] body) {
        JsonBody b = JsonBody.parse(json, body);
        String templateId = b.text("template_id", true);
        BigDecimal notional = b.number("notional_amount", true);
        b.check(notional == null || notional.signum() >= 0, "notional_amount", "must be at least 0");
        LocalDate tradeDate = b.date("trade_date", true);
        String clientId = b.text("client_id", true);
        String currency = b.text("currency", false);
        JsonNode initialFixing = b.object("initial_fixing", true);
        JsonNode metadata = b.object("metadata", false);
        b.orFail();
        return new Request(templateId, notional, tradeDate, clientId, currency, initialFixing, metadata);
    }

    /** Books the trade and the service's own row of it, in the caller's transaction. */
    private Response bookTrade(Request r) {
        Template template = fcn.templates().get(r.templateId());
        JsonNode parameters = json.readTree(template.parameters());
        JsonNode years = parameters.get("maturity_years");
        if (years == null || !years.isNumber()) {
            throw new ValidationException("template_id", "the template has no maturity_years");
        }
        LocalDate maturity = r.tradeDate().plusMonths(Math.round(years.doubleValue() * 12));
        String currency = r.currency() != null ? r.currency() : parameters.path("currency").stringValue(null);
        if (currency == null) {
            throw new ValidationException("currency", "is required: the template names none");
        }
        ObjectNode params = json.createObjectNode().put("client_id", r.clientId());
        if (r.initialFixing() != null) {
            params.set("initial_fixing", r.initialFixing());
        }
        if (r.metadata() != null) {
            params.set("metadata", r.metadata());
        }
        Trade trade = fcn.trades().book(NewTrade.builder().tradeId(UUID.randomUUID().toString())
                .templateId(template.templateId()).specVersion(template.specVersion())
                .tradeDate(r.tradeDate()).maturityDate(maturity).notional(r.notional()).currency(currency)
                .tradeParams(json.writeValueAsString(params)).build());
        // the service's own table (db/migration), in the same transaction as the library's rows
        jdbc.update("INSERT INTO svc_trade_client (trade_id, client_id) VALUES (?, ?)", trade.tradeId(),
                r.clientId());
        String created = json.writeValueAsString(
                new TradeJson.Created(trade.tradeId(), trade.status().getLiteral(), trade.createdAt()));
        return new Response(201, created, false);
    }

    private static ApiError inFlight() {
        return new ApiError(HttpStatus.CONFLICT, ApiError.Code.IDEMPOTENCY_KEY_IN_USE,
                "a request with this Idempotency-Key is still being processed: retry later");
    }
}
