package io.fcn.persistence.exceptions;

/** The row changed since it was read: its version is no longer the one the caller holds. Re-read and retry. */
public final class OptimisticLockException extends EntityException {

    private static final long serialVersionUID = 1L;

    /** The version the caller held. */
    private final int expectedVersion;

    /**
     * A stale version.
     * @param entity the entity's kind, e.g. {@code "trade"}
     * @param key its business key
     * @param expectedVersion the version the caller held
     */
    public OptimisticLockException(String entity, String key, int expectedVersion) {
        super(entity, key, entity + " '" + key + "' was modified concurrently (expected version " + expectedVersion
                + ")", null);
        this.expectedVersion = expectedVersion;
    }

    /** {@return the version the caller held, no longer the stored one} */
    public int expectedVersion() {
        return expectedVersion;
    }
}
