package io.fcn.persistence;

/** The write contradicts what is stored (e.g. a different observation for the same trade and date). */
public final class ConflictException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String key;

    public ConflictException(String entity, String key, String detail) {
        super(entity + " '" + key + "' conflicts with the stored one: " + detail);
        this.entity = entity;
        this.key = key;
    }

    public String entity() {
        return entity;
    }

    public String key() {
        return key;
    }
}
