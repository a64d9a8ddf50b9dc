package io.fcn.persistence.trade;

import static io.fcn.persistence.jooq.Tables.FCN_TRADE;
import static io.fcn.persistence.trade.TradeFixtures.trade;
import static io.fcn.persistence.types.TradeStatus.ACTIVE;
import static io.fcn.persistence.types.TradeStatus.AUTOCALLED;
import static io.fcn.persistence.types.TradeStatus.KNOCKED_IN;
import static io.fcn.persistence.types.TradeStatus.KNOCKED_OUT;
import static io.fcn.persistence.types.TradeStatus.MATURED;
import static io.fcn.persistence.types.TradeStatus.SETTLED;
import static io.fcn.persistence.types.TradeStatus.TERMINATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jooq.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.types.TradeStatus;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.support.StoredEnums;
import io.fcn.persistence.exceptions.DatabaseException;

/** NewTrade's and Termination's rules, and the transition table, without a database. */
class TradeInputsTest {

    private static void rejects(String field, Executable build) {
        assertEquals(field, assertThrows(ValidationException.class, build).field());
    }

    @Test
    void keysAreBusinessKeys() {
        rejects("trade_id", () -> trade(" T", "TPL").build());
        rejects("trade_id", () -> trade("T".repeat(101), "TPL").build());
        rejects("trade_id", () -> trade(null, "TPL").build());
        rejects("template_id", () -> trade("T", "TPL ").build());
        rejects("spec_version", () -> trade("T", "TPL").specVersion("1".repeat(21)).build());
        assertEquals("T".repeat(100), trade("T".repeat(100), "TPL").build().tradeId());
    }

    @Test
    void notionalIsPositiveAndExactInDecimal18Comma4() {
        rejects("notional", () -> trade("T", "TPL").notional(BigDecimal.ZERO).build());
        rejects("notional", () -> trade("T", "TPL").notional(new BigDecimal("-1")).build());
        rejects("notional", () -> trade("T", "TPL").notional(new BigDecimal("1.00001")).build());
        rejects("notional", () -> trade("T", "TPL").notional(new BigDecimal("100000000000000")).build());
        rejects("notional", () -> trade("T", "TPL").notional(null).build());
        assertEquals(new BigDecimal("99999999999999.9999"),
                trade("T", "TPL").notional(new BigDecimal("99999999999999.9999")).build().notional());
        assertEquals(new BigDecimal("0.0001"), trade("T", "TPL").notional(new BigDecimal("0.0001")).build().notional());
        assertEquals(new BigDecimal("5.10000"), trade("T", "TPL").notional(new BigDecimal("5.10000")).build().notional());
    }

    @Test
    void currencyDatesAndParameters() {
        rejects("currency", () -> trade("T", "TPL").currency("usd").build());
        rejects("currency", () -> trade("T", "TPL").currency("US").build());
        rejects("currency", () -> trade("T", "TPL").currency("US1").build());
        rejects("trade_date", () -> trade("T", "TPL").tradeDate(null).build());
        rejects("maturity_date", () -> trade("T", "TPL").maturityDate(TradeFixtures.TRADE_DATE).build());
        rejects("maturity_date", () -> trade("T", "TPL").maturityDate(TradeFixtures.TRADE_DATE.minusDays(1)).build());
        rejects("maturity_date", () -> trade("T", "TPL").maturityDate(null).build());
        rejects("trade_params", () -> trade("T", "TPL").tradeParams("{'a':1}").build());
        rejects("trade_params", () -> trade("T", "TPL").tradeParams("null").build());
        assertEquals(TradeFixtures.TRADE_DATE.plusDays(1),
                trade("T", "TPL").maturityDate(TradeFixtures.TRADE_DATE.plusDays(1)).build().maturityDate());
    }

    @Test
    void aTerminationNeedsDateReasonAndAmount() {
        LocalDate d = LocalDate.of(2026, 3, 1);
        rejects("termination_date", () -> new Termination(null, "r", BigDecimal.ONE));
        rejects("termination_reason", () -> new Termination(d, " ", BigDecimal.ONE));
        rejects("termination_reason", () -> new Termination(d, "r".repeat(501), BigDecimal.ONE));
        rejects("settlement_amount", () -> new Termination(d, "r", null));
        assertEquals(BigDecimal.ZERO, new Termination(d, "r", BigDecimal.ZERO).settlementAmount());
    }

    @Test
    void theTransitionTableIsExactlyTheSpecifiedOne() {
        Map<TradeStatus, Set<TradeStatus>> expected = Map.of(
                ACTIVE, EnumSet.of(KNOCKED_IN, KNOCKED_OUT, AUTOCALLED, MATURED, TERMINATED),
                KNOCKED_IN, EnumSet.of(KNOCKED_OUT, AUTOCALLED, MATURED, TERMINATED),
                KNOCKED_OUT, EnumSet.of(SETTLED),
                AUTOCALLED, EnumSet.of(SETTLED),
                MATURED, EnumSet.of(SETTLED),
                TERMINATED, EnumSet.of(SETTLED),
                SETTLED, EnumSet.noneOf(TradeStatus.class));
        for (TradeStatus from : TradeStatus.values()) {
            assertEquals(expected.get(from), TradeTransitions.allowedFrom(from), "from " + from);
            for (TradeStatus to : TradeStatus.values()) {
                assertEquals(expected.get(from).contains(to), TradeTransitions.isAllowed(from, to), from + "→" + to);
            }
        }
    }

    @Test
    void eachTransitionAppendsTheEventNamedAfterItsNewStatus() {
        for (TradeStatus to : EnumSet.complementOf(EnumSet.of(ACTIVE))) {
            assertEquals(to.getLiteral(), TradeTransitions.eventOf(to).getLiteral());
        }
        assertEquals(LifecycleEventType.KNOCKED_IN, TradeTransitions.eventOf(KNOCKED_IN));
    }

    @Test
    void statusesMapToTheirDatabaseValues() {
        Converter<String, TradeStatus> column = StoredEnums.converter(FCN_TRADE.STATUS);
        for (TradeStatus s : TradeStatus.values()) {
            assertEquals(s.name().toLowerCase(Locale.ROOT), s.getLiteral());
            assertEquals(s.getLiteral(), column.to(s));
            assertEquals(s, column.from(s.getLiteral()));
        }
        assertThrows(DatabaseException.class,
                () -> SqlErrors.known(column.from("closed"), FCN_TRADE.STATUS));
    }

    @Test
    void filtersValidateTheirValues() {
        rejects("status", () -> TradeFilter.byStatus(null));
        rejects("template_id", () -> TradeFilter.byTemplate(""));
        rejects("spec_version", () -> TradeFilter.bySpecVersionAndStatus(null, ACTIVE));
    }
}
