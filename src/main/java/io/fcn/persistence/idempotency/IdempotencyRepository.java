package io.fcn.persistence.idempotency;

import io.fcn.persistence.FcnPersistence;

/** Idempotency keys: claim with a lease, complete, release, purge. */
public final class IdempotencyRepository {

    private final FcnPersistence db;

    public IdempotencyRepository(FcnPersistence db) {
        this.db = db;
    }
}
