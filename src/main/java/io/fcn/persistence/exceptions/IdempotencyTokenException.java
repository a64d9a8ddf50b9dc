package io.fcn.persistence.exceptions;

/** The claim token no longer owns the idempotency key: its lease was taken over, or the claim is gone. */
public final class IdempotencyTokenException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /**
     * A token that no longer owns its key.
     * @param detail which key and why
     */
    public IdempotencyTokenException(String detail) {
        super("Stale idempotency claim token: " + detail);
    }
}
