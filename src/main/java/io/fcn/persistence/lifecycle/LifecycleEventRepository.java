package io.fcn.persistence.lifecycle;

import io.fcn.persistence.FcnPersistence;

/** The append-only audit trail of a trade's lifecycle. */
public final class LifecycleEventRepository {

    private final FcnPersistence db;

    public LifecycleEventRepository(FcnPersistence db) {
        this.db = db;
    }
}
