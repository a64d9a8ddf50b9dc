package io.fcn.persistence.lifecycle;

import static io.fcn.persistence.jooq.Tables.FCN_LIFECYCLE_EVENT;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jooq.Condition;
import org.jooq.SortField;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.paging.KeysetOrder;
import io.fcn.persistence.jooq.tables.records.FcnLifecycleEventRecord;
import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.LifecycleEventType;

/**
 * Which events a list shows. Only the shapes an index serves can be built: by trade, by (trade, type), by date
 * range. Inputs are validated when the filter is built.
 */
public final class LifecycleEventFilter {

    private final Condition condition;
    private final KeysetOrder<FcnLifecycleEventRecord> order;
    private final String description;

    private LifecycleEventFilter(Condition condition, KeysetOrder<FcnLifecycleEventRecord> order, String description) {
        this.condition = condition;
        this.order = order;
        this.description = description;
    }

    /**
     * A trade's events in event order (index {@code ix_fcn_lifecycle_event_trade_id_id}).
     * @param tradeId the trade's business key
     * @return the filter
     * @throws ValidationException when the id is not a valid business key
     */
    public static LifecycleEventFilter byTrade(String tradeId) {
        Validate.businessKey("trade_id", tradeId, LifecycleEventRepository.TRADE_ID_MAX);
        return new LifecycleEventFilter(FCN_LIFECYCLE_EVENT.TRADE_ID.eq(tradeId),
                KeysetOrder.byId(FCN_LIFECYCLE_EVENT.ID), "trade_id=" + tradeId);
    }

    /**
     * A trade's events of one type in event order (index {@code ix_fcn_lifecycle_event_trade_id_event_type}, whose
     * key SQL Server ends with the clustered id).
     * @param tradeId the trade's business key
     * @param type the event type
     * @return the filter
     * @throws ValidationException when the id is not a valid business key or the type is null
     */
    public static LifecycleEventFilter byTradeAndType(String tradeId, LifecycleEventType type) {
        Validate.businessKey("trade_id", tradeId, LifecycleEventRepository.TRADE_ID_MAX);
        Validate.notNull("event_type", type);
        return new LifecycleEventFilter(
                FCN_LIFECYCLE_EVENT.TRADE_ID.eq(tradeId).and(FCN_LIFECYCLE_EVENT.EVENT_TYPE.eq(type)),
                KeysetOrder.byId(FCN_LIFECYCLE_EVENT.ID), "trade_id=" + tradeId + ", event_type=" + type.getLiteral());
    }

    /**
     * Events whose {@code event_date} lies in {@code [from, to]} (both inclusive), ordered by event date and, within
     * a date, in event order: the order of index {@code ix_fcn_lifecycle_event_event_date_id}, so each page is one
     * seek. (Ordering a date range by id alone would sort the whole remaining range for every page.)
     * @param from the first event date, inclusive
     * @param to the last event date, inclusive, not before {@code from}
     * @return the filter
     * @throws ValidationException when a date is null or {@code to} is before {@code from}
     */
    public static LifecycleEventFilter byDateRange(LocalDate from, LocalDate to) {
        Validate.notNull("from", from);
        Validate.notBefore("to", to, "from", from);
        return new LifecycleEventFilter(FCN_LIFECYCLE_EVENT.EVENT_DATE.between(from, to), new DateThenId(),
                "event_date in [" + from + ", " + to + "]");
    }

    Condition condition() {
        return condition;
    }

    KeysetOrder<FcnLifecycleEventRecord> order() {
        return order;
    }

    @Override
    public String toString() {
        return "LifecycleEventFilter[" + description + "]";
    }

    /** Order (event_date, id); the cursor is {@code <date>/<id>} of the last row. */
    private static final class DateThenId implements KeysetOrder<FcnLifecycleEventRecord> {
        @Override
        public List<SortField<?>> orderBy() {
            return List.of(FCN_LIFECYCLE_EVENT.EVENT_DATE.asc(), FCN_LIFECYCLE_EVENT.ID.asc());
        }

        @Override
        public Condition after(String cursor) {
            int slash = cursor.indexOf('/');
            LocalDate date;
            try {
                date = slash < 0 ? null : LocalDate.parse(cursor.substring(0, slash));
            } catch (DateTimeParseException e) {
                date = null;
            }
            if (date == null) {
                throw new ValidationException("cursor",
                        "is not a cursor of this list: '" + cursor + "'");
            }
            int id = KeysetOrder.parseId(cursor.substring(slash + 1));
            // event_date >= d and (event_date > d or id > i): the same rows as (event_date, id) > (d, i), which
            // T-SQL cannot write, in a form that seeks on the index's leading column.
            return FCN_LIFECYCLE_EVENT.EVENT_DATE.ge(date)
                    .and(FCN_LIFECYCLE_EVENT.EVENT_DATE.gt(date).or(FCN_LIFECYCLE_EVENT.ID.gt(id)));
        }

        @Override
        public String cursorOf(FcnLifecycleEventRecord last) {
            return last.getEventDate() + "/" + last.getId();
        }
    }
}
