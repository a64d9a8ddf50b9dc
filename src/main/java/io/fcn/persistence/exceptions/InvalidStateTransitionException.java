package io.fcn.persistence.exceptions;

/** The requested status change is not allowed from the entity's current status. */
public final class InvalidStateTransitionException extends EntityException {

    private static final long serialVersionUID = 1L;

    private final String from;
    private final String to;

    public InvalidStateTransitionException(String entity, String key, String from, String to) {
        super(entity, key, entity + " '" + key + "' cannot go from '" + from + "' to '" + to + "'", null);
        this.from = from;
        this.to = to;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
