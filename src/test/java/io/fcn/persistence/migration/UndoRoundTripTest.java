package io.fcn.persistence.migration;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotencyKeys;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Termination;
import io.fcn.persistence.types.TemplateStatus;
import io.fcn.persistence.types.TradeStatus;

/**
 * Undo then migrate works from any data the later version allows: rows in every template status (deprecated with
 * and without a successor), every trade status and every idempotency claim state (a claim with a live lease, one
 * whose lease ran out, a completed key, an expired one). Each undo maps what the earlier version cannot hold to
 * what it can (docs/migrations.md), and migrate then applies the later versions again without a failure.
 */
@AllEngines(migrated = false)
class UndoRoundTripTest {

    private static final String V1 = "20251022.0001";
    private static final String V2 = "20251101.0002";
    private static final LocalDate D = LocalDate.of(2026, 1, 15);

    @Test
    void undoToEachVersionThenMigrateFromEveryState(DataSource dataSource, FcnPersistence fcn, FcnTestClock clock) {
        MigrationOperations ops = MigrationOperations.on(dataSource);
        ops.migrate(null);
        everyState(fcn, clock);
        DSLContext dsl = DSL.using(dataSource, SQLDialect.DEFAULT);
        Map<String, String> templates = column(dsl, "fcn_template", "template_id", "status");
        Map<String, String> trades = column(dsl, "fcn_trade", "trade_id", "status");
        Map<String, String> claims = column(dsl, "fcn_idempotency_key", "key_hash", "state");
        assertEquals(Arrays.stream(TemplateStatus.values()).map(TemplateStatus::getLiteral).sorted().toList(),
                templates.values().stream().distinct().sorted().toList(), "every template status");
        assertEquals(Arrays.stream(TradeStatus.values()).map(TradeStatus::getLiteral).sorted().toList(),
                trades.values().stream().distinct().sorted().toList(), "every trade status");
        assertEquals(List.of("completed", "in_progress"), claims.values().stream().distinct().sorted().toList());

        // Undo V3 (indexes only): every state stays as it is.
        ops.undo(UndoTarget.steps(1));
        assertEquals(templates, column(dsl, "fcn_template", "template_id", "status"));
        assertEquals(claims, column(dsl, "fcn_idempotency_key", "key_hash", "state"));
        assertClean(ops);
        assertEquals(templates, column(dsl, "fcn_template", "template_id", "status"));

        // Undo V2: deprecated templates become active, unfinished claims are deleted, trades keep their status.
        ops.undo(UndoTarget.toVersion(V1));
        assertEquals(V1, ops.info().currentVersion());
        Map<String, String> expectedTemplates = new TreeMap<>(templates);
        expectedTemplates.replaceAll((id, status) -> status.equals("deprecated") ? "active" : status);
        assertEquals(expectedTemplates, column(dsl, "fcn_template", "template_id", "status"));
        assertEquals(trades, column(dsl, "fcn_trade", "trade_id", "status"));
        assertEquals(List.of(IdempotencyKeys.keyHash("done"), IdempotencyKeys.keyHash("done-expired")).stream()
                .sorted().toList(), dsl.select(field(name("key_hash"), String.class))
                .from(table(name("dbo", "fcn_idempotency_key"))).fetch(0, String.class).stream().sorted().toList(),
                "completed keys stay, unfinished claims go");

        assertClean(ops);
        assertEquals(expectedTemplates, column(dsl, "fcn_template", "template_id", "status"));
        assertEquals(trades, column(dsl, "fcn_trade", "trade_id", "status"));
        assertEquals(TemplateStatus.ACTIVE, fcn.templates().get("TPL-DEP").status());
        assertTrue(fcn.templates().get("TPL-DEP").deprecation().isEmpty());
        assertInstanceOf(ClaimOutcome.Replay.class, fcn.idempotency().claim("done",
                IdempotencyKeys.fingerprint("POST", "/v1/done", "{}"), "POST", "/v1/done", Duration.ofHours(24),
                Duration.ofSeconds(30)), "a completed key replays after the round trip");
        fcn.templates().deprecate("TPL-DEP", "retired again after the round trip");

        // Undo to nothing: the tables go, migrate creates them again.
        ops.undo(UndoTarget.toBase());
        assertClean(ops);
    }

    /** Templates, trades and claims in every state the latest version allows. */
    private static void everyState(FcnPersistence fcn, FcnTestClock clock) {
        fcn.templates().create(NewTemplate.draft("TPL-DRAFT", "Draft", "1.0", "Bank A", "{}"));
        fcn.templates().create(NewTemplate.active("TPL-ACTIVE", "Active", "1.0", "Bank A", "{}"));
        fcn.templates().create(NewTemplate.active("TPL-NEXT", "Successor", "1.0", "Bank A", "{}"));
        fcn.templates().create(NewTemplate.active("TPL-DEP", "Deprecated", "1.0", "Bank A", "{}"));
        fcn.templates().create(NewTemplate.draft("TPL-DEP-DRAFT", "Deprecated draft", "1.0", "Bank A", "{}"));
        int n = 0;
        for (TradeStatus status : TradeStatus.values()) {
            String id = "TRD-" + (++n);
            book(fcn, id, "TPL-ACTIVE");
            switch (status) {
                case ACTIVE -> { }
                case KNOCKED_IN -> fcn.trades().knockIn(id, 0, D.plusMonths(1));
                case KNOCKED_OUT -> fcn.trades().knockOut(id, 0, D.plusMonths(1));
                case AUTOCALLED -> fcn.trades().autocall(id, 0, D.plusMonths(1));
                case MATURED -> fcn.trades().mature(id, 0, D.plusYears(1));
                case SETTLED -> fcn.trades().settle(id, fcn.trades().mature(id, 0, D.plusYears(1)).version(),
                        D.plusYears(1).plusDays(2));
                case TERMINATED -> fcn.trades().terminate(id, 0, Termination.builder().date(D.plusMonths(2))
                        .reason("client request").settlementAmount(new BigDecimal("990000.00")).build());
            }
            assertEquals(status, fcn.trades().get(id).status());
        }
        book(fcn, "TRD-ON-DEPRECATED", "TPL-DEP");
        fcn.templates().deprecate("TPL-DEP", "replaced", "TPL-NEXT");
        fcn.templates().deprecate("TPL-DEP-DRAFT", "never used");

        ClaimOutcome done = claim(fcn, "done", Duration.ofHours(24));
        fcn.idempotency().complete(((ClaimOutcome.Claimed) done).token(), 201, "{\"status\": \"created\"}");
        ClaimOutcome expired = claim(fcn, "done-expired", Duration.ofMinutes(5));
        fcn.idempotency().complete(((ClaimOutcome.Claimed) expired).token(), 200, "{}");
        claim(fcn, "lease-ran-out", Duration.ofHours(24));
        clock.advance(Duration.ofMinutes(10)); // the lease above and the short-lived key have run out
        assertInstanceOf(ClaimOutcome.Claimed.class, claim(fcn, "leased", Duration.ofHours(24)));
    }

    private static void book(FcnPersistence fcn, String id, String template) {
        fcn.trades().book(NewTrade.builder().tradeId(id).templateId(template).specVersion("1.0").tradeDate(D)
                .maturityDate(D.plusYears(1)).notional(new BigDecimal("1000000.00")).currency("USD")
                .tradeParams("{}").build());
    }

    private static ClaimOutcome claim(FcnPersistence fcn, String key, Duration ttl) {
        return fcn.idempotency().claim(key, IdempotencyKeys.fingerprint("POST", "/v1/" + key, "{}"), "POST",
                "/v1/" + key, ttl, Duration.ofSeconds(30));
    }

    private static void assertClean(MigrationOperations ops) {
        assertFalse(ops.migrate(null).isEmpty());
        MigrationOperations.CheckResult check = ops.check();
        assertFalse(check.failed());
        assertFalse(check.pending());
        assertEquals(MigrationScripts.latestVersion(), check.status().currentVersion());
        assertTrue(check.drift().orElseThrow().isEmpty(), () -> check.drift().get().toText());
    }

    private static Map<String, String> column(DSLContext dsl, String table, String key, String value) {
        Map<String, String> out = new TreeMap<>();
        for (Record r : dsl.select(field(name(key), String.class), field(name(value), String.class))
                .from(table(name("dbo", table))).fetch()) {
            out.put(r.get(0, String.class), r.get(1, String.class));
        }
        return out;
    }
}
