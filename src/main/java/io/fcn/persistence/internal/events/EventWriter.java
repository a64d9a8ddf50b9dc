package io.fcn.persistence.internal.events;

import static io.fcn.persistence.jooq.Tables.FCN_LIFECYCLE_EVENT;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.internal.sql.ReusableQuery;
import io.fcn.persistence.jooq.Keys;
import io.fcn.persistence.jooq.tables.FcnLifecycleEvent;
import io.fcn.persistence.types.LifecycleEventType;

/**
 * Writes one row of the lifecycle trail. The one insert of an event, shared by the trail's own {@code append} (which
 * refuses the types a trade transition writes) and by booking and the transitions (which write exactly those), so
 * the history cannot say what the trade's status does not.
 */
public final class EventWriter {

    private final ReusableQuery insert;

    public EventWriter(DSLContext dsl) {
        this.insert = insert(dsl);
    }

    /** The insert: rendered once, as every booking and transition runs it. */
    private static ReusableQuery insert(DSLContext dsl) {
        FcnLifecycleEvent e = FCN_LIFECYCLE_EVENT;
        Param<String> tradeId = DSL.param(e.TRADE_ID);
        Param<LifecycleEventType> type = DSL.param(e.EVENT_TYPE);
        Param<LocalDate> date = DSL.param(e.EVENT_DATE);
        Param<String> payload = DSL.param(e.EVENT_PAYLOAD);
        Param<OffsetDateTime> createdAt = DSL.param(e.CREATED_AT);
        return ReusableQuery.of(dsl, dsl.insertInto(e)
                .set(e.TRADE_ID, tradeId)
                .set(e.EVENT_TYPE, type)
                .set(e.EVENT_DATE, date)
                .set(e.EVENT_PAYLOAD, payload)
                .set(e.CREATED_AT, createdAt), tradeId, type, date, payload, createdAt);
    }

    /**
     * Inserts the event, already validated by the caller.
     *
     * @throws NotFoundException no trade has {@code tradeId}
     */
    public void write(String tradeId, LifecycleEventType type, LocalDate eventDate, String payloadJson,
            OffsetDateTime createdAt) {
        try {
            insert.execute(tradeId, type, eventDate, payloadJson, createdAt);
        } catch (IntegrityConstraintViolationException e) {
            // The trade table is the trade repository's: its foreign key answers whether the trade exists.
            if (SqlErrors.violates(e, Keys.FK_FCN_LIFECYCLE_EVENT_TRADE.getName())) {
                throw new NotFoundException("trade", tradeId);
            }
            throw e;
        }
    }
}
