package io.fcn.persistence.idempotency;

import static io.fcn.persistence.schema.jooq.Tables.FCN_IDEMPOTENCY_KEY;

import java.time.OffsetDateTime;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;

import io.fcn.persistence.sql.TsqlTemplates;

/** The statements of {@link IdempotencyRepository}, built in one place so golden-SQL tests pin each of them. */
final class IdempotencyQueries {

    private static final io.fcn.persistence.schema.jooq.tables.FcnIdempotencyKey K = FCN_IDEMPOTENCY_KEY;

    private IdempotencyQueries() {
    }

    /** A new claim: atomic through {@code uq_fcn_idempotency_key_key_hash}. */
    static Query insertClaim(DSLContext dsl, Claim c) {
        return dsl.insertInto(K, K.KEY_HASH, K.REQUEST_FINGERPRINT, K.REQUEST_METHOD, K.REQUEST_PATH, K.STATE,
                        K.LOCK_TOKEN, K.LOCKED_UNTIL, K.CREATED_AT, K.EXPIRES_AT)
                .values(c.keyHash(), c.fingerprint(), c.method(), c.path(), ClaimState.IN_PROGRESS.dbValue(),
                        c.token(), c.lockedUntil(), c.now(), c.expiresAt());
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
                .and(K.STATE.eq(ClaimState.IN_PROGRESS.dbValue()))
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
                .set(K.STATE, ClaimState.IN_PROGRESS.dbValue())
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

    /** Stores the response of an owned claim and clears its lease. */
    static Query complete(DSLContext dsl, ClaimToken token, int status, String body) {
        return dsl.update(K)
                .set(K.STATE, ClaimState.COMPLETED.dbValue())
                .set(K.RESPONSE_STATUS, status)
                .set(K.RESPONSE_SNAPSHOT, body)
                .setNull(K.LOCK_TOKEN)
                .setNull(K.LOCKED_UNTIL)
                .where(owned(token));
    }

    /** Deletes an owned, unfinished claim. */
    static Query release(DSLContext dsl, ClaimToken token) {
        return dsl.deleteFrom(K).where(owned(token));
    }

    /** One bounded batch of expired keys: {@code DELETE TOP (n)}. */
    static Query purgeBatch(DSLContext dsl, OffsetDateTime now, int batchSize) {
        return TsqlTemplates.deleteTop(dsl, batchSize, K, K.EXPIRES_AT.le(now));
    }

    /** Seeks the unique index on key_hash, then checks the owner. */
    private static Condition owned(ClaimToken token) {
        return K.KEY_HASH.eq(token.keyHash())
                .and(K.LOCK_TOKEN.eq(token.value()))
                .and(K.STATE.eq(ClaimState.IN_PROGRESS.dbValue()));
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
