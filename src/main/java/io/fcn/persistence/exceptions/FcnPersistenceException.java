package io.fcn.persistence.exceptions;

/** The root of the library's typed errors. {@link #isRetryable()} says whether the same call may succeed again. */
public class FcnPersistenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FcnPersistenceException(String message) {
        super(message);
    }

    public FcnPersistenceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True for transient failures (deadlock victim, lock timeout, query timeout): retry the whole transaction. */
    public boolean isRetryable() {
        return false;
    }
}
