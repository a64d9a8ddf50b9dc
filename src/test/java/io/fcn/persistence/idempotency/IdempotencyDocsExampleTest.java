package io.fcn.persistence.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.support.AllEngines;

/** docs/idempotency.md's code, held equal to it by DocumentationSnippetsTest. */
@AllEngines
class IdempotencyDocsExampleTest {

    @Test
    void aClaimForARequestThenItsRepeat(FcnPersistence fcn) {
        String idempotencyKey = "client-key-42";
        byte[] rawBodyBytes = "{\"trade_id\": \"T-1\"}".getBytes(StandardCharsets.UTF_8);
        // snippet: claim-request
        IdempotentRequest request = IdempotentRequest.of("POST", "/v1/trades", rawBodyBytes);
        ClaimOutcome outcome = fcn.idempotency().claim(idempotencyKey, request,
                Duration.ofHours(24),      // ttl: how long the key (and its stored response) lives
                Duration.ofSeconds(30));   // lease: how long this worker owns an unfinished claim
        // end snippet
        ClaimOutcome.Claimed claimed = assertInstanceOf(ClaimOutcome.Claimed.class, outcome);
        fcn.idempotency().complete(claimed.token(), 201, "{\"ok\": true}");
        ClaimOutcome again = fcn.idempotency().claim(idempotencyKey,
                IdempotentRequest.of("post", "/v1/trades", rawBodyBytes), Duration.ofHours(24), Duration.ofSeconds(30));
        assertEquals(201, assertInstanceOf(ClaimOutcome.Replay.class, again).status());
    }
}
