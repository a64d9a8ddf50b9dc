package io.fcn.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import org.jooq.ConnectionProvider;
import org.jooq.TransactionContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * The entry point's transactions, bound to the calling thread: the outermost {@code inTransaction} takes one
 * connection from the pool, every statement on the thread uses it until the transaction ends, and a transaction
 * begun inside another joins it (no savepoints), as jOOQ's {@link ThreadLocalTransactionProvider} without nesting,
 * whose type it keeps for jOOQ. Its own begin, commit and rollback because jOOQ's leave the thread bound to a dead
 * connection when a rollback or commit on a lost connection fails: every later transaction on the thread then
 * failed. Here the thread is unbound and the connection handed back to the pool whatever fails.
 */
final class ThreadBoundTransactions extends ThreadLocalTransactionProvider {

    private final ConnectionProvider pool;
    private final ThreadLocal<Bound> bound;

    private ThreadBoundTransactions(ConnectionProvider pool, ThreadLocal<Bound> bound, ConnectionProvider connections) {
        // A ThreadLocalTransactionProvider to jOOQ (DSLContext.transactionResult(() -> ...) needs one), whose
        // connections come from this class's binding: the superclass's own thread-local is never set.
        super(connections, false);
        this.pool = pool;
        this.bound = bound;
    }

    /** Transactions over {@code pool}; every statement on a thread inside one uses its connection. */
    static ThreadBoundTransactions over(ConnectionProvider pool) {
        ThreadLocal<Bound> bound = new ThreadLocal<>();
        ConnectionProvider connections = new ConnectionProvider() {
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
        return new ThreadBoundTransactions(pool, bound, connections);
    }

    /**
     * Runs {@code work} with one connection bound to the thread and left in auto-commit: each statement still
     * commits on its own, but all of them take the same connection from the pool once. Inside a transaction (or
     * another pinned call) it runs on the connection already bound.
     */
    <T> T pinned(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        Connection connection = pool.acquire();
        bound.set(new Bound(connection, false));
        try {
            T result = work.get();
            bound.remove();
            pool.release(connection);
            return result;
        } catch (RuntimeException | Error e) {
            bound.remove();
            releaseQuietly(connection, e instanceof RuntimeException r ? r : null); // keep the work's failure
            throw e;
        }
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
