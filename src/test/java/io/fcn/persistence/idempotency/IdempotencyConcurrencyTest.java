package io.fcn.persistence.idempotency;

import static io.fcn.persistence.idempotency.IdempotencyRepositoryTest.FINGERPRINT;
import static io.fcn.persistence.idempotency.IdempotencyRepositoryTest.KEY;
import static io.fcn.persistence.idempotency.IdempotencyRepositoryTest.LEASE;
import static io.fcn.persistence.idempotency.IdempotencyRepositoryTest.OTHER_FINGERPRINT;
import static io.fcn.persistence.idempotency.IdempotencyRepositoryTest.TTL;
import static io.fcn.persistence.idempotency.IdempotencyRepositoryTest.claim;
import static io.fcn.persistence.idempotency.IdempotencyRepositoryTest.claimed;
import static io.fcn.persistence.idempotency.IdempotencyRepositoryTest.committedKeys;
import static io.fcn.persistence.idempotency.IdempotencyRepositoryTest.committedRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.IdempotencyTokenException;
import io.fcn.persistence.idempotency.ClaimOutcome.Claimed;
import io.fcn.persistence.idempotency.ClaimOutcome.InProgress;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.support.Race;

/** Real threads, each statement on a connection of its own (the DataSource hands out a new one per call). */
@AllEngines
class IdempotencyConcurrencyTest {

    private static final int THREADS = 16;

    /** Exactly one outcome is {@link Claimed}, every other one {@link InProgress} under the winner's lease. */
    private static Claimed exactlyOneWinner(List<Object> outcomes) {
        List<Claimed> winners = outcomes.stream().filter(Claimed.class::isInstance).map(Claimed.class::cast)
                .toList();
        assertEquals(1, winners.size(), "outcomes: " + outcomes);
        Claimed winner = winners.get(0);
        for (Object outcome : outcomes) {
            if (outcome != winner) {
                assertEquals(new InProgress(winner.lockedUntil()), outcome);
            }
        }
        return winner;
    }

    @Test
    void sixteenThreadsClaimingOneKeyMakeExactlyOneOwner(FcnPersistence fcn, DataSource dataSource)
            throws Exception {
        List<Object> outcomes = Race.of(THREADS, i -> () -> claim(fcn, KEY, FINGERPRINT));

        Claimed winner = exactlyOneWinner(outcomes);
        assertEquals(1, committedKeys(dataSource));
        assertEquals(winner.token().value(), committedRow(dataSource, KEY).getLockToken());
    }

    @Test
    void concurrentTakeoversOfAnExpiredLeaseMakeExactlyOneOwner(FcnPersistence fcn, FcnTestClock clock,
            DataSource dataSource) throws Exception {
        Claimed original = claimed(fcn, KEY);
        clock.advance(LEASE.plusSeconds(1));

        Claimed winner = exactlyOneWinner(Race.of(THREADS, i -> () -> claim(fcn, KEY, FINGERPRINT)));

        assertEquals(winner.token().value(), committedRow(dataSource, KEY).getLockToken());
        assertThrows(IdempotencyTokenException.class,
                () -> fcn.idempotency().complete(original.token(), 201, "{}"), "the old owner's token is stale");
        fcn.idempotency().complete(winner.token(), 201, "{}");
        assertEquals(201, committedRow(dataSource, KEY).getResponseStatus());
    }

    @Test
    void concurrentClaimsOfAnExpiredKeyMakeExactlyOneOwner(FcnPersistence fcn, FcnTestClock clock,
            DataSource dataSource) throws Exception {
        Claimed original = claimed(fcn, KEY);
        fcn.idempotency().complete(original.token(), 201, "{}");
        clock.advance(TTL);

        // Half of them send another request under the reused key: whoever wins decides which one it is.
        List<Object> outcomes = Race.of(THREADS, i -> () -> claim(fcn, KEY, i % 2 == 0 ? FINGERPRINT
                : OTHER_FINGERPRINT));

        List<Claimed> winners = outcomes.stream().filter(Claimed.class::isInstance).map(Claimed.class::cast)
                .toList();
        assertEquals(1, winners.size(), "outcomes: " + outcomes);
        String winningFingerprint = committedRow(dataSource, KEY).getRequestFingerprint();
        for (int i = 0; i < outcomes.size(); i++) {
            Object outcome = outcomes.get(i);
            String mine = i % 2 == 0 ? FINGERPRINT : OTHER_FINGERPRINT;
            if (outcome != winners.get(0)) {
                assertEquals(mine.equals(winningFingerprint) ? ClaimOutcome.Kind.IN_PROGRESS
                        : ClaimOutcome.Kind.CONFLICT, assertInstanceOf(ClaimOutcome.class, outcome).kind());
            }
        }
        assertEquals(1, committedKeys(dataSource));
    }

    @Test
    void concurrentClaimsOfDifferentKeysAllSucceed(FcnPersistence fcn, DataSource dataSource) throws Exception {
        List<Object> outcomes = Race.of(THREADS, i -> () -> claim(fcn, "key-" + i, FINGERPRINT));

        outcomes.forEach(outcome -> assertInstanceOf(Claimed.class, outcome));
        assertEquals(THREADS, committedKeys(dataSource));
    }
}
