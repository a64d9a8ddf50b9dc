package io.fcn.persistence.testkit;

import java.time.Duration;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotencyKeys;
import io.fcn.persistence.idempotency.IdempotentRequest;

/**
 * An idempotency claim, every field overridable; see {@link FcnTestData#aClaim()}. The fingerprint is computed from
 * method, path and body ({@link IdempotencyKeys#fingerprint}) unless set. Claims commit on their own: call
 * {@link #claim} outside {@code inTransaction}.
 */
public final class ClaimBuilder {

    private String key = FcnTestData.uniqueKey("client-key");
    private String method = "POST";
    private String path = "/v1/trades";
    private String body = "{}";
    private String fingerprint;
    private Duration ttl = Duration.ofHours(24);
    private Duration lease = Duration.ofSeconds(30);
    private int responseStatus = 201;
    private String responseBody = "{\"status\": \"created\"}";

    ClaimBuilder() {
    }

    /**
     * The raw key, as the client sends it in {@code Idempotency-Key}.
     * @param key the raw key
     * @return this builder
     */
    public ClaimBuilder withKey(String key) {
        this.key = key;
        return this;
    }

    /**
     * The request's HTTP method (default {@code POST}).
     * @param method the method
     * @return this builder
     */
    public ClaimBuilder withMethod(String method) {
        this.method = method;
        return this;
    }

    /**
     * The request's path (default {@code /v1/trades}).
     * @param path the path
     * @return this builder
     */
    public ClaimBuilder withPath(String path) {
        this.path = path;
        return this;
    }

    /**
     * The request body the fingerprint covers.
     * @param body the body
     * @return this builder
     */
    public ClaimBuilder withBody(String body) {
        this.body = body;
        return this;
    }

    /**
     * A fingerprint of your own (64 lower-case hex digits) instead of the computed one.
     * @param fingerprint the fingerprint
     * @return this builder
     */
    public ClaimBuilder withFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
        return this;
    }

    /**
     * How long the key is kept (default 24 h).
     * @param ttl the time to live
     * @return this builder
     */
    public ClaimBuilder withTtl(Duration ttl) {
        this.ttl = ttl;
        return this;
    }

    /**
     * How long the claim is the claimant's (default 30 s).
     * @param lease the lease
     * @return this builder
     */
    public ClaimBuilder withLease(Duration lease) {
        this.lease = lease;
        return this;
    }

    /**
     * What {@link #completed} stores (default 201 with {@code {"status": "created"}}).
     * @param status the HTTP status
     * @param body the response body
     * @return this builder
     */
    public ClaimBuilder withResponse(int status, String body) {
        this.responseStatus = status;
        this.responseBody = body;
        return this;
    }

    /** {@return the raw key} */
    public String key() {
        return key;
    }

    /** {@return the fingerprint: the one set, or the one computed from method, path and body} */
    public String fingerprint() {
        return fingerprint != null ? fingerprint : IdempotencyKeys.fingerprint(method, path, body);
    }

    /**
     * {@return the request the claim is for (method, path, body); the fingerprint it gives is {@link #fingerprint()}
     * unless set}
     */
    public IdempotentRequest request() {
        return IdempotentRequest.of(method, path, body);
    }

    /**
     * Claims the key through {@code fcn.idempotency()}: whatever the outcome.
     * @param fcn the entry point to claim through
     * @return the claim's outcome
     */
    @SuppressWarnings("deprecation") // a fingerprint of the caller's own needs the form that takes one
    public ClaimOutcome claim(FcnPersistence fcn) {
        if (fingerprint != null) {
            return fcn.idempotency().claim(key, fingerprint, method, path, ttl, lease);
        }
        return fcn.idempotency().claim(key, request(), ttl, lease);
    }

    /**
     * Claims the key and requires that this claim owns it.
     * @param fcn the entry point
     * @return the claim
     * @throws IllegalStateException when another outcome came back
     */
    public ClaimOutcome.Claimed claimed(FcnPersistence fcn) {
        ClaimOutcome outcome = claim(fcn);
        if (outcome instanceof ClaimOutcome.Claimed claimed) {
            return claimed;
        }
        throw new IllegalStateException("Expected to claim key '" + key + "', got " + outcome);
    }

    /**
     * Claims the key and completes it with the response: the next claim of the same request is a replay.
     * @param fcn the entry point
     * @return the claim, now completed
     * @throws IllegalStateException when the key could not be claimed
     */
    public ClaimOutcome.Claimed completed(FcnPersistence fcn) {
        ClaimOutcome.Claimed claimed = claimed(fcn);
        fcn.idempotency().complete(claimed.token(), responseStatus, responseBody);
        return claimed;
    }
}
