package io.fcn.persistence.observation;

import io.fcn.persistence.FcnPersistence;

/** Observations: one per trade and date, recorded idempotently, singly or in batches. */
public final class ObservationRepository {

    private final FcnPersistence db;

    public ObservationRepository(FcnPersistence db) {
        this.db = db;
    }
}
