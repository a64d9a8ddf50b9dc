package io.fcn.persistence.exceptions;

/** A business key already exists (keys are unique case-insensitively, as SQL Server's collation compares them). */
public final class DuplicateKeyException extends EntityException {

    private static final long serialVersionUID = 1L;

    /**
     * The business key exists.
     * @param entity the entity's kind, e.g. {@code "trade"}
     * @param key the duplicate business key
     * @param cause the unique-constraint violation, if any
     */
    public DuplicateKeyException(String entity, String key, Throwable cause) {
        super(entity, key, entity + " '" + key + "' already exists", cause);
    }
}
