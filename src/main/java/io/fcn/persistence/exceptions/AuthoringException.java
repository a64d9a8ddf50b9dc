package io.fcn.persistence.exceptions;

import java.util.Objects;

/**
 * An authoring operation (autogenerate, reconcile) refused its input; nothing was written. {@link #reason()} says
 * which rule, the message names the input.
 */
public class AuthoringException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /** Which rule the input broke. */
    public enum Reason {
        /** The development database is not at the latest migration version. */
        WRONG_VERSION,
        /** A version that none of the migrations has. */
        UNKNOWN_VERSION,
        /** A rename hint that is malformed or names an object that does not exist. */
        BAD_RENAME,
        /** Files cannot be written (no directory given, or a file of that name exists). */
        CANNOT_WRITE
    }

    /** Which rule the input broke. */
    private final Reason reason;

    /**
     * @param reason which rule
     * @param message what was refused, naming the input
     */
    public AuthoringException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return which rule the input broke} */
    public Reason reason() {
        return reason;
    }
}
