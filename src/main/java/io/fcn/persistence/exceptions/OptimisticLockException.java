package io.fcn.persistence.exceptions;

/** The row changed since it was read: its version is no longer the one the caller holds. Re-read and retry. */
public final class OptimisticLockException extends EntityException {

    private static final long serialVersionUID = 1L;

    private final int expectedVersion;

    public OptimisticLockException(String entity, String key, int expectedVersion) {
        super(entity, key, entity + " '" + key + "' was modified concurrently (expected version " + expectedVersion
                + ")", null);
        this.expectedVersion = expectedVersion;
    }

    public int expectedVersion() {
        return expectedVersion;
    }
}
