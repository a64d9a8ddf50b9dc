package io.fcn.persistence.lifecycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import io.fcn.persistence.types.LifecycleEventType;

/**
 * One entry of a trade's audit trail. Events are immutable once appended; lists return them in event order (the
 * order they were appended). The table's surrogate id stays inside the library: list cursors carry it.
 *
 * @param tradeId   the trade, as the appender spelled it
 * @param type      what happened
 * @param eventDate the business date it happened on
 * @param payload   JSON object or array with the event's details
 * @param createdAt when it was appended (the entry point's clock, UTC)
 */
public record LifecycleEvent(String tradeId, LifecycleEventType type, LocalDate eventDate, String payload,
        OffsetDateTime createdAt) {
}
