package io.fcn.persistence.idempotency;

import static io.fcn.persistence.jooq.Tables.FCN_IDEMPOTENCY_KEY;

import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.fcn.persistence.internal.context.RepositoryContext;
import io.fcn.persistence.exceptions.FcnPersistenceException;
import io.fcn.persistence.exceptions.IdempotencyTokenException;
import io.fcn.persistence.exceptions.TransientDatabaseException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.idempotency.ClaimOutcome.Claimed;
import io.fcn.persistence.idempotency.ClaimOutcome.Conflict;
import io.fcn.persistence.idempotency.ClaimOutcome.InProgress;
import io.fcn.persistence.idempotency.ClaimOutcome.Replay;
import io.fcn.persistence.idempotency.IdempotencyQueries.Claim;
import io.fcn.persistence.idempotency.IdempotencyQueries.StoredKey;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.ClaimState;
import io.fcn.persistence.exceptions.MisuseException;

/**
 * Idempotency keys: claim with a lease, complete, release, purge; compatible with the service's scheme
 * ({@link IdempotencyKeys}).
 *
 * <pre>{@code
 * ClaimOutcome outcome = fcn.idempotency().claim(key, IdempotentRequest.of("POST", path, rawBody),
 *         Duration.ofHours(24), Duration.ofSeconds(30));   // commits on its own: outside inTransaction
 * if (outcome instanceof ClaimOutcome.Claimed claimed) {
 *     fcn.inTransaction(() -> {
 *         Response r = doTheWork();                        // e.g. book a trade
 *         fcn.idempotency().complete(claimed.token(), r.status(), r.body());   // commits with the work
 *     });
 * }
 * }</pre>
 *
 * If the work fails, {@link #release} the claim (or let its lease expire: the next claimant takes it over).
 */
public final class IdempotencyRepository {

    /** The raw key is hashed, so its length only needs a sane bound. */
    static final int KEY_MAX_LENGTH = 1000;
    static final int METHOD_MAX_LENGTH = 10;
    static final int PATH_MAX_LENGTH = 500;
    static final int PURGE_BATCH_MAX = 100_000;
    /** The precision every engine keeps (see {@link io.fcn.persistence.FcnPersistence#now()}). */
    private static final Duration SHORTEST = Duration.of(1, ChronoUnit.MICROS);
    /** Rounds of insert/read/take-over before giving up under pathological contention. */
    private static final int CLAIM_ATTEMPTS = 5;

    private final RepositoryContext db;
    private final IdempotencyQueries queries;

    /**
     * The repository over the entry point's context; take it from {@code FcnPersistence.idempotency()}.
     * @param db the entry point's jOOQ context, clock and transaction
     */
    public IdempotencyRepository(RepositoryContext db) {
        this.db = db;
        this.queries = new IdempotencyQueries(db.dsl());
    }

    /**
     * Claims {@code key} for {@code request}, whose fingerprint ({@link IdempotencyKeys#fingerprint}) it computes. Atomic
     * through the unique key on {@code key_hash}: it inserts an {@code in_progress} row with a new owner token, a
     * lease until {@code now + lease} and an expiry at {@code now + ttl}; when the key exists it reads the row and
     * answers from it. A claim whose lease has expired, and a key past its expiry that is not purged yet (it counts
     * as absent), are taken over by a conditional update on the values read: of concurrent claimants exactly one
     * wins. Time comes from the entry point's clock.
     *
     * <p>The claim commits on its own, so other workers see it at once: call it outside {@code inTransaction} and
     * outside any transaction of the caller's.
     *
     * @param key the client's idempotency key, as sent
     * @param request the request the key guards
     * @param ttl how long the key is kept, from now
     * @param lease how long this claim holds the key before another worker may take it over
     * @return {@link Claimed} (you own the key), {@link InProgress} (another worker's lease has not expired),
     *         {@link Replay} (completed: the stored response), {@link Conflict} (same key, other fingerprint)
     * @throws io.fcn.persistence.exceptions.ValidationException before any SQL, when an argument breaks its rule,
     *         among them a {@code lease} longer than the {@code ttl} (the key would expire while still leased)
     * @throws MisuseException when called inside a transaction (the entry point's or the caller's)
     */
    public ClaimOutcome claim(String key, IdempotentRequest request, Duration ttl, Duration lease) {
        return db.call("idempotency", "claim", () -> {
            Validate.notNull("request", request);
            return claimFor(key, request.fingerprint(), request.method(), request.path(), ttl, lease, null);
        });
    }

    /**
     * {@link #claim(String, IdempotentRequest, Duration, Duration)} by a requester that names its attempt:
     * {@code requestId} becomes the claim's owner token. If a claim made with the same {@code requestId} (and the
     * same request) still holds the key, for instance because the first attempt's claim committed but its answer
     * was lost with the connection, the claim is handed back ({@link Claimed}, with that claim's lease, not
     * extended) instead of {@link InProgress}: the requester's own retry does not wait out its own lease (past the
     * lease, the key is taken over as by any claimant, with a new lease and the same token). Use one
     * new id per logical request, kept across its retries; never share it between requesters.
     *
     * @param key the client's idempotency key, as sent
     * @param request the request the key guards
     * @param ttl how long the key is kept, from now
     * @param lease how long this claim holds the key before another worker may take it over
     * @param requestId the requester's id for this request, the same on every retry of it
     * @return as {@link #claim(String, IdempotentRequest, Duration, Duration)}; {@link Claimed} also when this
     *         {@code requestId} already holds the key
     * @throws io.fcn.persistence.exceptions.ValidationException before any SQL, when an argument breaks its rule
     * @throws MisuseException when called inside a transaction (the entry point's or the caller's)
     */
    public ClaimOutcome claim(String key, IdempotentRequest request, Duration ttl, Duration lease, UUID requestId) {
        return db.call("idempotency", "claim", () -> {
            Validate.notNull("request", request);
            Validate.notNull("request_id", requestId);
            return claimFor(key, request.fingerprint(), request.method(), request.path(), ttl, lease,
                    requestId.toString());
        });
    }

    /**
     * Claims {@code key} for a fingerprint the caller computed, with method and path given a second time.
     *
     * @param key the client's idempotency key, as sent
     * @param fingerprint the request's fingerprint ({@link IdempotencyKeys#fingerprint})
     * @param method the HTTP method
     * @param path the request path
     * @param ttl how long the key is kept, from now
     * @param lease how long this claim holds the key before another worker may take it over
     * @return as {@link #claim(String, IdempotentRequest, Duration, Duration)}
     *
     * @deprecated method and path are given twice (once inside {@code fingerprint}) and can disagree: use
     *             {@link #claim(String, IdempotentRequest, Duration, Duration)}. Removed in the next release.
     */
    @Deprecated(since = "0.1.0")
    public ClaimOutcome claim(String key, String fingerprint, String method, String path, Duration ttl,
            Duration lease) {
        return db.call("idempotency", "claim", () -> {
            return claimFor(key, fingerprint, method, path, ttl, lease, null);
        });
    }

    /** {@code requestId}: the owner token to claim with (null: a new one per round), and to recognise as ours. */
    private ClaimOutcome claimFor(String key, String fingerprint, String method, String path, Duration ttl,
            Duration lease, String requestId) {
        Validate.text("key", key, KEY_MAX_LENGTH);
        Validate.lowerHex("fingerprint", fingerprint, 64);
        Validate.asciiText("method", method, METHOD_MAX_LENGTH);
        Validate.asciiText("path", path, PATH_MAX_LENGTH);
        Validate.atLeast("ttl", ttl, SHORTEST);
        Validate.atLeast("lease", lease, SHORTEST);
        if (lease.compareTo(ttl) > 0) {
            throw new ValidationException("lease", "must not be longer than ttl (" + ttl + "), got " + lease);
        }
        // One pool checkout for the check and every statement of the claim, not one each: under a busy pool each
        // checkout may wait for a connection.
        return db.onOneConnection(() -> {
            requireOwnCommit("claim");
            return claimRounds(key, fingerprint, method, path, ttl, lease, requestId);
        });
    }

    private ClaimOutcome claimRounds(String key, String fingerprint, String method, String path, Duration ttl,
            Duration lease, String requestId) {
        String keyHash = IdempotencyKeys.keyHash(key);
        OffsetDateTime now = db.now();
        OffsetDateTime lockedUntil = Validate.plus("locked_until", now, "lease", lease).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime expiresAt = Validate.plus("expires_at", now, "ttl", ttl).truncatedTo(ChronoUnit.MICROS);
        RuntimeException lastRace = null;
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            Claim claim = new Claim(keyHash, fingerprint, method, path, requestId != null ? requestId : newToken(),
                    now, lockedUntil, expiresAt);
            try {
                queries.insertClaim(claim);
                return counted("claimed", claimed(claim, lockedUntil, expiresAt));
            } catch (RuntimeException e) {
                if (!someoneElseHasIt(e)) {
                    throw e;
                }
                lastRace = e;
            }
            Optional<StoredKey> found = read(keyHash);
            if (found.isEmpty()) {
                continue; // released or purged since the insert failed: insert again
            }
            StoredKey stored = found.get();
            if (!stored.expiresAt().isAfter(now)) {
                // Past its expiry: absent. Reuse the row, unless another claimant already did.
                if (IdempotencyQueries.takeOverExpired(db.dsl(), stored, claim).execute() == 1) {
                    return counted("taken_over", claimed(claim, lockedUntil, expiresAt));
                }
                continue;
            }
            if (!stored.fingerprint().equals(fingerprint)) {
                return counted("conflict", new Conflict());
            }
            if (stored.state() == ClaimState.COMPLETED) {
                return counted("replay", new Replay(stored.responseStatus(), stored.responseBody()));
            }
            if (stored.lockedUntil().isAfter(now)) {
                if (requestId != null && requestId.equals(stored.lockToken())) {
                    // Our own earlier attempt holds it (its answer was lost): hand the claim back. Past its lease
                    // it is taken over below like anyone's, with a new lease.
                    return counted("reclaimed", new Claimed(new ClaimToken(keyHash, requestId), stored.lockedUntil(),
                            stored.expiresAt()));
                }
                return counted("in_progress", new InProgress(stored.lockedUntil()));
            }
            if (IdempotencyQueries.takeOverLease(db.dsl(), keyHash, stored.lockToken(), claim.token(), lockedUntil,
                    now).execute() == 1) {
                return counted("taken_over", claimed(claim, lockedUntil, stored.expiresAt()));
            }
            // Another claimant took the lease over first: the next round reads its lease.
        }
        throw new FcnPersistenceException("Idempotency key claim did not settle after " + CLAIM_ATTEMPTS
                + " rounds of concurrent changes to the key; retry", lastRace);
    }

    private ClaimOutcome counted(String outcome, ClaimOutcome answer) {
        db.observer().idempotencyClaim(outcome);
        return answer;
    }

    /**
     * Stores the response of the claim {@code token} owns ({@code state = completed}, lease cleared). Meant to run
     * inside the caller's {@code inTransaction}, together with the work, so both commit or neither does.
     *
     * @param token the token of the caller's claim
     * @param status the response's HTTP status, 100–599
     * @param body the response body to replay
     * @throws IdempotencyTokenException the token no longer owns the key (its lease was taken over, or the claim was
     *                                   released, completed or purged)
     */
    public void complete(ClaimToken token, int status, String body) {
        db.run("idempotency", "complete", () -> {
            validate(token);
            Validate.between("status", status, 100, 599);
            Validate.notNull("body", body);
            if (queries.complete(token, status, body) == 0) {
                throw stale(token, "complete");
            }
        });
    }

    /**
     * Deletes the unfinished claim {@code token} owns, so the key can be claimed again at once (e.g. after the work
     * failed).
     *
     * @param token the token of the caller's claim
     * @throws IdempotencyTokenException the token no longer owns the key
     */
    public void release(ClaimToken token) {
        db.run("idempotency", "release", () -> {
            validate(token);
            if (queries.release(token) == 0) {
                throw stale(token, "release");
            }
        });
    }

    /**
     * Deletes keys with {@code expires_at <= now} in batches of at most {@code batchSize} rows, each batch its own
     * short statement ({@code DELETE TOP (n)}, auto-committed), so no long lock is held; stops after a batch that
     * deletes fewer than {@code batchSize}. Call it outside any transaction.
     *
     * @return how many keys were deleted
     * @param now the moment before which keys count as expired
     * @param batchSize the most rows one statement deletes, 1–100,000
     * @throws MisuseException when called inside a transaction (the entry point's or the caller's)
     */
    public int purgeExpired(OffsetDateTime now, int batchSize) {
        return db.call("idempotency", "purgeExpired", () -> {
            Validate.sqlServerTimestamp("now", now);
            Validate.between("batch_size", batchSize, 1, PURGE_BATCH_MAX);
            requireOwnCommit("purgeExpired");
            int total = 0;
            int deleted;
            do {
                deleted = IdempotencyQueries.purgeBatch(db.dsl(), now, batchSize).execute();
                total += deleted;
            } while (deleted == batchSize);
            db.observer().purged("idempotency_keys", total);
            return total;
        });
    }

    private Optional<StoredKey> read(String keyHash) {
        var k = FCN_IDEMPOTENCY_KEY;
        return db.dsl().select(k.ID, k.REQUEST_FINGERPRINT, k.STATE, k.RESPONSE_STATUS, k.RESPONSE_SNAPSHOT,
                        k.EXPIRES_AT, k.LOCKED_UNTIL, k.LOCK_TOKEN)
                .from(k)
                .where(k.KEY_HASH.eq(keyHash))
                .fetchOptional(r -> new StoredKey(r.value1(), r.value2(), SqlErrors.known(r.value3(), k.STATE),
                        r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /**
     * Claims and purges must commit on their own. Inside {@code inTransaction}, or on a connection the caller keeps
     * in a transaction (auto-commit off, e.g. in a Spring {@code @Transactional} method with
     * {@code callerManagedTransactions()}), they would not.
     */
    private void requireOwnCommit(String operation) {
        if (db.inTransaction()) {
            throw new MisuseException(operation + " must commit on its own so that other workers see it at"
                    + " once: call it outside inTransaction(...), then run the work and complete() in one");
        }
        Boolean autoCommit = db.dsl().connectionResult(Connection::getAutoCommit);
        if (!Boolean.TRUE.equals(autoCommit)) {
            throw new MisuseException(operation + " must commit on its own, but the connection is in a"
                    + " transaction (auto-commit is off): call it outside the caller's transaction");
        }
    }

    private static Claimed claimed(Claim claim, OffsetDateTime lockedUntil, OffsetDateTime expiresAt) {
        return new Claimed(new ClaimToken(claim.keyHash(), claim.token()), lockedUntil, expiresAt);
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }

    private static void validate(ClaimToken token) {
        Validate.notNull("token", token);
        Validate.lowerHex("token.key_hash", token.keyHash(), 64);
        Validate.uuid("token.value", token.value());
    }

    private static IdempotencyTokenException stale(ClaimToken token, String operation) {
        return new IdempotencyTokenException("cannot " + operation + " key " + token.keyHash() + ": token "
                + token.value() + " no longer owns it (its lease was taken over, or it was released, completed or"
                + " purged)");
    }

    /** A unique violation, or (H2, waiting for an uncommitted duplicate) a lock timeout: someone else has the key. */
    private static boolean someoneElseHasIt(RuntimeException e) {
        return SqlErrors.isUniqueViolation(e) || (e instanceof TransientDatabaseException t
                && t.reason() == TransientDatabaseException.Reason.LOCK_TIMEOUT);
    }
}
