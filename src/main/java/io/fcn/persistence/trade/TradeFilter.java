package io.fcn.persistence.trade;

import static io.fcn.persistence.schema.jooq.Tables.FCN_TRADE;

import org.jooq.Condition;

import io.fcn.persistence.validation.Validate;

/**
 * Which trades a list shows, always in booking (id) order. Each shape is served by an index: by (spec_version,
 * status) ({@code ix_fcn_trade_spec_version_status}) and by template ({@code ix_fcn_trade_template_id}), both
 * ordered by the clustered id SQL Server appends to their keys, and by status ({@code ix_fcn_trade_status_id}).
 */
public final class TradeFilter {

    private final Condition condition;
    private final String description;

    private TradeFilter(Condition condition, String description) {
        this.condition = condition;
        this.description = description;
    }

    public static TradeFilter bySpecVersionAndStatus(String specVersion, TradeStatus status) {
        Validate.businessKey("spec_version", specVersion, NewTrade.SPEC_VERSION_MAX);
        Validate.notNull("status", status);
        return new TradeFilter(FCN_TRADE.SPEC_VERSION.eq(specVersion).and(FCN_TRADE.STATUS.eq(status.dbValue())),
                "spec_version=" + specVersion + ", status=" + status.dbValue());
    }

    public static TradeFilter byStatus(TradeStatus status) {
        Validate.notNull("status", status);
        return new TradeFilter(FCN_TRADE.STATUS.eq(status.dbValue()), "status=" + status.dbValue());
    }

    public static TradeFilter byTemplate(String templateId) {
        Validate.businessKey("template_id", templateId, NewTrade.KEY_MAX);
        return new TradeFilter(FCN_TRADE.TEMPLATE_ID.eq(templateId), "template_id=" + templateId);
    }

    Condition condition() {
        return condition;
    }

    @Override
    public String toString() {
        return "TradeFilter[" + description + "]";
    }
}
