package io.fcn.persistence.trade;

import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;
import static io.fcn.persistence.jooq.Tables.FCN_TRADE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import io.fcn.persistence.exceptions.DuplicateKeyException;
import io.fcn.persistence.internal.context.RepositoryContext;
import io.fcn.persistence.internal.events.EventWriter;
import io.fcn.persistence.exceptions.InvalidStateTransitionException;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.OptimisticLockException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.lifecycle.EventPayload;
import io.fcn.persistence.lifecycle.LifecycleEventRepository;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.paging.KeysetPage;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.Page;
import io.fcn.persistence.paging.PageQueries;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.jooq.tables.records.FcnTradeRecord;
import io.fcn.persistence.internal.sql.ReusableQuery;
import io.fcn.persistence.internal.sql.ReusableSelect;
import io.fcn.persistence.internal.errors.ScrubbedSqlException;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.types.TemplateStatus;
import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.TradeStatus;

/**
 * Trades: book against an active template, read, list, and move through the allowed status transitions
 * ({@link TradeTransitions}). Booking and every transition append their lifecycle event in the same transaction
 * (joining the caller's {@link io.fcn.persistence.FcnPersistence#inTransaction} when there is one), so the audit trail cannot miss one.
 * Transitions take the version the caller read (optimistic locking), set {@code updated_at} from the entry point's
 * clock and add 1 to {@code version}.
 *
 * <p>Rules that need a read (the template must exist, be active and have the trade's spec_version; an event date not
 * before the trade date) fail after that read: with {@link NotFoundException} for a missing template and
 * {@link ValidationException} (naming the field) for the others.
 */
public final class TradeRepository {

    static final String ENTITY = "trade";

    private final RepositoryContext db;
    private final EventWriter events;
    private final ReusableSelect<FcnTradeRecord> byTradeId;
    private final ReusableSelect<Record> templateForBooking;
    private final ReusableQuery insert;

    /**
     * The repository over the entry point's context; take it from {@code FcnPersistence.trades()}.
     * @param db the entry point's jOOQ context, clock and transaction
     */
    public TradeRepository(RepositoryContext db) {
        this.db = db;
        this.events = new EventWriter(db.dsl());
        this.byTradeId = byTradeId(db.dsl());
        this.templateForBooking = templateForBooking(db.dsl());
        this.insert = insert(db.dsl());
    }

    /** A booked trade's row: active at version 0, no flag set, created and updated at the same instant. */
    static ReusableQuery insert(DSLContext dsl) {
        Param<String> tradeId = DSL.param(FCN_TRADE.TRADE_ID);
        Param<String> templateId = DSL.param(FCN_TRADE.TEMPLATE_ID);
        Param<String> specVersion = DSL.param(FCN_TRADE.SPEC_VERSION);
        Param<LocalDate> tradeDate = DSL.param(FCN_TRADE.TRADE_DATE);
        Param<LocalDate> maturityDate = DSL.param(FCN_TRADE.MATURITY_DATE);
        Param<BigDecimal> notional = DSL.param(FCN_TRADE.NOTIONAL);
        Param<String> currency = DSL.param(FCN_TRADE.CURRENCY);
        Param<String> tradeParams = DSL.param(FCN_TRADE.TRADE_PARAMS);
        Param<OffsetDateTime> now = DSL.param(FCN_TRADE.CREATED_AT);
        return ReusableQuery.of(dsl, dsl.insertInto(FCN_TRADE)
                .set(FCN_TRADE.TRADE_ID, tradeId)
                .set(FCN_TRADE.TEMPLATE_ID, templateId)
                .set(FCN_TRADE.SPEC_VERSION, specVersion)
                .set(FCN_TRADE.TRADE_DATE, tradeDate)
                .set(FCN_TRADE.MATURITY_DATE, maturityDate)
                .set(FCN_TRADE.NOTIONAL, notional)
                .set(FCN_TRADE.CURRENCY, currency)
                .set(FCN_TRADE.STATUS, TradeStatus.ACTIVE)
                .set(FCN_TRADE.AUTOCALL_TRIGGERED, false)
                .set(FCN_TRADE.KI_TRIGGERED, false)
                .set(FCN_TRADE.TRADE_PARAMS, tradeParams)
                .set(FCN_TRADE.VERSION, 0)
                .set(FCN_TRADE.CREATED_AT, now)
                .set(FCN_TRADE.UPDATED_AT, now),
                tradeId, templateId, specVersion, tradeDate, maturityDate, notional, currency, tradeParams, now);
    }

    /**
     * The three columns a booking checks: every booking reads them, and the template's other columns (its
     * parameters text above all) would only travel to be dropped.
     */
    private static ReusableSelect<Record> templateForBooking(DSLContext dsl) {
        Param<String> templateId = DSL.param(FCN_TEMPLATE.TEMPLATE_ID);
        return ReusableSelect.of(dsl, dsl.select(FCN_TEMPLATE.TEMPLATE_ID, FCN_TEMPLATE.SPEC_VERSION,
                FCN_TEMPLATE.STATUS).from(FCN_TEMPLATE).where(FCN_TEMPLATE.TEMPLATE_ID.eq(templateId)), templateId);
    }

    /** The trade by its business key: the hottest read, rendered once. */
    static ReusableSelect<FcnTradeRecord> byTradeId(DSLContext dsl) {
        Param<String> tradeId = DSL.param(FCN_TRADE.TRADE_ID);
        return ReusableSelect.of(dsl, FCN_TRADE, dsl.selectFrom(FCN_TRADE).where(FCN_TRADE.TRADE_ID.eq(tradeId)),
                tradeId);
    }

    /**
     * Books a trade against its template, status {@code active} at version 0, and appends its {@code created} event
     * (dated the trade date). The trade stores the template's own spelling of its id and spec_version.
     *
     * @param trade the trade to book
     * @return the stored trade
     * @throws NotFoundException     the template does not exist
     * @throws ValidationException   the template is not active ({@code template_id}), or its spec_version differs
     *                               ({@code spec_version}); also any invalid field of {@code trade}
     * @throws DuplicateKeyException a trade with this id exists (compared case-insensitively)
     */
    public Trade book(NewTrade trade) {
        return db.call("trade", "book", () -> {
            Validate.notNull("trade", trade);
            return db.inTransaction(() -> {
                Record template = templateForBooking.bind(trade.templateId()).fetchOptional().orElseThrow(
                        () -> new NotFoundException("template", trade.templateId()));
                String templateId = template.get(FCN_TEMPLATE.TEMPLATE_ID);
                String specVersion = template.get(FCN_TEMPLATE.SPEC_VERSION);
                TemplateStatus status = template.get(FCN_TEMPLATE.STATUS);
                if (status != TemplateStatus.ACTIVE) {
                    throw new ValidationException("template_id", "must name an active template, '"
                            + templateId + "' is " + status.getLiteral());
                }
                // Compared as SQL Server's collation compares them: case-insensitively.
                if (!specVersion.equalsIgnoreCase(trade.specVersion())) {
                    throw new ValidationException("spec_version", "must be the spec_version of template '"
                            + templateId + "' (" + specVersion + "), got " + trade.specVersion());
                }
                OffsetDateTime now = db.now();
                try {
                    // Insert and let the unique constraint decide: a check before it could race another booking.
                    insert.execute(trade.tradeId(), templateId, specVersion, trade.tradeDate(),
                            trade.maturityDate(), trade.notional(), trade.currency(), trade.tradeParams(), now);
                } catch (IntegrityConstraintViolationException e) {
                    if (SqlErrors.isUniqueViolation(e)) {
                        throw new DuplicateKeyException(ENTITY, trade.tradeId(), ScrubbedSqlException.of(e));
                    }
                    throw e;
                }
                events.write(trade.tradeId(), LifecycleEventType.CREATED, trade.tradeDate(), EventPayload.object()
                        .put("template_id", templateId)
                        .put("spec_version", specVersion)
                        .put("trade_date", trade.tradeDate())
                        .put("maturity_date", trade.maturityDate())
                        .put("notional", trade.notional())
                        .put("currency", trade.currency())
                        .toJson(), now);
                return get(trade.tradeId());
            });
        });
    }

    /**
     * The trade with this id (compared case-insensitively), if any.
     * @param tradeId the trade's business key
     * @return the trade, or empty
     */
    public Optional<Trade> find(String tradeId) {
        return db.call("trade", "find", () -> {
            validateId(tradeId);
            return byTradeId.bind(tradeId).fetchOptional(TradeRepository::toTrade);
        });
    }

    /**
     * The trade with this id.
     * @param tradeId the trade's business key
     * @return the trade
     * @throws NotFoundException no trade has this id
     */
    public Trade get(String tradeId) {
        return db.call("trade", "get", () -> {
            return find(tradeId).orElseThrow(() -> new NotFoundException(ENTITY, tradeId));
        });
    }

    /**
     * A keyset page of the trades {@code filter} selects, in booking order.
     * @param filter which trades
     * @param request which page
     * @return the page
     */
    public KeysetPage<Trade> list(TradeFilter filter, KeysetRequest request) {
        return db.call("trade", "list", () -> {
            Validate.notNull("filter", filter);
            Validate.notNull("request", request);
            return PageQueries.keyset(db.dsl(), FCN_TRADE, filter.condition(), filter.toString(), filter.order(),
                    request, TradeRepository::toTrade);
        });
    }

    /**
     * A numbered page of the trades {@code filter} selects, in booking order, with the totals.
     * @param filter which trades
     * @param request which page
     * @return the page
     */
    public Page<Trade> list(TradeFilter filter, PageRequest request) {
        return db.call("trade", "list", () -> {
            Validate.notNull("filter", filter);
            Validate.notNull("request", request);
            return PageQueries.numbered(db.dsl(), FCN_TRADE, filter.condition(), filter.order(), request,
                    TradeRepository::toTrade);
        });
    }

    /**
     * {@code active → knocked_in} on {@code eventDate}; sets {@code ki_triggered}.
     * @param tradeId the trade's business key
     * @param expectedVersion the version the caller read
     * @param eventDate the business date of the event
     * @return the trade after the change
     * @throws NotFoundException no trade has this id
     * @throws OptimisticLockException the trade is no longer at {@code expectedVersion}
     * @throws InvalidStateTransitionException its status does not allow the change
     */
    public Trade knockIn(String tradeId, int expectedVersion, LocalDate eventDate) {
        return db.call("trade", "knockIn", () -> {
            return transition(tradeId, expectedVersion, TradeStatus.KNOCKED_IN, eventDate, null);
        });
    }

    /**
     * {@code active/knocked_in → knocked_out} on {@code eventDate}.
     * @param tradeId the trade's business key
     * @param expectedVersion the version the caller read
     * @param eventDate the business date of the event
     * @return the trade after the change
     * @throws NotFoundException no trade has this id
     * @throws OptimisticLockException the trade is no longer at {@code expectedVersion}
     * @throws InvalidStateTransitionException its status does not allow the change
     */
    public Trade knockOut(String tradeId, int expectedVersion, LocalDate eventDate) {
        return db.call("trade", "knockOut", () -> {
            return transition(tradeId, expectedVersion, TradeStatus.KNOCKED_OUT, eventDate, null);
        });
    }

    /**
     * {@code active/knocked_in → autocalled} on {@code eventDate}; sets {@code autocall_triggered}.
     * @param tradeId the trade's business key
     * @param expectedVersion the version the caller read
     * @param eventDate the business date of the event
     * @return the trade after the change
     * @throws NotFoundException no trade has this id
     * @throws OptimisticLockException the trade is no longer at {@code expectedVersion}
     * @throws InvalidStateTransitionException its status does not allow the change
     */
    public Trade autocall(String tradeId, int expectedVersion, LocalDate eventDate) {
        return db.call("trade", "autocall", () -> {
            return transition(tradeId, expectedVersion, TradeStatus.AUTOCALLED, eventDate, null);
        });
    }

    /**
     * {@code active/knocked_in → matured} on {@code eventDate}.
     * @param tradeId the trade's business key
     * @param expectedVersion the version the caller read
     * @param eventDate the business date of the event
     * @return the trade after the change
     * @throws NotFoundException no trade has this id
     * @throws OptimisticLockException the trade is no longer at {@code expectedVersion}
     * @throws InvalidStateTransitionException its status does not allow the change
     */
    public Trade mature(String tradeId, int expectedVersion, LocalDate eventDate) {
        return db.call("trade", "mature", () -> {
            return transition(tradeId, expectedVersion, TradeStatus.MATURED, eventDate, null);
        });
    }

    /**
     * {@code active/knocked_in → terminated}; sets {@code termination_date}, the event carries all three details.
     * @param tradeId the trade's business key
     * @param expectedVersion the version the caller read
     * @param termination when, why and for how much
     * @return the trade after the change
     * @throws NotFoundException no trade has this id
     * @throws OptimisticLockException the trade is no longer at {@code expectedVersion}
     * @throws InvalidStateTransitionException its status does not allow the change
     */
    public Trade terminate(String tradeId, int expectedVersion, Termination termination) {
        return db.call("trade", "terminate", () -> {
            Validate.notNull("termination", termination);
            return transition(tradeId, expectedVersion, TradeStatus.TERMINATED, termination.date(), termination);
        });
    }

    /**
     * {@code knocked_out/autocalled/matured/terminated → settled} on {@code eventDate}; settled is final.
     * @param tradeId the trade's business key
     * @param expectedVersion the version the caller read
     * @param eventDate the business date of the event
     * @return the trade after the change
     * @throws NotFoundException no trade has this id
     * @throws OptimisticLockException the trade is no longer at {@code expectedVersion}
     * @throws InvalidStateTransitionException its status does not allow the change
     */
    public Trade settle(String tradeId, int expectedVersion, LocalDate eventDate) {
        return db.call("trade", "settle", () -> {
            return transition(tradeId, expectedVersion, TradeStatus.SETTLED, eventDate, null);
        });
    }

    /**
     * Moves the trade at {@code expectedVersion} to {@code to} and appends the event of that transition, together.
     *
     * @throws NotFoundException               no trade has this id
     * @throws OptimisticLockException         the trade is no longer at {@code expectedVersion}
     * @throws InvalidStateTransitionException {@link TradeTransitions} does not allow the move
     * @throws ValidationException             bad input; {@code event_date} (or {@code termination_date}) before the
     *                                         trade date
     */
    private Trade transition(String tradeId, int expectedVersion, TradeStatus to, LocalDate eventDate,
            Termination termination) {
        validateId(tradeId);
        Validate.atLeast("version", expectedVersion, 0);
        String dateField = termination == null ? "event_date" : "termination_date";
        Validate.sqlServerDate(dateField, eventDate);
        return db.inTransaction(() -> {
            Trade current = get(tradeId);
            if (current.version() != expectedVersion) {
                // The caller's view is stale, its status included: re-read before judging the transition.
                throw new OptimisticLockException(ENTITY, current.tradeId(), expectedVersion);
            }
            if (!TradeTransitions.isAllowed(current.status(), to)) {
                throw new InvalidStateTransitionException(ENTITY, current.tradeId(), current.status().getLiteral(),
                        to.getLiteral());
            }
            Validate.notBefore(dateField, eventDate, "trade_date", current.tradeDate());

            Map<Field<?>, Object> values = new LinkedHashMap<>();
            values.put(FCN_TRADE.STATUS, to);
            switch (to) {
                case KNOCKED_IN -> values.put(FCN_TRADE.KI_TRIGGERED, true);
                case AUTOCALLED -> values.put(FCN_TRADE.AUTOCALL_TRIGGERED, true);
                case TERMINATED -> values.put(FCN_TRADE.TERMINATION_DATE, termination.date());
                default -> {
                    // knocked_out, matured and settled imply no flag.
                }
            }
            int rows = db.dsl().update(FCN_TRADE)
                    .set(values)
                    .set(FCN_TRADE.UPDATED_AT, db.now())
                    .set(FCN_TRADE.VERSION, FCN_TRADE.VERSION.plus(1))
                    .where(FCN_TRADE.TRADE_ID.eq(tradeId))
                    .and(FCN_TRADE.VERSION.eq(expectedVersion))
                    .execute();
            if (rows == 0) {
                // Changed between our read and the update.
                throw new OptimisticLockException(ENTITY, current.tradeId(), expectedVersion);
            }

            EventPayload payload = EventPayload.object()
                    .put("from_status", current.status().getLiteral())
                    .put("to_status", to.getLiteral());
            if (termination != null) {
                payload.put("reason", termination.reason())
                        .put("termination_date", termination.date())
                        .put("settlement_amount", termination.settlementAmount());
            }
            events.write(current.tradeId(), TradeTransitions.eventOf(to), eventDate, payload.toJson(), db.now());
            return get(tradeId);
        });
    }

    private static void validateId(String tradeId) {
        Validate.businessKey("trade_id", tradeId, NewTrade.KEY_MAX);
    }

    private static Trade toTrade(FcnTradeRecord r) {
        return new Trade(r.getTradeId(), r.getTemplateId(), r.getSpecVersion(), r.getTradeDate(),
                r.getMaturityDate(), r.getNotional(), r.getCurrency(),
                SqlErrors.known(r.getStatus(), FCN_TRADE.STATUS),
                r.getAutocallTriggered(), r.getKiTriggered(), r.getTradeParams(),
                Optional.ofNullable(r.getTerminationDate()), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
