package io.fcn.persistence.lifecycle;

import static io.fcn.persistence.jooq.Tables.FCN_LIFECYCLE_EVENT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.internal.context.RepositoryContext;
import io.fcn.persistence.internal.events.EventWriter;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.paging.KeysetPage;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.Page;
import io.fcn.persistence.paging.PageQueries;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.jooq.Keys;
import io.fcn.persistence.jooq.tables.FcnLifecycleEvent;
import io.fcn.persistence.jooq.tables.records.FcnLifecycleEventRecord;
import io.fcn.persistence.internal.sql.ReusableQuery;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.LifecycleEventType;

/**
 * The append-only audit trail of a trade's lifecycle: events are appended and listed, never changed or removed.
 * Every method joins the caller's {@link io.fcn.persistence.FcnPersistence#inTransaction} when there is one.
 */
public final class LifecycleEventRepository {

    static final int TRADE_ID_MAX = 100;

    private final RepositoryContext db;
    private final EventWriter writer;

    /**
     * The repository over the entry point's context; take it from {@code FcnPersistence.lifecycleEvents()}.
     * @param db the entry point's jOOQ context, clock and transaction
     */
    public LifecycleEventRepository(RepositoryContext db) {
        this.db = db;
        this.writer = new EventWriter(db.dsl());
    }

    /**
     * Appends an event to a trade's trail.
     *
     * @param payloadJson a JSON object or array (see {@link EventPayload} to build one)
     * @param tradeId the trade's business key
     * @param type the event type
     * @param eventDate the business date of the event
     * @return the stored event, stamped with the entry point's clock
     * @throws io.fcn.persistence.exceptions.ValidationException a blank/over-long/non-ASCII trade id, a missing type or date,
     *                                                payload not a JSON object or array
     * @throws NotFoundException                      no trade has {@code tradeId}
     */
    public LifecycleEvent append(String tradeId, LifecycleEventType type, LocalDate eventDate, String payloadJson) {
        return db.call("lifecycle_event", "append", () -> {
            Validate.businessKey("trade_id", tradeId, TRADE_ID_MAX);
            Validate.notNull("event_type", type);
            Validate.sqlServerDate("event_date", eventDate);
            refuseTransitionType(type);
            Validate.json("event_payload", payloadJson);
            LifecycleEvent event = new LifecycleEvent(tradeId, type, eventDate, payloadJson, db.now());
            writer.write(event.tradeId(), event.type(), event.eventDate(), event.payload(), event.createdAt());
            return event;
        });
    }

    /**
     * The trail records what happened to the trade: an event a trade change writes comes only from that change, and
     * the first revision's names stay readable for old rows but are not written again.
     */
    private static void refuseTransitionType(LifecycleEventType type) {
        String call = switch (type) {
            case CREATED -> "trades().book(…)";
            case KNOCKED_IN -> "trades().knockIn(…)";
            case KNOCKED_OUT -> "trades().knockOut(…)";
            case AUTOCALLED -> "trades().autocall(…)";
            case MATURED -> "trades().mature(…)";
            case TERMINATED -> "trades().terminate(…)";
            case SETTLED -> "trades().settle(…)";
            case AUTOCALL -> "trades().autocall(…) (autocall is the first revision's name of autocalled)";
            case KI_BREACH -> "trades().knockIn(…) (ki_breach is the first revision's name of knocked_in)";
            case MATURITY -> "trades().mature(…) (maturity is the first revision's name of matured)";
            case COUPON_PAYMENT -> null;
            case OBSERVATION_POSTED, COUPON_PAID -> "";
        };
        if (call == null) {
            throw new ValidationException("event_type", "coupon_payment is the first revision's name: append "
                    + "coupon_paid instead");
        }
        if (!call.isEmpty()) {
            throw new ValidationException("event_type", "is written by the trade's change: call " + call
                    + ", which changes the trade and appends its event together");
        }
    }

    /**
     * All events of a trade, in event order (a trade has few); empty when the trade has none or does not exist.
     * @param tradeId the trade's business key
     * @return its events, oldest first
     */
    public List<LifecycleEvent> history(String tradeId) {
        return db.call("lifecycle_event", "history", () -> {
            LifecycleEventFilter filter = LifecycleEventFilter.byTrade(tradeId);
            return db.dsl().selectFrom(FCN_LIFECYCLE_EVENT)
                    .where(filter.condition())
                    .orderBy(filter.order().orderBy())
                    .fetch(LifecycleEventRepository::toEvent);
        });
    }

    /**
     * A keyset page of the events {@code filter} selects, in its order.
     * @param filter which events
     * @param request which page
     * @return the page
     */
    public KeysetPage<LifecycleEvent> list(LifecycleEventFilter filter, KeysetRequest request) {
        return db.call("lifecycle_event", "list", () -> {
            Validate.notNull("filter", filter);
            Validate.notNull("request", request);
            return PageQueries.keyset(db.dsl(), FCN_LIFECYCLE_EVENT, filter.condition(), filter.toString(),
                    filter.order(), request, LifecycleEventRepository::toEvent);
        });
    }

    /**
     * A numbered page of the events {@code filter} selects, in its order, with the totals.
     * @param filter which events
     * @param request which page
     * @return the page
     */
    public Page<LifecycleEvent> list(LifecycleEventFilter filter, PageRequest request) {
        return db.call("lifecycle_event", "list", () -> {
            Validate.notNull("filter", filter);
            Validate.notNull("request", request);
            return PageQueries.numbered(db.dsl(), FCN_LIFECYCLE_EVENT, filter.condition(), filter.order(), request,
                    LifecycleEventRepository::toEvent);
        });
    }

    private static LifecycleEvent toEvent(FcnLifecycleEventRecord r) {
        return new LifecycleEvent(r.getTradeId(), SqlErrors.known(r.getEventType(), FCN_LIFECYCLE_EVENT.EVENT_TYPE),
                r.getEventDate(), r.getEventPayload(), r.getCreatedAt());
    }
}
