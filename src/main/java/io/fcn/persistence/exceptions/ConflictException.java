package io.fcn.persistence.exceptions;

/** The write contradicts what is stored (e.g. a different observation for the same trade and date). */
public final class ConflictException extends EntityException {

    private static final long serialVersionUID = 1L;

    /**
     * A conflict with the stored record.
     * @param entity the entity's kind, e.g. {@code "observation"}
     * @param key its business key
     * @param detail what differs
     */
    public ConflictException(String entity, String key, String detail) {
        super(entity, key, entity + " '" + key + "' conflicts with the stored one: " + detail, null);
    }
}
