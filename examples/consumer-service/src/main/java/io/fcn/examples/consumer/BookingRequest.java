package io.fcn.examples.consumer;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.fcn.persistence.lifecycle.EventPayload;
import io.fcn.persistence.trade.NewTrade;

/** {@code POST /v1/trades}: a trade to book from a template; its spec version is the template's. */
public record BookingRequest(String tradeId, String templateId, LocalDate tradeDate, LocalDate maturityDate,
        BigDecimal notional, String currency, String tradeParams) {

    /** The request body as the client sent it, in a stable form: what the idempotency fingerprint covers. */
    public String body() {
        return EventPayload.object()
                .put("trade_id", tradeId).put("template_id", templateId)
                .put("trade_date", tradeDate).put("maturity_date", maturityDate)
                .put("notional", notional).put("currency", currency).put("trade_params", tradeParams)
                .toJson();
    }

    NewTrade toNewTrade(String specVersion) {
        return NewTrade.builder().tradeId(tradeId).templateId(templateId).specVersion(specVersion)
                .tradeDate(tradeDate).maturityDate(maturityDate).notional(notional).currency(currency)
                .tradeParams(tradeParams).build();
    }
}
