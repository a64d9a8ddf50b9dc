package io.fcn.persistence.trade;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.lifecycle.LifecycleEventRepository;
import io.fcn.persistence.template.TemplateRepository;

/** Trades: book against an active template, read, list, and move through the allowed status transitions. */
public final class TradeRepository {

    private final FcnPersistence db;
    private final TemplateRepository templates;
    private final LifecycleEventRepository events;

    public TradeRepository(FcnPersistence db, TemplateRepository templates, LifecycleEventRepository events) {
        this.db = db;
        this.templates = templates;
        this.events = events;
    }
}
