package io.fcn.persistence.exceptions;

/** The requested status change is not allowed from the entity's current status. */
public final class InvalidStateTransitionException extends EntityException {

    private static final long serialVersionUID = 1L;

    /** The status the entity is in. */
    private final String from;
    /** The status asked for. */
    private final String to;

    /**
     * A forbidden status change.
     * @param entity the entity's kind, e.g. {@code "trade"}
     * @param key its business key
     * @param from its current status (database value)
     * @param to the status asked for (database value)
     */
    public InvalidStateTransitionException(String entity, String key, String from, String to) {
        super(entity, key, entity + " '" + key + "' cannot go from '" + from + "' to '" + to + "'", null);
        this.from = from;
        this.to = to;
    }

    /** {@return the status the entity is in, as its database value} */
    public String from() {
        return from;
    }

    /** {@return the status asked for, as its database value} */
    public String to() {
        return to;
    }
}
