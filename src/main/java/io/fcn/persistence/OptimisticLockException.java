package io.fcn.persistence;

/** The row changed since it was read: its version is no longer the one the caller holds. Re-read and retry. */
public final class OptimisticLockException extends FcnPersistenceException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String key;
    private final int expectedVersion;

    public OptimisticLockException(String entity, String key, int expectedVersion) {
        super(entity + " '" + key + "' was modified concurrently (expected version " + expectedVersion + ")");
        this.entity = entity;
        this.key = key;
        this.expectedVersion = expectedVersion;
    }

    public String entity() {
        return entity;
    }

    public String key() {
        return key;
    }

    public int expectedVersion() {
        return expectedVersion;
    }
}
