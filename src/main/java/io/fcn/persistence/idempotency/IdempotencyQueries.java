package io.fcn.persistence.idempotency;

import static io.fcn.persistence.jooq.Tables.FCN_IDEMPOTENCY_KEY;

import java.time.OffsetDateTime;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

import io.fcn.persistence.internal.sql.ReusableQuery;
import io.fcn.persistence.internal.sql.TsqlTemplates;
import io.fcn.persistence.types.ClaimState;

/**
 * The statements of {@link IdempotencyRepository}, built in one place so golden-SQL tests pin each of them. The
 * claim, completion and release run on every request: they are rendered once per entry point.
 */
final class IdempotencyQueries {

    private static final io.fcn.persistence.jooq.tables.FcnIdempotencyKey K = FCN_IDEMPOTENCY_KEY;

    final ReusableQuery insertClaim;
    final ReusableQuery complete;
    final ReusableQuery release;

    IdempotencyQueries(DSLContext dsl) {
        this.insertClaim = insertClaim(dsl);
        this.complete = complete(dsl);
        this.release = release(dsl);
    }

    /** A new claim: atomic through {@code uq_fcn_idempotency_key_key_hash}. */
    int insertClaim(Claim c) {
        return insertClaim.execute(c.keyHash(), c.fingerprint(), c.method(), c.path(), c.token(), c.lockedUntil(),
                c.now(), c.expiresAt());
    }

    /** Stores the response of an owned claim and clears its lease; the rows changed (0: not owned). */
    int complete(ClaimToken token, int status, String body) {
        return complete.execute(status, body, token.keyHash(), token.value());
    }

    /** Deletes an owned, unfinished claim; the rows deleted (0: not owned). */
    int release(ClaimToken token) {
        return release.execute(token.keyHash(), token.value());
    }

    private static ReusableQuery insertClaim(DSLContext dsl) {
        Param<String> keyHash = DSL.param(K.KEY_HASH);
        Param<String> fingerprint = DSL.param(K.REQUEST_FINGERPRINT);
        Param<String> method = DSL.param(K.REQUEST_METHOD);
        Param<String> path = DSL.param(K.REQUEST_PATH);
        Param<String> token = DSL.param(K.LOCK_TOKEN);
        Param<OffsetDateTime> lockedUntil = DSL.param(K.LOCKED_UNTIL);
        Param<OffsetDateTime> now = DSL.param(K.CREATED_AT);
        Param<OffsetDateTime> expiresAt = DSL.param(K.EXPIRES_AT);
        return ReusableQuery.of(dsl, dsl.insertInto(K, K.KEY_HASH, K.REQUEST_FINGERPRINT, K.REQUEST_METHOD,
                        K.REQUEST_PATH, K.STATE, K.LOCK_TOKEN, K.LOCKED_UNTIL, K.CREATED_AT, K.EXPIRES_AT)
                .values(keyHash, fingerprint, method, path, DSL.val(ClaimState.IN_PROGRESS, K.STATE),
                        token, lockedUntil, now, expiresAt),
                keyHash, fingerprint, method, path, token, lockedUntil, now, expiresAt);
    }

    private static ReusableQuery complete(DSLContext dsl) {
        Param<Integer> status = DSL.param(K.RESPONSE_STATUS);
        Param<String> body = DSL.param(K.RESPONSE_SNAPSHOT);
        Param<String> keyHash = DSL.param(K.KEY_HASH);
        Param<String> token = DSL.param(K.LOCK_TOKEN);
        return ReusableQuery.of(dsl, dsl.update(K)
                .set(K.STATE, ClaimState.COMPLETED)
                .set(K.RESPONSE_STATUS, status)
                .set(K.RESPONSE_SNAPSHOT, body)
                .setNull(K.LOCK_TOKEN)
                .setNull(K.LOCKED_UNTIL)
                .where(owned(keyHash, token)), status, body, keyHash, token);
    }

    private static ReusableQuery release(DSLContext dsl) {
        Param<String> keyHash = DSL.param(K.KEY_HASH);
        Param<String> token = DSL.param(K.LOCK_TOKEN);
        return ReusableQuery.of(dsl, dsl.deleteFrom(K).where(owned(keyHash, token)), keyHash, token);
    }

    /**
     * Takes over a claim whose lease has expired; exactly one of several concurrent claimants updates the row (the
     * token it read is gone for the others).
     */
    static Query takeOverLease(DSLContext dsl, String keyHash, String readToken, String newToken,
            OffsetDateTime lockedUntil, OffsetDateTime now) {
        return dsl.update(K)
                .set(K.LOCK_TOKEN, newToken)
                .set(K.LOCKED_UNTIL, lockedUntil)
                .where(K.KEY_HASH.eq(keyHash))
                .and(K.STATE.eq(ClaimState.IN_PROGRESS))
                .and(K.LOCK_TOKEN.eq(readToken))
                .and(K.LOCKED_UNTIL.le(now));
    }

    /**
     * Reuses the row of a key past {@code expires_at} (not yet purged) as a new claim: guarded by the values read
     * (row id, expiry, token), so exactly one concurrent claimant wins.
     */
    static Query takeOverExpired(DSLContext dsl, StoredKey read, Claim c) {
        Condition sameToken = read.lockToken() == null ? K.LOCK_TOKEN.isNull() : K.LOCK_TOKEN.eq(read.lockToken());
        return dsl.update(K)
                .set(K.REQUEST_FINGERPRINT, c.fingerprint())
                .set(K.REQUEST_METHOD, c.method())
                .set(K.REQUEST_PATH, c.path())
                .setNull(K.RESPONSE_STATUS)
                .setNull(K.RESPONSE_SNAPSHOT)
                .set(K.STATE, ClaimState.IN_PROGRESS)
                .set(K.LOCK_TOKEN, c.token())
                .set(K.LOCKED_UNTIL, c.lockedUntil())
                .set(K.CREATED_AT, c.now())
                .set(K.EXPIRES_AT, c.expiresAt())
                .where(K.KEY_HASH.eq(c.keyHash()))
                .and(K.ID.eq(read.id()))
                .and(K.EXPIRES_AT.eq(read.expiresAt()))
                .and(K.EXPIRES_AT.le(c.now()))
                .and(sameToken);
    }

    /** One bounded batch of expired keys: {@code DELETE TOP (n)}. */
    static Query purgeBatch(DSLContext dsl, OffsetDateTime now, int batchSize) {
        return TsqlTemplates.deleteTop(dsl, batchSize, K, K.EXPIRES_AT.le(now));
    }

    /** Seeks the unique index on key_hash, then checks the owner. */
    private static Condition owned(Param<String> keyHash, Param<String> token) {
        return K.KEY_HASH.eq(keyHash)
                .and(K.LOCK_TOKEN.eq(token))
                .and(K.STATE.eq(ClaimState.IN_PROGRESS));
    }

    /** What a claim writes: the key, the request, and its times from one {@code now}. */
    record Claim(String keyHash, String fingerprint, String method, String path, String token, OffsetDateTime now,
            OffsetDateTime lockedUntil, OffsetDateTime expiresAt) {
    }

    /** The columns a claim decides on. */
    record StoredKey(int id, String fingerprint, ClaimState state, Integer responseStatus, String responseBody,
            OffsetDateTime expiresAt, OffsetDateTime lockedUntil, String lockToken) {
    }
}
