package io.fcn.persistence.trade;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.template.Template;

/** Valid inputs for tests, varied where a test says so. */
public final class TradeFixtures {

    public static final String SPEC = "1.0";
    public static final LocalDate TRADE_DATE = LocalDate.of(2026, 1, 15);
    public static final LocalDate MATURITY = LocalDate.of(2027, 1, 15);

    private TradeFixtures() {
    }

    public static Template activeTemplate(FcnPersistence db, String templateId) {
        return db.templates().create(NewTemplate.active(templateId, "FCN " + templateId, SPEC, "Bank A",
                "{\"tenor_months\":12}"));
    }

    public static NewTrade.Builder trade(String tradeId, String templateId) {
        return NewTrade.builder()
                .tradeId(tradeId)
                .templateId(templateId)
                .specVersion(SPEC)
                .tradeDate(TRADE_DATE)
                .maturityDate(MATURITY)
                .notional(new BigDecimal("1000000.25"))
                .currency("USD")
                .tradeParams("{\"strike\":0.85}");
    }

    /** A template and an active trade on it. */
    public static Trade bookedTrade(FcnPersistence db, String tradeId) {
        String templateId = "TPL-" + tradeId;
        activeTemplate(db, templateId);
        return db.trades().book(trade(tradeId, templateId).build());
    }
}
