package io.fcn.persistence.observation;

import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;
import static io.fcn.persistence.jooq.Tables.FCN_TRADE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.types.TemplateStatus;
import io.fcn.persistence.types.TradeStatus;

/**
 * Inserts the template and trade rows observations need (their foreign key), straight over the generated classes,
 * so these tests depend on no other repository.
 */
final class TradeRows {

    private TradeRows() {
    }

    /** An active template and an active trade {@code tradeId} on it. */
    static void insertTrade(FcnPersistence fcn, String tradeId) {
        OffsetDateTime now = fcn.now();
        String templateId = "TPL-" + tradeId;
        fcn.dsl().insertInto(FCN_TEMPLATE)
                .set(FCN_TEMPLATE.TEMPLATE_ID, templateId).set(FCN_TEMPLATE.NAME, "Template " + tradeId)
                .set(FCN_TEMPLATE.SPEC_VERSION, "1.0").set(FCN_TEMPLATE.STATUS, TemplateStatus.ACTIVE)
                .set(FCN_TEMPLATE.ISSUER, "BANK").set(FCN_TEMPLATE.PARAMETERS, "{}")
                .set(FCN_TEMPLATE.CREATED_AT, now).set(FCN_TEMPLATE.UPDATED_AT, now)
                .execute();
        fcn.dsl().insertInto(FCN_TRADE)
                .set(FCN_TRADE.TRADE_ID, tradeId).set(FCN_TRADE.TEMPLATE_ID, templateId)
                .set(FCN_TRADE.SPEC_VERSION, "1.0")
                .set(FCN_TRADE.TRADE_DATE, LocalDate.of(2026, 1, 2))
                .set(FCN_TRADE.MATURITY_DATE, LocalDate.of(2027, 1, 2))
                .set(FCN_TRADE.NOTIONAL, new BigDecimal("1000000.0000")).set(FCN_TRADE.CURRENCY, "USD")
                .set(FCN_TRADE.STATUS, TradeStatus.ACTIVE)
                .set(FCN_TRADE.AUTOCALL_TRIGGERED, false).set(FCN_TRADE.KI_TRIGGERED, false)
                .set(FCN_TRADE.TRADE_PARAMS, "{}")
                .set(FCN_TRADE.CREATED_AT, now).set(FCN_TRADE.UPDATED_AT, now)
                .execute();
    }
}
