package io.fcn.persistence.trade;

import static io.fcn.persistence.jooq.Tables.FCN_TRADE;

import org.jooq.Condition;
import org.jooq.impl.DSL;

import io.fcn.persistence.paging.KeysetOrder;
import io.fcn.persistence.jooq.tables.records.FcnTradeRecord;
import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.TradeStatus;

/**
 * Which trades a list shows, always in booking (id) order. Each shape is served by an index: by (spec_version,
 * status) ({@code ix_fcn_trade_spec_version_status}) and by template ({@code ix_fcn_trade_template_id}), both
 * ordered by the clustered id SQL Server appends to their keys, and by status ({@code ix_fcn_trade_status_id}).
 * The order names the filter's columns before the id ({@link KeysetOrder#byIdWithin}), so that H2 too reads
 * {@code ix_fcn_trade_status_id} in order instead of sorting the rows after the cursor.
 */
public final class TradeFilter {

    private final Condition condition;
    private final KeysetOrder<FcnTradeRecord> order;
    private final String description;

    private TradeFilter(Condition condition, KeysetOrder<FcnTradeRecord> order, String description) {
        this.condition = condition;
        this.order = order;
        this.description = description;
    }

    /**
     * Trades of one spec version in one status.
     * @param specVersion the spec version
     * @param status the status
     * @return the filter
     * @throws io.fcn.persistence.exceptions.ValidationException when the spec version is not a valid business key
     */
    public static TradeFilter bySpecVersionAndStatus(String specVersion, TradeStatus status) {
        Validate.businessKey("spec_version", specVersion, NewTrade.SPEC_VERSION_MAX);
        Validate.notNull("status", status);
        return new TradeFilter(FCN_TRADE.SPEC_VERSION.eq(specVersion).and(FCN_TRADE.STATUS.eq(status)),
                KeysetOrder.byIdWithin(FCN_TRADE.ID, FCN_TRADE.SPEC_VERSION, FCN_TRADE.STATUS),
                "spec_version=" + specVersion + ", status=" + status.getLiteral());
    }

    /**
     * Every trade, in booking order (the clustered primary key).
     * @return the filter
     */
    public static TradeFilter all() {
        return new TradeFilter(DSL.noCondition(), KeysetOrder.byId(FCN_TRADE.ID), "all");
    }

    /**
     * Trades booked against one template in one status. Served by the template's index: the list reads that
     * template's trades in booking order and leaves out the other statuses, so its cost grows with the template's
     * trades rather than the matching ones.
     * @param templateId the template's business key
     * @param status the status
     * @return the filter
     * @throws io.fcn.persistence.exceptions.ValidationException when the id is not a valid business key
     */
    public static TradeFilter byTemplateAndStatus(String templateId, TradeStatus status) {
        Validate.businessKey("template_id", templateId, NewTrade.KEY_MAX);
        Validate.notNull("status", status);
        return new TradeFilter(FCN_TRADE.TEMPLATE_ID.eq(templateId).and(FCN_TRADE.STATUS.eq(status)),
                KeysetOrder.byIdWithin(FCN_TRADE.ID, FCN_TRADE.TEMPLATE_ID),
                "template_id=" + templateId + ", status=" + status.getLiteral());
    }

    /**
     * Trades in one status.
     * @param status the status
     * @return the filter
     */
    public static TradeFilter byStatus(TradeStatus status) {
        Validate.notNull("status", status);
        return new TradeFilter(FCN_TRADE.STATUS.eq(status),
                KeysetOrder.byIdWithin(FCN_TRADE.ID, FCN_TRADE.STATUS), "status=" + status.getLiteral());
    }

    /**
     * Trades booked against one template.
     * @param templateId the template's business key
     * @return the filter
     * @throws io.fcn.persistence.exceptions.ValidationException when the id is not a valid business key
     */
    public static TradeFilter byTemplate(String templateId) {
        Validate.businessKey("template_id", templateId, NewTrade.KEY_MAX);
        return new TradeFilter(FCN_TRADE.TEMPLATE_ID.eq(templateId),
                KeysetOrder.byIdWithin(FCN_TRADE.ID, FCN_TRADE.TEMPLATE_ID), "template_id=" + templateId);
    }

    Condition condition() {
        return condition;
    }

    KeysetOrder<FcnTradeRecord> order() {
        return order;
    }

    @Override
    public String toString() {
        return "TradeFilter[" + description + "]";
    }
}
