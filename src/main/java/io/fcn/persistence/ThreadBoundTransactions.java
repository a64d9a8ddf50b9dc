package io.fcn.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import org.jooq.ConnectionProvider;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;

/**
 * The entry point's transactions, bound to the calling thread: the outermost {@code inTransaction} takes one
 * connection from the pool, every statement on the thread uses it until the transaction ends, and a transaction
 * begun inside another joins it (no savepoints), as jOOQ's {@code ThreadLocalTransactionProvider} without nesting.
 * Written here because that provider leaves the thread bound to a dead connection after a rollback or a commit on
 * a lost connection fails: every later transaction on the thread then failed. Here the thread is unbound and the
 * connection handed back to the pool whatever fails.
 */
final class ThreadBoundTransactions implements TransactionProvider {

    private final ConnectionProvider pool;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();
    private final ConnectionProvider connections = new ConnectionProvider() {
        @Override
        public Connection acquire() {
            Bound b = bound.get();
            return b != null ? b.connection : pool.acquire();
        }

        @Override
        public void release(Connection connection) {
            Bound b = bound.get();
            if (b == null || b.connection != connection) {
                pool.release(connection);
            }
        }
    };

    ThreadBoundTransactions(ConnectionProvider pool) {
        this.pool = pool;
    }

    /** The connections every statement takes: the thread's transaction's, else the pool's. */
    ConnectionProvider connections() {
        return connections;
    }

    @Override
    public void begin(TransactionContext ctx) {
        Bound b = bound.get();
        if (b != null) {
            b.depth++;
            return;
        }
        Connection connection = pool.acquire();
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            bound.set(new Bound(connection, autoCommit));
        } catch (SQLException | RuntimeException e) {
            DataAccessException failure = new DataAccessException("Cannot begin transaction", e);
            releaseQuietly(connection, failure);
            throw failure;
        }
    }

    @Override
    public void commit(TransactionContext ctx) {
        Bound b = bound.get();
        if (b.depth > 0) {
            b.depth--;
            return;
        }
        DataAccessException failure = null;
        try {
            b.connection.commit();
        } catch (SQLException | RuntimeException e) {
            failure = new DataAccessException("Cannot commit transaction", e);
        } finally {
            end(b, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void rollback(TransactionContext ctx) {
        Bound b = bound.get();
        if (b == null) {
            return; // begin failed, or the commit failed and already ended the transaction
        }
        if (b.depth > 0) {
            b.depth--; // joined: the outermost transaction decides
            return;
        }
        DataAccessException failure = null;
        try {
            b.connection.rollback();
        } catch (SQLException | RuntimeException e) {
            failure = new DataAccessException("Cannot rollback transaction", e);
        } finally {
            end(b, failure);
        }
        if (failure != null) {
            throw failure; // jOOQ attaches it to the failure that caused the rollback
        }
    }

    /** Unbinds the thread, restores auto-commit and hands the connection back, each whatever the others did. */
    private void end(Bound b, DataAccessException failure) {
        bound.remove();
        if (b.autoCommit) {
            try {
                b.connection.setAutoCommit(true);
            } catch (SQLException | RuntimeException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
                // a broken connection: the pool discards it on release
            }
        }
        releaseQuietly(b.connection, failure);
    }

    private void releaseQuietly(Connection connection, RuntimeException failure) {
        try {
            pool.release(connection);
        } catch (RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private static final class Bound {
        final Connection connection;
        final boolean autoCommit;
        int depth;

        Bound(Connection connection, boolean autoCommit) {
            this.connection = connection;
            this.autoCommit = autoCommit;
        }
    }
}
