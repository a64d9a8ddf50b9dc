package io.fcn.persistence;

/** The requested status change is not allowed from the entity's current status. */
public final class InvalidStateTransitionException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String key;
    private final String from;
    private final String to;

    public InvalidStateTransitionException(String entity, String key, String from, String to) {
        super(entity + " '" + key + "' cannot go from '" + from + "' to '" + to + "'");
        this.entity = entity;
        this.key = key;
        this.from = from;
        this.to = to;
    }

    public String entity() {
        return entity;
    }

    public String key() {
        return key;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
