package io.fcn.persistence.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotentRequest;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Trade;
import io.fcn.persistence.trade.TradeFixtures;

/** The snippets of README "Retrying" and docs/retries.md, run on every engine. */
@AllEngines
class RetryDocsExampleTest {

    @Test
    void retryingATransaction(FcnPersistence fcn) {
        TradeFixtures.activeTemplate(fcn, "TPL-RETRY");
        NewTrade newTrade = TradeFixtures.trade("TRD-RETRY-1", "TPL-RETRY").build();
        // snippet: retry-transaction
        Retry retry = Retry.of(fcn);   // RetryPolicy.defaults(): 5 attempts, 50 ms doubling up to 2 s, jittered
        Trade trade = retry.inTransaction(() -> fcn.trades().book(newTrade));
        // end snippet
        assertEquals("TRD-RETRY-1", trade.tradeId());
    }

    @Test
    void aPolicyOfOnesOwn(FcnPersistence fcn) {
        TradeFixtures.activeTemplate(fcn, "TPL-RETRY");
        NewTrade newTrade = TradeFixtures.trade("TRD-RETRY-3", "TPL-RETRY").build();
        java.util.concurrent.atomic.LongAdder retries = new java.util.concurrent.atomic.LongAdder();
        // snippet: retry-policy
        Retry retry = Retry.of(fcn)
                .policy(new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(10)))   // rides out a failover
                .listener((attempt, failure, delay) -> retries.increment());
        Trade trade = retry.inTransaction(() -> fcn.trades().book(newTrade));
        // end snippet
        assertEquals("TRD-RETRY-3", trade.tradeId());
        assertEquals(0, retries.sum());
        assertEquals(8, retry.policy().maxAttempts());
    }

    @Test
    void retryingAnIdempotentRequest(FcnPersistence fcn) {
        TradeFixtures.activeTemplate(fcn, "TPL-RETRY");
        NewTrade newTrade = TradeFixtures.trade("TRD-RETRY-2", "TPL-RETRY").build();
        String key = "client-key-7";
        IdempotentRequest request = IdempotentRequest.of("POST", "/v1/trades", "{\"trade_id\": \"TRD-RETRY-2\"}");
        // snippet: retry-idempotent-request
        Retry retry = Retry.of(fcn).policy(RetryPolicy.defaults().withMaxAttempts(3));
        UUID requestId = UUID.randomUUID();          // one per request, kept for every retry of it
        ClaimOutcome outcome = retry.idempotent(() -> fcn.idempotency().claim(key, request,
                Duration.ofHours(24), Duration.ofSeconds(30), requestId));
        String response = null;
        if (outcome instanceof ClaimOutcome.Claimed claimed) {   // also when our own earlier claim committed
            response = retry.inTransaction(() -> {
                Trade trade = fcn.trades().book(newTrade);
                String created = "{\"trade_id\": \"" + trade.tradeId() + "\"}";
                fcn.idempotency().complete(claimed.token(), 201, created);
                return created;
            });
        } else if (outcome instanceof ClaimOutcome.Replay replay) {
            response = replay.body();
        }
        // end snippet
        assertEquals("{\"trade_id\": \"TRD-RETRY-2\"}", response);
        ClaimOutcome.Replay replay = assertInstanceOf(ClaimOutcome.Replay.class,
                fcn.idempotency().claim(key, request, Duration.ofHours(24), Duration.ofSeconds(30), requestId));
        assertEquals(response, replay.body());
    }
}
