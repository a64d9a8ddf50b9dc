package io.fcn.persistence.exceptions;

/**
 * The connection was lost while the transaction committed: the server may have committed it or not, and nothing
 * on this side can tell which. Not retryable, and never retried by the library: find out what happened first (read
 * back by the business key, or let an idempotency key answer: a retry with the same key replays a committed
 * response or claims the key again).
 */
public final class CommitOutcomeUnknownException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /**
     * A commit whose outcome is unknown.
     * @param cause the driver's exception, scrubbed
     */
    public CommitOutcomeUnknownException(Throwable cause) {
        super("The connection was lost during COMMIT: the transaction may or may not have committed; check before"
                + " retrying", cause);
    }
}
