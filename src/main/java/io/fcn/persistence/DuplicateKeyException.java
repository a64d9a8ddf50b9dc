package io.fcn.persistence;

/** A business key already exists (keys are unique case-insensitively, as SQL Server's collation compares them). */
public final class DuplicateKeyException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String key;

    public DuplicateKeyException(String entity, String key, Throwable cause) {
        super(entity + " '" + key + "' already exists", cause);
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
