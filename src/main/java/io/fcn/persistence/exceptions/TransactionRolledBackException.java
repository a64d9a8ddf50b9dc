package io.fcn.persistence.exceptions;

/**
 * A nested unit of work failed inside {@code inTransaction}, and the caller caught its exception and went on:
 * like Spring's REQUIRED propagation, the whole transaction is rolled back rather than committed half-done.
 */
public final class TransactionRolledBackException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /**
     * The transaction rolled back because of a swallowed nested failure.
     * @param innerFailure the nested call's exception
     */
    public TransactionRolledBackException(Throwable innerFailure) {
        super("Transaction rolled back: a nested unit of work failed (" + innerFailure + ")", innerFailure);
    }
}
