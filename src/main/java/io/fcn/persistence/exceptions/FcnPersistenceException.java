package io.fcn.persistence.exceptions;

/** The root of the library's typed errors. {@link #isRetryable()} says whether the same call may succeed again. */
public class FcnPersistenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An error with its message.
     * @param message what went wrong, naming the field, entity or operation; never a secret
     */
    public FcnPersistenceException(String message) {
        super(message);
    }

    /**
     * An error with its message and the failure that caused it.
     * @param message what went wrong, naming the field, entity or operation; never a secret
     * @param cause the underlying failure
     */
    public FcnPersistenceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True for transient failures (deadlock victim, lock timeout, query timeout): retry the whole transaction.
     * @return whether retrying the whole transaction may succeed
     */
    public boolean isRetryable() {
        return false;
    }
}
