package io.fcn.persistence.exceptions;

/** The entity named by a business key does not exist. */
public final class NotFoundException extends EntityException {

    private static final long serialVersionUID = 1L;

    /**
     * No such entity.
     * @param entity the entity's kind, e.g. {@code "template"}
     * @param key the business key looked up
     */
    public NotFoundException(String entity, String key) {
        super(entity, key, entity + " '" + key + "' not found", null);
    }
}
