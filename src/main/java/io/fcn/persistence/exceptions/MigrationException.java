package io.fcn.persistence.exceptions;

import io.fcn.persistence.exceptions.FcnPersistenceException;

/** A migration operation refused to run (unknown database state, irreversible step) or a script failed. */
public class MigrationException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal or failure.
     * @param message what was refused or failed, and why
     */
    public MigrationException(String message) {
        super(message);
    }

    /**
     * A failure with its cause.
     * @param message what failed
     * @param cause the underlying failure
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
