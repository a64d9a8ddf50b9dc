package io.fcn.persistence.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Termination;
import io.fcn.persistence.types.ObservationType;

/** Input beyond the parser's limits, SQL Server's date range and control characters: typed, named, before SQL. */
class BadInputTest {

    private static ValidationException rejects(String field, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void jsonBeyondTheParsersLimitsIsAValidationError() {
        assertEquals(nested(500), Validate.json("parameters", nested(500)));
        assertTrue(rejects("parameters", () -> Validate.json("parameters", nested(501))).rule()
                .contains("JSON limits"));
        String digits = "1".repeat(1000);
        Validate.json("parameters", "[" + digits + "]");
        rejects("parameters", () -> Validate.json("parameters", "[" + digits + "1]"));
        String name = "n".repeat(50_000);
        Validate.json("parameters", "{\"" + name + "\": 1}");
        rejects("parameters", () -> Validate.json("parameters", "{\"" + name + "n\": 1}"));
        rejects("parameters", () -> NewTemplate.draft("t", "n", "1", "i", nested(501)));
        rejects("underlying_prices", () -> Observation.builder().tradeId("T-1")
                .observationDate(LocalDate.of(2025, 1, 1)).type(ObservationType.COUPON)
                .underlyingPrices(nested(501)).build());
    }

    @Test
    void controlCharactersAreRefusedInFreeTextButTabAndLineBreaksAreKept() {
        String kept = "line one\r\nline\ttwo";
        assertSame(kept, Validate.text("name", kept, 100));
        for (String bad : new String[] {"a\u0000b", "\u001b[31mred", "bell\u0007", "del\u007f", "csi\u009b1m"}) {
            assertTrue(rejects("name", () -> Validate.text("name", bad, 100)).rule().contains("control"), bad);
        }
        rejects("name", () -> NewTemplate.draft("t", "\u001b[31mName", "1", "i", "{}"));
        rejects("issuer", () -> NewTemplate.draft("t", "n", "1", "Bank\u0000", "{}"));
        rejects("termination_reason",
                () -> new Termination(LocalDate.of(2025, 1, 1), "r\u0000", BigDecimal.ONE));
        assertEquals("ธนาคาร\n", Validate.text("name", "ธนาคาร\n", 100), "every script's letters stay");
    }

    @Test
    void datesOutsideSqlServersRangeAreRefused() {
        assertEquals(LocalDate.of(1, 1, 1), Validate.sqlServerDate("trade_date", LocalDate.of(1, 1, 1)));
        assertEquals(LocalDate.of(9999, 12, 31), Validate.sqlServerDate("trade_date", LocalDate.of(9999, 12, 31)));
        rejects("trade_date", () -> Validate.sqlServerDate("trade_date", LocalDate.of(0, 12, 31)));
        rejects("maturity_date", () -> new NewTrade("T", "TPL", "1", LocalDate.of(2025, 1, 1),
                LocalDate.of(10000, 1, 1), BigDecimal.TEN, "USD", "{}"));
        rejects("trade_date", () -> new NewTrade("T", "TPL", "1", LocalDate.of(0, 1, 1),
                LocalDate.of(2025, 1, 1), BigDecimal.TEN, "USD", "{}"));
        rejects("observation_date", () -> Observation.builder().tradeId("T-1")
                .observationDate(LocalDate.of(10000, 1, 1)).type(ObservationType.COUPON)
                .underlyingPrices("[]").build());
        rejects("termination_date", () -> new Termination(LocalDate.of(10000, 1, 1), "r", BigDecimal.ONE));
        // DATETIMEOFFSET: the UTC moment counts; +14:00 on 0001-01-01 is still year 0 in UTC.
        rejects("now", () -> Validate.sqlServerTimestamp("now",
                OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(14))));
        Validate.sqlServerTimestamp("now", OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC));
    }

    @Test
    void aDurationThatOverflowsNamesItsField() {
        OffsetDateTime now = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        rejects("ttl", () -> Validate.plus("expires_at", now, "ttl", Duration.ofSeconds(Long.MAX_VALUE)));
        rejects("ttl", () -> Validate.plus("expires_at", now, "ttl", Duration.ofDays(365L * 10_000)));
        assertEquals(now.plusDays(1), Validate.plus("expires_at", now, "ttl", Duration.ofDays(1)));
    }
}
