package io.fcn.persistence;

/** The entity named by a business key does not exist. */
public final class NotFoundException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String key;

    public NotFoundException(String entity, String key) {
        super(entity + " '" + key + "' not found");
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
