package io.fcn.persistence.metrics;

/**
 * What the entry point reports about the library's work, for metrics: pass one to
 * {@code FcnPersistence.Builder.observer} ({@link FcnMetrics} is the Micrometer one). Called on the caller's thread
 * after each event; an implementation must be thread-safe, fast, and must not throw. Every argument is from a
 * closed set (repository and method names, outcome names), never a key, an id or SQL.
 */
public interface PersistenceObserver {

    /** The outcome of a call that returned normally. */
    String SUCCESS = "success";

    /**
     * One public repository call ended (nested library calls are not reported apart from the call that made them).
     * @param repository {@code template}, {@code trade}, {@code observation}, {@code lifecycle_event} or
     *                   {@code idempotency}
     * @param operation the repository method's name, e.g. {@code book}
     * @param outcome {@link #SUCCESS}, or the simple name of the library exception it threw (e.g.
     *                {@code ValidationException}); {@code other} for an exception that is not the library's
     * @param nanos how long it took
     */
    default void operation(String repository, String operation, String outcome, long nanos) {
    }

    /**
     * An idempotency claim answered.
     * @param outcome {@code claimed}, {@code in_progress}, {@code replay}, {@code conflict}, {@code taken_over}
     *                (claimed by taking over an expired lease or key) or {@code reclaimed} (the same request id's
     *                claim handed back)
     */
    default void idempotencyClaim(String outcome) {
    }

    /**
     * A purge deleted rows.
     * @param what what was purged: {@code idempotency_keys}
     * @param count how many rows
     */
    default void purged(String what, int count) {
    }
}
