package io.fcn.persistence.spring;

import io.fcn.persistence.FcnPersistence;

/**
 * A bean of this type adjusts the auto-configured {@link FcnPersistence} before it is built (jOOQ settings, a
 * clock, an execute listener); customizers run in their {@code @Order}. Not applied to an {@code FcnPersistence}
 * the service defines itself.
 */
@FunctionalInterface
public interface FcnPersistenceCustomizer {

    /**
     * Adjusts the builder; transactions stay caller-managed.
     * @param builder the builder over the transaction-aware DataSource
     */
    void customize(FcnPersistence.Builder builder);
}
