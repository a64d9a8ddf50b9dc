package io.fcn.persistence.idempotency;

import static io.fcn.persistence.support.GoldenSql.PRODUCTION;
import static io.fcn.persistence.support.GoldenSql.assertSql;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.idempotency.IdempotencyQueries.Claim;
import io.fcn.persistence.idempotency.IdempotencyQueries.StoredKey;
import io.fcn.persistence.types.ClaimState;

/** Golden SQL: the exact statements the idempotency repository sends, as the production dialect renders them. */
class IdempotencySqlTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-15T09:30:00Z");
    private static final Claim CLAIM = new Claim("hash", "fp", "POST", "/p", "token", NOW, NOW, NOW);
    private static final String K = "\"fcn_idempotency_key\".";
    private static final IdempotencyQueries QUERIES = new IdempotencyQueries(PRODUCTION);

    @Test
    void claimIsAPlainInsertDecidedByTheUniqueKey() {
        assertSql("insert into \"fcn_idempotency_key\" (\"key_hash\", \"request_fingerprint\", \"request_method\","
                + " \"request_path\", \"state\", \"lock_token\", \"locked_until\", \"created_at\", \"expires_at\")"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                QUERIES.insertClaim.bind("hash", "fp", "POST", "/p", "token", NOW, NOW, NOW));
    }

    @Test
    void leaseTakeoverIsGuardedByTheTokenReadAndTheExpiredLease() {
        assertSql("update \"fcn_idempotency_key\" set " + K + "\"lock_token\" = ?, " + K + "\"locked_until\" = ?"
                + " where (" + K + "\"key_hash\" = ? and " + K + "\"state\" = ? and " + K + "\"lock_token\" = ?"
                + " and " + K + "\"locked_until\" <= ?)",
                IdempotencyQueries.takeOverLease(PRODUCTION, "hash", "read", "new", NOW, NOW));
    }

    @Test
    void expiredKeyTakeoverIsGuardedByTheRowRead() {
        String set = "update \"fcn_idempotency_key\" set " + K + "\"request_fingerprint\" = ?, "
                + K + "\"request_method\" = ?, " + K + "\"request_path\" = ?, " + K + "\"response_status\" = ?, "
                + K + "\"response_snapshot\" = ?, " + K + "\"state\" = ?, " + K + "\"lock_token\" = ?, "
                + K + "\"locked_until\" = ?, " + K + "\"created_at\" = ?, " + K + "\"expires_at\" = ?"
                + " where (" + K + "\"key_hash\" = ? and " + K + "\"id\" = ? and " + K + "\"expires_at\" = ? and "
                + K + "\"expires_at\" <= ? and " + K + "\"lock_token\" ";
        assertSql(set + "is null)", IdempotencyQueries.takeOverExpired(PRODUCTION,
                new StoredKey(1, "fp", ClaimState.COMPLETED, 200, "{}", NOW, null, null), CLAIM));
        assertSql(set + "= ?)", IdempotencyQueries.takeOverExpired(PRODUCTION,
                new StoredKey(1, "fp", ClaimState.IN_PROGRESS, null, null, NOW, NOW, "old"), CLAIM));
    }

    @Test
    void completeAndReleaseSeekTheKeyAndCheckTheOwner() {
        String owned = " where (" + K + "\"key_hash\" = ? and " + K + "\"lock_token\" = ? and " + K
                + "\"state\" = ?)";
        assertSql("update \"fcn_idempotency_key\" set " + K + "\"state\" = ?, " + K + "\"response_status\" = ?, "
                + K + "\"response_snapshot\" = ?, " + K + "\"lock_token\" = ?, " + K + "\"locked_until\" = ?" + owned,
                QUERIES.complete.bind(201, "{}", "hash", "token"));
        assertSql("delete from \"fcn_idempotency_key\"" + owned,
                QUERIES.release.bind("hash", "token"));
    }

    @Test
    void purgeDeletesInBoundedBatches() {
        assertSql("delete top (?) from \"fcn_idempotency_key\" where " + K + "\"expires_at\" <= ?",
                IdempotencyQueries.purgeBatch(PRODUCTION, NOW, 100));
    }
}
