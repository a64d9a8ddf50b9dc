package io.fcn.persistence.exceptions;

/** A transient failure: deadlock victim (SQL Server 1205), lock timeout (1222) or query timeout. Retry. */
public final class TransientDatabaseException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /** What made the statement fail. */
    public enum Reason {
        /** Chosen as a deadlock victim (SQL Server error 1205). */
        DEADLOCK,
        /** A lock was not granted in time (error 1222). */
        LOCK_TIMEOUT,
        /** The statement ran past its query timeout. */
        QUERY_TIMEOUT
    }

    /** Why the statement failed. */
    private final Reason reason;

    /**
     * A transient failure.
     * @param reason what made the statement fail
     * @param cause the driver's exception
     */
    public TransientDatabaseException(Reason reason, Throwable cause) {
        super("Transient database failure (" + reason + "), retry the transaction", cause);
        this.reason = reason;
    }

    /** {@return what made the statement fail} */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
