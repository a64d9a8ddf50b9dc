package io.fcn.persistence.exceptions;

/** A transient failure: deadlock victim (SQL Server 1205), lock timeout (1222) or query timeout. Retry. */
public final class TransientDatabaseException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    public enum Reason { DEADLOCK, LOCK_TIMEOUT, QUERY_TIMEOUT }

    private final Reason reason;

    public TransientDatabaseException(Reason reason, Throwable cause) {
        super("Transient database failure (" + reason + "), retry the transaction", cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
