package io.fcn.persistence.exceptions;

import io.fcn.persistence.exceptions.FcnPersistenceException;

/** A migration operation refused to run (unknown database state, irreversible step) or a script failed. */
public class MigrationException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
