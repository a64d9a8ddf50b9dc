package io.fcn.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Knock-in and terminate with optimistic locking through If-Match and ETag; the trade's lifecycle. */
class TradeLifecycleTest extends ServiceTest {

    private static final byte[] KNOCK_IN = bytes("{\"event_date\": \"2026-06-15\"}");
    private static final byte[] TERMINATE = bytes("""
            {"reason": "client_request", "termination_date": "2026-07-01", "settlement_amount": 990000.00}""");

    private String tradeId;

    @BeforeEach
    void book() {
        tradeId = Api.json(api.book("key-" + UUID.randomUUID(), Api.bookTradeJson())).path("trade_id").stringValue();
    }

    @Test
    void aTradeCarriesItsVersionAsETag() {
        HttpResponse<byte[]> trade = api.get("/api/fcn/trades/" + tradeId);

        assertThat(trade.statusCode()).isEqualTo(200);
        assertThat(trade.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(Api.json(trade).path("version").intValue()).isZero();
    }

    @Test
    void knockInThenTerminateEachAtTheVersionRead() {
        HttpResponse<byte[]> knockedIn = api.post(path("knock-in"), KNOCK_IN, "If-Match", "\"0\"");

        assertThat(knockedIn.statusCode()).isEqualTo(200);
        assertThat(knockedIn.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(Api.json(knockedIn).path("status").stringValue()).isEqualTo("knocked_in");
        assertThat(Api.json(knockedIn).path("knocked_in").booleanValue()).isTrue();

        HttpResponse<byte[]> terminated = api.post(path("terminate"), TERMINATE, "If-Match", "\"1\"");

        assertThat(terminated.statusCode()).isEqualTo(200);
        assertThat(terminated.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(Api.json(terminated).path("status").stringValue()).isEqualTo("terminated");
        assertThat(Api.json(terminated).path("termination_date").stringValue()).isEqualTo("2026-07-01");

        JsonNode lifecycle = Api.json(api.get(path("lifecycle")));
        List<String> types = new ArrayList<>();
        lifecycle.path("events").forEach(e -> types.add(e.path("event_type").stringValue()));
        assertThat(types).containsExactly("created", "knocked_in", "terminated");
        assertThat(lifecycle.path("total_events").intValue()).isEqualTo(3);
        assertThat(lifecycle.path("events").get(2).path("data").path("reason").stringValue())
                .isEqualTo("client_request");
    }

    @Test
    void aStaleVersionIs412AndChangesNothing() {
        assertThat(api.post(path("knock-in"), KNOCK_IN, "If-Match", "\"0\"").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> stale = api.post(path("terminate"), TERMINATE, "If-Match", "\"0\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(Api.json(stale).path("error").stringValue()).isEqualTo("PRECONDITION_FAILED");
        assertThat(Api.json(api.get("/api/fcn/trades/" + tradeId)).path("status").stringValue())
                .isEqualTo("knocked_in");
    }

    @Test
    void aTagThatIsNoVersionIs412() {
        for (String tag : List.of("W/\"0\"", "*", "0")) {
            assertThat(api.post(path("knock-in"), KNOCK_IN, "If-Match", tag).statusCode()).as(tag).isEqualTo(412);
        }
        assertThat(Api.json(api.get("/api/fcn/trades/" + tradeId)).path("status").stringValue()).isEqualTo("active");
    }

    @Test
    void withoutIfMatchTheAnswerIs428() {
        HttpResponse<byte[]> response = api.post(path("knock-in"), KNOCK_IN);

        assertThat(response.statusCode()).isEqualTo(428);
        assertThat(Api.json(response).path("error").stringValue()).isEqualTo("PRECONDITION_REQUIRED");
    }

    @Test
    void terminatingATerminatedTradeIs409() {
        assertThat(api.post(path("terminate"), TERMINATE, "If-Match", "\"0\"").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> again = api.post(path("terminate"), TERMINATE, "If-Match", "\"1\"");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Api.json(again).path("error").stringValue()).isEqualTo("INVALID_STATE_TRANSITION");
    }

    @Test
    void aTerminationNeedsReasonDateAndAmount() {
        HttpResponse<byte[]> response = api.post(path("terminate"), bytes("{\"reason\": \"boredom\"}"),
                "If-Match", "\"0\"");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Api.violationFields(response)).containsExactly("reason", "termination_date", "settlement_amount");
    }

    @Test
    void aTerminationBeforeTheTradeDateIs422OnItsDate() {
        HttpResponse<byte[]> response = api.post(path("terminate"), bytes("""
                {"reason": "regulatory", "termination_date": "2025-12-31", "settlement_amount": 0}"""),
                "If-Match", "\"0\"");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Api.violationFields(response)).containsExactly("termination_date");
    }

    @Test
    void anUnknownTradeIs404() {
        for (HttpResponse<byte[]> response : List.of(api.get("/api/fcn/trades/no-such-trade"),
                api.get("/api/fcn/trades/no-such-trade/lifecycle"),
                api.post("/api/fcn/trades/no-such-trade/knock-in", KNOCK_IN, "If-Match", "\"0\""))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(Api.json(response).path("error").stringValue()).isEqualTo("NOT_FOUND");
        }
    }

    private String path(String operation) {
        return "/api/fcn/trades/" + tradeId + "/" + operation;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
