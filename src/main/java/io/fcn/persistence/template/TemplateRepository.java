package io.fcn.persistence.template;

import io.fcn.persistence.FcnPersistence;

/** Templates: create, read, list, update with optimistic locking, activate, deprecate. */
public final class TemplateRepository {

    private final FcnPersistence db;

    public TemplateRepository(FcnPersistence db) {
        this.db = db;
    }
}
