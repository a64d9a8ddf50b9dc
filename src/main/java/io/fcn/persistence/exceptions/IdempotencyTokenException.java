package io.fcn.persistence.exceptions;

/** The claim token no longer owns the idempotency key: its lease was taken over, or the claim is gone. */
public final class IdempotencyTokenException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    public IdempotencyTokenException(String detail) {
        super("Stale idempotency claim token: " + detail);
    }
}
