package io.fcn.persistence.idempotency;

import static io.fcn.persistence.jooq.Tables.FCN_IDEMPOTENCY_KEY;
import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.SingleConnectionDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.IdempotencyTokenException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.idempotency.ClaimOutcome.Claimed;
import io.fcn.persistence.idempotency.ClaimOutcome.Conflict;
import io.fcn.persistence.idempotency.ClaimOutcome.InProgress;
import io.fcn.persistence.idempotency.ClaimOutcome.Replay;
import io.fcn.persistence.jooq.tables.records.FcnIdempotencyKeyRecord;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.types.ClaimState;
import io.fcn.persistence.types.TemplateStatus;
import io.fcn.persistence.exceptions.MisuseException;

@AllEngines
@SuppressWarnings("deprecation") // the six-argument claim keeps working for one release: tested here
class IdempotencyRepositoryTest {

    static final String KEY = "order-42";
    static final String PATH = "/api/v1/trades";
    static final String FINGERPRINT = IdempotencyKeys.fingerprint("POST", PATH, "{\"trade_id\": \"T-1\"}");
    static final String OTHER_FINGERPRINT = IdempotencyKeys.fingerprint("POST", PATH, "{\"trade_id\": \"T-2\"}");
    static final Duration TTL = Duration.ofHours(24);
    static final Duration LEASE = Duration.ofSeconds(30);

    static ClaimOutcome claim(FcnPersistence fcn, String key, String fingerprint) {
        return fcn.idempotency().claim(key, fingerprint, "POST", PATH, TTL, LEASE);
    }

    static Claimed claimed(FcnPersistence fcn, String key) {
        return assertInstanceOf(Claimed.class, claim(fcn, key, FINGERPRINT));
    }

    /** The committed row, read through a connection of its own. */
    static FcnIdempotencyKeyRecord committedRow(DataSource dataSource, String key) {
        return DSL.using(dataSource, SQLDialect.DEFAULT).selectFrom(FCN_IDEMPOTENCY_KEY)
                .where(FCN_IDEMPOTENCY_KEY.KEY_HASH.eq(IdempotencyKeys.keyHash(key))).fetchOne();
    }

    static int committedKeys(DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.DEFAULT).fetchCount(FCN_IDEMPOTENCY_KEY);
    }

    @Test
    void aFirstClaimStoresAnInProgressRowWithALeaseAndCommitsAtOnce(FcnPersistence fcn, DataSource dataSource) {
        OffsetDateTime now = fcn.now();
        Claimed claimed = claimed(fcn, KEY);

        assertEquals(ClaimOutcome.Kind.CLAIMED, claimed.kind());
        assertEquals(IdempotencyKeys.keyHash(KEY), claimed.token().keyHash());
        assertTrue(claimed.token().value().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertEquals(now.plus(LEASE), claimed.lockedUntil());
        assertEquals(now.plus(TTL), claimed.expiresAt());

        FcnIdempotencyKeyRecord row = committedRow(dataSource, KEY);
        assertEquals(ClaimState.IN_PROGRESS, row.getState());
        assertEquals(claimed.token().value(), row.getLockToken());
        assertEquals(now.plus(LEASE), row.getLockedUntil());
        assertEquals(now, row.getCreatedAt());
        assertEquals(now.plus(TTL), row.getExpiresAt());
        assertEquals(FINGERPRINT, row.getRequestFingerprint());
        assertEquals("POST", row.getRequestMethod());
        assertEquals(PATH, row.getRequestPath());
        assertNull(row.getResponseStatus());
        assertNull(row.getResponseSnapshot());
    }

    @Test
    void aClaimWhileTheLeaseIsHeldIsInProgress(FcnPersistence fcn, FcnTestClock clock) {
        Claimed first = claimed(fcn, KEY);
        clock.advance(LEASE.minusMillis(1));

        InProgress again = assertInstanceOf(InProgress.class, claim(fcn, KEY, FINGERPRINT));

        assertEquals(first.lockedUntil(), again.lockedUntil());
        assertEquals(ClaimOutcome.Kind.IN_PROGRESS, again.kind());
    }

    @Test
    void theSameKeyWithAnotherFingerprintConflicts(FcnPersistence fcn) {
        Claimed claimed = claimed(fcn, KEY);
        assertEquals(ClaimOutcome.Kind.CONFLICT, claim(fcn, KEY, OTHER_FINGERPRINT).kind(), "while in progress");

        fcn.idempotency().complete(claimed.token(), 201, "{}");
        assertInstanceOf(Conflict.class, claim(fcn, KEY, OTHER_FINGERPRINT), "once completed");
    }

    @Test
    void aCompletedKeyReplaysTheStoredResponse(FcnPersistence fcn, DataSource dataSource, FcnTestClock clock) {
        Claimed claimed = claimed(fcn, KEY);
        fcn.idempotency().complete(claimed.token(), 201, "{\"trade_id\": \"T-1\"}");

        FcnIdempotencyKeyRecord row = committedRow(dataSource, KEY);
        assertEquals(ClaimState.COMPLETED, row.getState());
        assertEquals(201, row.getResponseStatus());
        assertNull(row.getLockToken(), "lease cleared");
        assertNull(row.getLockedUntil());

        clock.advance(Duration.ofHours(1)); // long after the lease: a completed key stays completed
        Replay replay = assertInstanceOf(Replay.class, claim(fcn, KEY, FINGERPRINT));
        assertEquals(new Replay(201, "{\"trade_id\": \"T-1\"}"), replay);
        assertEquals(ClaimOutcome.Kind.REPLAY, replay.kind());
    }

    @Test
    void aKeyStoredByTheFirstRevisionReplays(FcnPersistence fcn) {
        // The service's first schema revision stored completed responses only: no state, token or lease set.
        OffsetDateTime now = fcn.now();
        fcn.dsl().insertInto(FCN_IDEMPOTENCY_KEY)
                .set(FCN_IDEMPOTENCY_KEY.KEY_HASH, IdempotencyKeys.keyHash(KEY))
                .set(FCN_IDEMPOTENCY_KEY.REQUEST_FINGERPRINT, FINGERPRINT)
                .set(FCN_IDEMPOTENCY_KEY.REQUEST_METHOD, "POST").set(FCN_IDEMPOTENCY_KEY.REQUEST_PATH, PATH)
                .set(FCN_IDEMPOTENCY_KEY.RESPONSE_STATUS, 200).set(FCN_IDEMPOTENCY_KEY.RESPONSE_SNAPSHOT, "{}")
                .set(FCN_IDEMPOTENCY_KEY.CREATED_AT, now).set(FCN_IDEMPOTENCY_KEY.EXPIRES_AT, now.plus(TTL))
                .execute();

        assertEquals(new Replay(200, "{}"), claim(fcn, KEY, FINGERPRINT));
    }

    @Test
    void completeCommitsWithTheCallersWorkOrNotAtAll(FcnPersistence fcn, DataSource dataSource) {
        Claimed claimed = claimed(fcn, KEY);

        assertThrows(IllegalStateException.class, () -> fcn.inTransaction(() -> {
            insertTemplate(fcn, "TPL-1");
            fcn.idempotency().complete(claimed.token(), 201, "{}");
            throw new IllegalStateException("the work failed after complete");
        }));
        assertEquals(ClaimState.IN_PROGRESS, committedRow(dataSource, KEY).getState(),
                "complete rolled back with the work");
        assertEquals(0, DSL.using(dataSource, SQLDialect.DEFAULT).fetchCount(FCN_TEMPLATE));

        fcn.inTransaction(() -> {
            insertTemplate(fcn, "TPL-1");
            fcn.idempotency().complete(claimed.token(), 201, "{}");
        });
        assertEquals(ClaimState.COMPLETED, committedRow(dataSource, KEY).getState());
        assertEquals(1, DSL.using(dataSource, SQLDialect.DEFAULT).fetchCount(FCN_TEMPLATE));
    }

    @Test
    void aStaleTokenCannotCompleteAndItsTransactionRollsBack(FcnPersistence fcn, DataSource dataSource) {
        Claimed claimed = claimed(fcn, KEY);
        fcn.idempotency().complete(claimed.token(), 201, "{}");

        IdempotencyTokenException e = assertThrows(IdempotencyTokenException.class, () -> fcn.inTransaction(() -> {
            insertTemplate(fcn, "TPL-1");
            fcn.idempotency().complete(claimed.token(), 500, "{}"); // already completed
        }));
        assertTrue(e.getMessage().contains(claimed.token().value()), e.getMessage());
        assertEquals(201, committedRow(dataSource, KEY).getResponseStatus(), "the stored response is unchanged");
        assertEquals(0, DSL.using(dataSource, SQLDialect.DEFAULT).fetchCount(FCN_TEMPLATE), "the work rolled back");

        ClaimToken unknown = new ClaimToken(IdempotencyKeys.keyHash("never-claimed"), UUID.randomUUID().toString());
        assertThrows(IdempotencyTokenException.class, () -> fcn.idempotency().complete(unknown, 201, "{}"));
        assertThrows(IdempotencyTokenException.class, () -> fcn.idempotency().release(claimed.token()),
                "a completed claim cannot be released");
    }

    @Test
    void releaseFreesTheKeyForTheNextClaim(FcnPersistence fcn, DataSource dataSource) {
        Claimed first = claimed(fcn, KEY);
        fcn.idempotency().release(first.token());
        assertNull(committedRow(dataSource, KEY));

        Claimed second = claimed(fcn, KEY);
        assertNotEquals(first.token(), second.token());
        assertThrows(IdempotencyTokenException.class, () -> fcn.idempotency().release(first.token()));
        assertThrows(IdempotencyTokenException.class, () -> fcn.idempotency().complete(first.token(), 200, "{}"));
        assertEquals(second.token().value(), committedRow(dataSource, KEY).getLockToken(), "untouched");
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheOldTokenIsStale(FcnPersistence fcn, FcnTestClock clock,
            DataSource dataSource) {
        Claimed first = claimed(fcn, KEY);
        clock.advance(LEASE); // locked_until <= now: the lease has expired

        Claimed second = claimed(fcn, KEY);

        assertNotEquals(first.token().value(), second.token().value());
        assertEquals(fcn.now().plus(LEASE), second.lockedUntil());
        assertEquals(first.expiresAt(), second.expiresAt(), "a takeover keeps the key's expiry");
        assertThrows(IdempotencyTokenException.class, () -> fcn.idempotency().complete(first.token(), 201, "{}"));
        assertThrows(IdempotencyTokenException.class, () -> fcn.idempotency().release(first.token()));
        fcn.idempotency().complete(second.token(), 201, "{}");
        assertEquals(ClaimState.COMPLETED, committedRow(dataSource, KEY).getState());
    }

    @Test
    void aKeyPastItsExpiryCountsAsAbsent(FcnPersistence fcn, FcnTestClock clock, DataSource dataSource) {
        Claimed first = claimed(fcn, KEY);
        fcn.idempotency().complete(first.token(), 201, "{\"first\": true}");
        int id = committedRow(dataSource, KEY).getId();
        clock.advance(TTL);

        // Even another request may use the key now: the old one is gone in all but the purge.
        Claimed second = assertInstanceOf(Claimed.class, claim(fcn, KEY, OTHER_FINGERPRINT));

        FcnIdempotencyKeyRecord row = committedRow(dataSource, KEY);
        assertEquals(id, row.getId(), "the expired row was reused");
        assertEquals(ClaimState.IN_PROGRESS, row.getState());
        assertEquals(OTHER_FINGERPRINT, row.getRequestFingerprint());
        assertEquals(second.token().value(), row.getLockToken());
        assertNull(row.getResponseStatus());
        assertNull(row.getResponseSnapshot());
        assertEquals(fcn.now(), row.getCreatedAt());
        assertEquals(fcn.now().plus(TTL), row.getExpiresAt());
        assertEquals(1, committedKeys(dataSource));
    }

    @Test
    void anUnfinishedClaimPastItsExpiryCountsAsAbsentToo(FcnPersistence fcn, FcnTestClock clock) {
        Duration shortTtl = Duration.ofSeconds(10); // as long as the lease (no longer is allowed): expiry is seen first
        Claimed first = assertInstanceOf(Claimed.class,
                fcn.idempotency().claim(KEY, FINGERPRINT, "POST", PATH, shortTtl, shortTtl));
        clock.advance(shortTtl);

        Claimed second = claimed(fcn, KEY);

        assertThrows(IdempotencyTokenException.class, () -> fcn.idempotency().complete(first.token(), 201, "{}"));
        fcn.idempotency().complete(second.token(), 201, "{}");
    }

    @Test
    void claimsAndPurgesRefuseToRunInsideATransaction(FcnPersistence fcn, DataSource dataSource) {
        MisuseException e = assertThrows(MisuseException.class,
                () -> fcn.inTransaction(() -> claim(fcn, KEY, FINGERPRINT)));
        assertTrue(e.getMessage().contains("must commit on its own"), e.getMessage());
        assertThrows(MisuseException.class,
                () -> fcn.inTransaction(() -> fcn.idempotency().purgeExpired(fcn.now(), 10)));
        assertEquals(0, committedKeys(dataSource));
    }

    @Test
    void aClaimOnAConnectionInTheCallersTransactionIsRefused(DataSource dataSource, FcnTestClock clock)
            throws Exception {
        // As a Spring @Transactional method would hand out: one connection, auto-commit off.
        try (java.sql.Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            FcnPersistence callerManaged = FcnPersistence.builder(new SingleConnectionDataSource(connection))
                    .clock(clock).callerManagedTransactions().build();
            MisuseException e = assertThrows(MisuseException.class,
                    () -> claim(callerManaged, KEY, FINGERPRINT));
            assertTrue(e.getMessage().contains("auto-commit is off"), e.getMessage());
            connection.rollback();
        }
        assertEquals(0, committedKeys(dataSource));
    }

    @Test
    void aClaimOfTheRequestComputesTheServicesFingerprintForAnyMethodCase(FcnPersistence fcn, DSLContext dsl) {
        byte[] body = "{\"trade_id\": \"T-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Claimed claimed = assertInstanceOf(Claimed.class,
                fcn.idempotency().claim(KEY, IdempotentRequest.of("post", PATH, body), TTL, LEASE));
        FcnIdempotencyKeyRecord row = dsl.selectFrom(FCN_IDEMPOTENCY_KEY).fetchSingle();
        assertEquals(FINGERPRINT, row.getRequestFingerprint(), "the service's fingerprint of POST");
        assertEquals("POST", row.getRequestMethod());
        assertEquals(PATH, row.getRequestPath());
        fcn.idempotency().complete(claimed.token(), 201, "{}");

        assertEquals(new Replay(201, "{}"), fcn.idempotency().claim(KEY, IdempotentRequest.of("POST", PATH, body),
                TTL, LEASE));
        assertEquals(new Replay(201, "{}"), claim(fcn, KEY, FINGERPRINT), "the same key to the deprecated form");
        assertInstanceOf(Conflict.class, fcn.idempotency().claim(KEY,
                IdempotentRequest.of("POST", PATH, "{\"trade_id\": \"T-2\"}"), TTL, LEASE));
    }

    @Test
    void aLeaseLongerThanTheTtlIsRejectedAndOneAsLongIsAccepted(FcnPersistence fcn, TsqlGuardListener guard) {
        int before = guard.executed().size();
        ValidationException e = assertThrows(ValidationException.class, () -> fcn.idempotency().claim(KEY,
                IdempotentRequest.of("POST", PATH, "{}"), Duration.ofSeconds(30), Duration.ofSeconds(31)));
        assertEquals("lease", e.field());
        assertEquals("must not be longer than ttl (PT30S), got PT31S", e.rule());
        assertEquals(before, guard.executed().size(), "no statement ran");
        assertInstanceOf(Claimed.class, fcn.idempotency().claim(KEY, IdempotentRequest.of("POST", PATH, "{}"),
                Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }

    @Test
    void invalidArgumentsFailBeforeAnySql(FcnPersistence fcn, TsqlGuardListener guard) {
        record Case(String field, Executable call) {
        }
        var keys = fcn.idempotency();
        ClaimToken token = new ClaimToken(IdempotencyKeys.keyHash(KEY), UUID.randomUUID().toString());
        List<Case> cases = List.of(
                new Case("key", () -> keys.claim(null, FINGERPRINT, "POST", PATH, TTL, LEASE)),
                new Case("key", () -> keys.claim(" ", FINGERPRINT, "POST", PATH, TTL, LEASE)),
                new Case("fingerprint", () -> keys.claim(KEY, FINGERPRINT.toUpperCase(), "POST", PATH, TTL, LEASE)),
                new Case("fingerprint", () -> keys.claim(KEY, FINGERPRINT.substring(1), "POST", PATH, TTL, LEASE)),
                new Case("method", () -> keys.claim(KEY, FINGERPRINT, "", PATH, TTL, LEASE)),
                new Case("method", () -> keys.claim(KEY, FINGERPRINT, "PROPPATCHXX", PATH, TTL, LEASE)),
                new Case("path", () -> keys.claim(KEY, FINGERPRINT, "POST", "/" + "p".repeat(500), TTL, LEASE)),
                new Case("path", () -> keys.claim(KEY, FINGERPRINT, "POST", "/tr\u00e4des", TTL, LEASE)),
                new Case("ttl", () -> keys.claim(KEY, FINGERPRINT, "POST", PATH, null, LEASE)),
                new Case("ttl", () -> keys.claim(KEY, FINGERPRINT, "POST", PATH, Duration.ZERO, LEASE)),
                new Case("lease", () -> keys.claim(KEY, FINGERPRINT, "POST", PATH, TTL, Duration.ofSeconds(-1))),
                new Case("lease", () -> keys.claim(KEY, FINGERPRINT, "POST", PATH, LEASE, TTL)),
                new Case("request", () -> keys.claim(KEY, (IdempotentRequest) null, TTL, LEASE)),
                new Case("key", () -> keys.claim(null, IdempotentRequest.of("POST", PATH, "{}"), TTL, LEASE)),
                new Case("lease", () -> keys.claim(KEY, IdempotentRequest.of("POST", PATH, "{}"), TTL,
                        TTL.plusNanos(1000))),
                new Case("token", () -> keys.complete(null, 200, "{}")),
                new Case("token.key_hash", () -> keys.complete(new ClaimToken("abc", token.value()), 200, "{}")),
                new Case("token.value", () -> keys.complete(new ClaimToken(token.keyHash(), "nope"), 200, "{}")),
                new Case("status", () -> keys.complete(token, 99, "{}")),
                new Case("status", () -> keys.complete(token, 600, "{}")),
                new Case("body", () -> keys.complete(token, 200, null)),
                new Case("token.value", () -> keys.release(new ClaimToken(token.keyHash(), null))),
                new Case("now", () -> keys.purgeExpired(null, 100)),
                new Case("batch_size", () -> keys.purgeExpired(fcn.now(), 0)));
        int before = guard.executed().size();
        for (Case c : cases) {
            ValidationException e = assertThrows(ValidationException.class, c.call());
            assertEquals(c.field(), e.field(), e.getMessage());
        }
        assertEquals(before, guard.executed().size(), "no statement ran");
    }

    @Test
    void purgeDeletesExpiredKeysInBoundedBatches(FcnPersistence fcn, FcnTestClock clock, DataSource dataSource,
            TsqlGuardListener guard) {
        for (int i = 0; i < 250; i++) {
            fcn.idempotency().claim("expiring-" + i, FINGERPRINT, "POST", PATH, Duration.ofHours(1), LEASE);
        }
        for (int i = 0; i < 10; i++) {
            fcn.idempotency().claim("live-" + i, FINGERPRINT, "POST", PATH, Duration.ofHours(3), LEASE);
        }
        OffsetDateTime purgeTime = fcn.now().plusHours(2);
        int before = guard.executed().size();

        assertEquals(250, fcn.idempotency().purgeExpired(purgeTime, 100));

        List<String> statements = guard.executed().subList(before, guard.executed().size());
        assertEquals(3, statements.size(), "batches of 100, 100 and 50: " + statements);
        assertTrue(statements.stream().allMatch(s -> s.startsWith("delete top (?)")), statements.toString());
        assertEquals(10, committedKeys(dataSource), "live keys remain");
        assertEquals(0, fcn.idempotency().purgeExpired(purgeTime, 100));
    }

    @Test
    void purgeTakesKeysExpiringExactlyNowAndStopsAfterAShortBatch(FcnPersistence fcn, DataSource dataSource,
            TsqlGuardListener guard) {
        for (int i = 0; i < 4; i++) {
            fcn.idempotency().claim("k-" + i, FINGERPRINT, "POST", PATH, Duration.ofHours(1), LEASE);
        }
        int before = guard.executed().size();

        assertEquals(4, fcn.idempotency().purgeExpired(fcn.now().plusHours(1), 2));

        assertEquals(3, guard.executed().size() - before, "2, 2, then an empty batch ends it");
        assertEquals(0, committedKeys(dataSource));
    }

    private static void insertTemplate(FcnPersistence fcn, String id) {
        OffsetDateTime now = fcn.now();
        fcn.dsl().insertInto(FCN_TEMPLATE)
                .set(FCN_TEMPLATE.TEMPLATE_ID, id).set(FCN_TEMPLATE.NAME, "n").set(FCN_TEMPLATE.SPEC_VERSION, "1.0")
                .set(FCN_TEMPLATE.STATUS, TemplateStatus.DRAFT).set(FCN_TEMPLATE.ISSUER, "BANK")
                .set(FCN_TEMPLATE.PARAMETERS, "{}")
                .set(FCN_TEMPLATE.CREATED_AT, now).set(FCN_TEMPLATE.UPDATED_AT, now)
                .execute();
    }
}
