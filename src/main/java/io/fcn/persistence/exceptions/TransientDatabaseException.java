package io.fcn.persistence.exceptions;

/**
 * A transient failure: deadlock victim (SQL Server 1205), lock timeout (1222), query timeout, a lost connection or
 * a server that is restarting or failing over. Retry the whole transaction ({@code io.fcn.persistence.retry}). A
 * connection lost while the transaction commits is not one of these: its outcome is unknown
 * ({@link CommitOutcomeUnknownException}). Outside a transaction a lost connection leaves an auto-committed write's
 * outcome unknown too: retry such a call only if it is idempotent.
 */
public final class TransientDatabaseException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /** What made the statement fail. */
    public enum Reason {
        /** Chosen as a deadlock victim (SQL Server error 1205). */
        DEADLOCK,
        /** A lock was not granted in time (error 1222). */
        LOCK_TIMEOUT,
        /** The statement ran past its query timeout. */
        QUERY_TIMEOUT,
        /**
         * The connection broke or could not be opened: network, server restart, a pool that could not connect
         * (SQLState class 08; H2 90067, 90098, 90121).
         */
        CONNECTION_LOST,
        /**
         * The server is failing over, restarting a database or throttling (SQL Server / Azure SQL 4060, 4221,
         * 10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920).
         */
        FAILOVER
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
