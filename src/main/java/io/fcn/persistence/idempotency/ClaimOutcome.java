package io.fcn.persistence.idempotency;

import java.time.OffsetDateTime;

/**
 * What {@link IdempotencyRepository#claim} found: one of four outcomes, none of them an error. Use
 * {@code instanceof} patterns on the records, or switch over {@link #kind()}.
 */
public sealed interface ClaimOutcome
        permits ClaimOutcome.Claimed, ClaimOutcome.InProgress, ClaimOutcome.Replay, ClaimOutcome.Conflict {

    /** The four outcomes, one per record. */
    enum Kind {
        /** {@link Claimed}: the caller owns the key. */
        CLAIMED,
        /** {@link InProgress}: another worker owns it. */
        IN_PROGRESS,
        /** {@link Replay}: completed before. */
        REPLAY,
        /** {@link Conflict}: the key was used for another request. */
        CONFLICT
    }

    /** {@return which of the four outcomes this is} */
    Kind kind();

    /**
     * The caller owns the key until {@code lockedUntil}: process the request, then {@code complete} (with the work,
     * in one transaction) or {@code release}.
     *
     * @param token       proves ownership to {@code complete} and {@code release}
     * @param lockedUntil when the lease ends and another worker may take the key over
     * @param expiresAt   when the key expires
     */
    record Claimed(ClaimToken token, OffsetDateTime lockedUntil, OffsetDateTime expiresAt) implements ClaimOutcome {
        @Override
        public Kind kind() {
            return Kind.CLAIMED;
        }
    }

    /**
     * Another worker holds an unexpired lease on the key: answer "try again later" (e.g. HTTP 409 or 425).
     *
     * @param lockedUntil when that worker's lease ends
     */
    record InProgress(OffsetDateTime lockedUntil) implements ClaimOutcome {
        @Override
        public Kind kind() {
            return Kind.IN_PROGRESS;
        }
    }

    /**
     * The request was completed before: answer with the stored response.
     *
     * @param status the stored response's HTTP status
     * @param body   the stored response's body
     */
    record Replay(int status, String body) implements ClaimOutcome {
        @Override
        public Kind kind() {
            return Kind.REPLAY;
        }
    }

    /** The key is in use by a different request (another fingerprint): reject the reuse (e.g. HTTP 422). */
    record Conflict() implements ClaimOutcome {
        @Override
        public Kind kind() {
            return Kind.CONFLICT;
        }
    }
}
