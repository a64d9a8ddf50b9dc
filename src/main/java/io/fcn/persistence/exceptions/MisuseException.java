package io.fcn.persistence.exceptions;

/**
 * The library was called in a way it does not allow, whatever the data: for example an idempotency claim inside a
 * transaction, {@code callerManagedTransactions()} with no caller transaction, or an unknown migration version.
 * A programming error to fix, not a condition to retry.
 */
public class MisuseException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /**
     * A misuse of the library.
     * @param message what was called wrongly and what to do instead
     */
    public MisuseException(String message) {
        super(message);
    }
}
