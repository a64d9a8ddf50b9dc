package io.fcn.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

import io.fcn.persistence.internal.errors.SqlErrors;

import io.fcn.persistence.sqlserver.ConnectionCheck;
import io.fcn.persistence.sqlserver.SqlServerSettings;

/**
 * The entry point's connections, checked once: the first connection the library takes runs
 * {@link SqlServerSettings#check} (one round trip on SQL Server, none on H2) and a connection that does not follow
 * the recommended settings is reported as one WARNING (logger {@code io.fcn.persistence}). At first use rather than
 * at build: building the entry point never needs the database to be up.
 */
final class CheckedConnections implements ConnectionProvider {

    private static final System.Logger LOG = System.getLogger("io.fcn.persistence");

    private final ConnectionProvider delegate;
    private volatile boolean checked;
    private volatile ConnectionCheck outcome;

    CheckedConnections(ConnectionProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Connection acquire() {
        Connection connection = delegate.acquire();
        if (!checked) {
            try {
                check(connection);
            } catch (RuntimeException e) {
                delegate.release(connection);
                throw e;
            }
        }
        return connection;
    }

    @Override
    public void release(Connection connection) {
        delegate.release(connection);
    }

    boolean checked() {
        return checked;
    }

    /** The outcome; empty before the first connection, or when the check failed (the library works on). */
    Optional<ConnectionCheck> outcome() {
        return Optional.ofNullable(outcome);
    }

    private synchronized void check(Connection connection) {
        if (checked) {
            return;
        }
        try {
            outcome = SqlServerSettings.check(connection);
            outcome.warning().ifPresent(warning -> LOG.log(System.Logger.Level.WARNING, warning));
        } catch (SQLException | RuntimeException e) {
            if (SqlErrors.isConnectionLoss(e)) {
                // The connection died under the check: not the caller's to use. The call fails as a lost
                // connection (retryable) and the next connection is checked.
                throw new DataAccessException("connection lost while checking the connection settings", e);
            }
            // Never fails the caller's work; the exception's text is not logged, as it may name the server.
            LOG.log(System.Logger.Level.DEBUG, "fcn-persistence: connection settings not checked ("
                    + e.getClass().getSimpleName() + ")");
        }
        checked = true;
    }
}
