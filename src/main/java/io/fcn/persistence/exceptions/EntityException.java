package io.fcn.persistence.exceptions;

/**
 * An error about one entity, named by its kind ({@code "trade"}) and business key ({@code "TRD-1"}): catch this to
 * answer "which record" without knowing which of the library's errors it was.
 */
public abstract class EntityException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    /** The entity's kind. */
    private final String entity;
    /** The entity's business key. */
    private final String key;

    /**
     * An error about one entity.
     * @param entity the entity's kind, e.g. {@code "trade"}
     * @param key its business key
     * @param message the whole message
     * @param cause the underlying failure, or null
     */
    protected EntityException(String entity, String key, String message, Throwable cause) {
        super(message, cause);
        this.entity = entity;
        this.key = key;
    }

    /** {@return the entity's kind, e.g. {@code "trade"}} */
    public String entity() {
        return entity;
    }

    /** {@return the entity's business key, e.g. {@code "TRD-1"}} */
    public String key() {
        return key;
    }
}
