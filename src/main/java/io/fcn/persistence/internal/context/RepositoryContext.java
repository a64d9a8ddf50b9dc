package io.fcn.persistence.internal.context;

import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;

import org.jooq.DSLContext;

import io.fcn.persistence.exceptions.CommitOutcomeUnknownException;
import io.fcn.persistence.exceptions.MisuseException;
import io.fcn.persistence.exceptions.TransactionRolledBackException;
import io.fcn.persistence.internal.errors.ScrubbedSqlException;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.metrics.PersistenceObserver;

/**
 * What a repository needs from the entry point, and nothing more: the jOOQ context, the clock, and the calling
 * thread's transaction. Built once by {@code FcnPersistence}; repositories never see the entry point itself. Every
 * public repository method runs its body through {@link #call(String, String, Supplier)}: the one place that decides
 * what a failure does to the transaction and what it looks like to the caller, and that reports it to the observer.
 */
public final class RepositoryContext {

    private final DSLContext dsl;
    private final Clock clock;
    private final boolean callerManagedTransactions;
    private final PersistenceObserver observer;
    private final Pinning pinning;
    private final ThreadLocal<TransactionState> transaction = new ThreadLocal<>();
    private final ThreadLocal<int[]> callDepth = ThreadLocal.withInitial(() -> new int[1]);

    public RepositoryContext(DSLContext dsl, Clock clock, boolean callerManagedTransactions) {
        this(dsl, clock, callerManagedTransactions, null);
    }

    /** With {@code observer} (null: none) told of every outermost call, claim and purge. */
    public RepositoryContext(DSLContext dsl, Clock clock, boolean callerManagedTransactions,
            PersistenceObserver observer) {
        this(dsl, clock, callerManagedTransactions, observer, Supplier::get);
    }

    /** With {@code pinning}: how {@link #onOneConnection} keeps one connection for a run of statements. */
    public RepositoryContext(DSLContext dsl, Clock clock, boolean callerManagedTransactions,
            PersistenceObserver observer, Pinning pinning) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.callerManagedTransactions = callerManagedTransactions;
        this.observer = observer;
        this.pinning = Objects.requireNonNull(pinning, "pinning");
    }

    /** Runs statements on one connection taken from the pool once (the entry point's transactions provide it). */
    @FunctionalInterface
    public interface Pinning {
        /** Runs {@code work} with one connection for all its statements, each still auto-committed. */
        <T> T pinned(Supplier<T> work);
    }

    /**
     * Runs {@code work}, statements that each commit on their own, on one connection taken from the pool once:
     * under a busy pool every checkout may wait for a connection, so a call of several statements takes one.
     */
    public <T> T onOneConnection(Supplier<T> work) {
        return pinning.pinned(work);
    }

    /** Where claims and purges are reported: the builder's observer, or one that ignores them. */
    public PersistenceObserver observer() {
        return observer == null ? NO_OBSERVER : observer;
    }

    private static final PersistenceObserver NO_OBSERVER = new PersistenceObserver() { };

    public DSLContext dsl() {
        return dsl;
    }

    public Clock clock() {
        return clock;
    }

    /** The clock's time in UTC, truncated to microseconds: what round-trips exactly on every engine. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Runs one public library call, {@code repository}'s method {@code operation} (both constants: they become
     * metric tags). Whatever leaves the outermost call is a typed error ({@link SqlErrors#translate}); inside
     * {@link #inTransaction(Supplier)} it also marks the transaction rollback-only, so a caller that catches it and
     * carries on still gets a rollback, not half a unit of work. The observer is told of the outermost call only.
     */
    public <T> T call(String repository, String operation, Supplier<T> work) {
        int[] depth = callDepth.get();
        depth[0]++;
        boolean outermost = depth[0] == 1;
        long start = observer != null && outermost ? System.nanoTime() : 0L;
        String outcome = PersistenceObserver.SUCCESS;
        try {
            return work.get();
        } catch (RuntimeException e) {
            RuntimeException failure = outermost ? SqlErrors.translate(e) : e;
            markRollbackOnly(failure);
            outcome = outcomeOf(failure);
            throw failure;
        } catch (Error e) {
            markRollbackOnly(e);
            outcome = outcomeOf(e);
            throw e;
        } finally {
            depth[0]--;
            if (observer != null && outermost) {
                observer.operation(repository, operation, outcome, System.nanoTime() - start);
            }
        }
    }

    /** {@link #call(String, String, Supplier)} for a call without a result. */
    public void run(String repository, String operation, Runnable work) {
        call(repository, operation, () -> {
            work.run();
            return null;
        });
    }

    /** A closed set: the library's own exception types by simple name, anything else {@code other}. */
    private static String outcomeOf(Throwable failure) {
        Class<?> type = failure.getClass();
        return type.getName().startsWith("io.fcn.persistence.") ? type.getSimpleName() : "other";
    }

    private void markRollbackOnly(Throwable failure) {
        TransactionState state = transaction.get();
        if (state != null && state.failure == null) {
            state.failure = failure;
        }
    }

    /** Whether the calling thread is inside {@link #inTransaction(Supplier)}. */
    public boolean inTransaction() {
        return transaction.get() != null;
    }

    /**
     * Runs {@code work} in one transaction; a call inside another joins it. A failure that leaves a joined call
     * marks the whole transaction rollback-only, even when the caller catches it.
     */
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        TransactionState outer = transaction.get();
        if (outer != null) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                outer.failure = e;
                throw e;
            }
        }
        if (callerManagedTransactions) {
            requireCallerTransaction();
            return work.get();
        }
        TransactionState state = new TransactionState();
        transaction.set(state);
        try {
            return dsl.transactionResult(() -> {
                T result = work.get();
                if (state.failure != null) {
                    throw new TransactionRolledBackException(state.failure instanceof RuntimeException r
                            ? SqlErrors.translate(r) : state.failure);
                }
                state.committing = true; // what fails from here on is jOOQ's commit
                return result;
            });
        } catch (RuntimeException e) {
            if (state.committing && SqlErrors.isConnectionLoss(e)) {
                // The server may have committed before the connection broke: not retryable, whoever called.
                throw new CommitOutcomeUnknownException(ScrubbedSqlException.of(SqlErrors.rootSqlException(e)));
            }
            // Called by the service: a typed error. Called from a library call: that call translates at its end,
            // and its own handling still sees the driver's exception (update counts, constraint names).
            throw callDepth.get()[0] == 0 ? SqlErrors.translate(e) : e;
        } finally {
            transaction.remove();
        }
    }

    /** {@link #inTransaction(Supplier)} for work without a result. */
    public void inTransaction(Runnable work) {
        Objects.requireNonNull(work, "work");
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private void requireCallerTransaction() {
        Boolean autoCommit = dsl.connectionResult(Connection::getAutoCommit);
        if (Boolean.TRUE.equals(autoCommit)) {
            throw new MisuseException("callerManagedTransactions() is set but no caller transaction is active"
                    + " (the connection is in auto-commit): start one (e.g. @Transactional) before calling");
        }
    }

    private static final class TransactionState {
        Throwable failure;
        boolean committing;
    }
}
