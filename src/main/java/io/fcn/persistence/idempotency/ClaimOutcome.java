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
     */
    record Claimed(ClaimToken token, OffsetDateTime lockedUntil, OffsetDateTime expiresAt) implements ClaimOutcome {
        @Override
        public Kind kind() {
            return Kind.CLAIMED;
        }
    }

    /** Another worker holds an unexpired lease on the key: answer "try again later" (e.g. HTTP 409 or 425). */
    record InProgress(OffsetDateTime lockedUntil) implements ClaimOutcome {
        @Override
        public Kind kind() {
            return Kind.IN_PROGRESS;
        }
    }

    /** The request was completed before: answer with the stored response. */
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
