package io.fcn.persistence.exceptions;

/**
 * An error about one entity, named by its kind ({@code "trade"}) and business key ({@code "TRD-1"}): catch this to
 * answer "which record" without knowing which of the library's errors it was.
 */
public abstract class EntityException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String key;

    protected EntityException(String entity, String key, String message, Throwable cause) {
        super(message, cause);
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
