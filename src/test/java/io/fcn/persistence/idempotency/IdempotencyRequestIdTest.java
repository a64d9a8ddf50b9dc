package io.fcn.persistence.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.idempotency.ClaimOutcome.Claimed;
import io.fcn.persistence.idempotency.ClaimOutcome.Conflict;
import io.fcn.persistence.idempotency.ClaimOutcome.InProgress;
import io.fcn.persistence.idempotency.ClaimOutcome.Replay;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.testkit.FcnTestClock;

/**
 * A claim made with a request id: a retry by the same requester, after its first claim committed but the answer was
 * lost, gets that claim back instead of waiting out its own lease; anyone else still sees it in progress.
 */
@AllEngines
class IdempotencyRequestIdTest {

    private static final String KEY = "order-77";
    private static final IdempotentRequest REQUEST = IdempotentRequest.of("POST", "/api/v1/trades", "{\"n\": 1}");
    private static final Duration TTL = Duration.ofHours(24);
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void theSameRequestIdGetsItsOwnClaimBackWithItsLease(FcnPersistence fcn, FcnTestClock clock) {
        UUID requestId = UUID.randomUUID();
        Claimed first = assertInstanceOf(Claimed.class, fcn.idempotency().claim(KEY, REQUEST, TTL, LEASE, requestId));
        assertEquals(requestId.toString(), first.token().value());

        clock.advance(Duration.ofSeconds(5)); // the retry comes later, inside the first claim's lease
        Claimed again = assertInstanceOf(Claimed.class, fcn.idempotency().claim(KEY, REQUEST, TTL, LEASE, requestId));

        assertEquals(first.token(), again.token());
        assertEquals(first.lockedUntil(), again.lockedUntil(), "the lease is not extended");
        assertEquals(first.expiresAt(), again.expiresAt());
        fcn.inTransaction(() -> fcn.idempotency().complete(again.token(), 201, "{\"ok\":true}"));
        Replay replay = assertInstanceOf(Replay.class, fcn.idempotency().claim(KEY, REQUEST, TTL, LEASE, requestId));
        assertEquals(201, replay.status());
        assertEquals("{\"ok\":true}", replay.body());
    }

    @Test
    void anyoneElseStillSeesTheClaimInProgress(FcnPersistence fcn) {
        Claimed first = assertInstanceOf(Claimed.class,
                fcn.idempotency().claim(KEY, REQUEST, TTL, LEASE, UUID.randomUUID()));

        InProgress other = assertInstanceOf(InProgress.class,
                fcn.idempotency().claim(KEY, REQUEST, TTL, LEASE, UUID.randomUUID()));
        InProgress anonymous = assertInstanceOf(InProgress.class, fcn.idempotency().claim(KEY, REQUEST, TTL, LEASE));

        assertEquals(first.lockedUntil(), other.lockedUntil());
        assertEquals(first.lockedUntil(), anonymous.lockedUntil());
    }

    @Test
    void theSameRequestIdForAnotherRequestIsAConflict(FcnPersistence fcn) {
        UUID requestId = UUID.randomUUID();
        fcn.idempotency().claim(KEY, REQUEST, TTL, LEASE, requestId);

        assertInstanceOf(Conflict.class, fcn.idempotency().claim(KEY,
                IdempotentRequest.of("POST", "/api/v1/trades", "{\"n\": 2}"), TTL, LEASE, requestId));
    }

    @Test
    void afterItsLeaseExpiredTheSameRequestIdTakesTheKeyOverWithANewLease(FcnPersistence fcn, FcnTestClock clock) {
        UUID requestId = UUID.randomUUID();
        Claimed first = assertInstanceOf(Claimed.class, fcn.idempotency().claim(KEY, REQUEST, TTL, LEASE, requestId));

        clock.advance(LEASE.plusSeconds(1));
        Claimed again = assertInstanceOf(Claimed.class, fcn.idempotency().claim(KEY, REQUEST, TTL, LEASE, requestId));

        assertEquals(first.token(), again.token());
        assertNotEquals(first.lockedUntil(), again.lockedUntil());
        fcn.inTransaction(() -> fcn.idempotency().complete(again.token(), 201, "{}"));
    }

    @Test
    void aMissingRequestIdIsAValidationError(FcnPersistence fcn) {
        assertEquals("request_id", assertThrows(ValidationException.class,
                () -> fcn.idempotency().claim(KEY, REQUEST, TTL, LEASE, null)).field());
    }
}
