package io.fcn.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotencyKeys;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.paging.KeysetPage;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.Page;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.testkit.FcnTestData;
import io.fcn.persistence.trade.Trade;
import io.fcn.persistence.trade.TradeFilter;
import io.fcn.persistence.types.TradeStatus;

/**
 * README's code, run as it stands there: {@link DocumentationSnippetsTest} holds each {@code // snippet:} region
 * equal to the README snippet of that name.
 */
@AllEngines(migrated = false)
class ReadmeQuickStartTest {

    @Test
    void firstFiveMinutes(DataSource dataSource) {
        // snippet: quick-start
        FcnMigrations.migrate(dataSource);                       // the library's tables, in their own history table
        FcnPersistence fcn = FcnPersistence.builder(dataSource).build();

        fcn.templates().create(NewTemplate.builder()
                .templateId("TPL-WO-12M").name("Worst-of 12M autocallable").specVersion("1.0").issuer("BANK-A")
                .parameters("{\"tenor_months\": 12}").active()
                .build());

        // Three repositories, one transaction: all of it commits, or none of it.
        Trade trade = fcn.inTransaction(() -> {
            Trade booked = fcn.trades().book(NewTrade.builder()
                    .tradeId("TRD-0001").templateId("TPL-WO-12M").specVersion("1.0")
                    .tradeDate(LocalDate.of(2026, 1, 15)).maturityDate(LocalDate.of(2027, 1, 15))
                    .notional(new BigDecimal("1000000.00")).currency("USD")
                    .tradeParams("{\"underlyings\": [\"AAPL\", \"MSFT\"]}")
                    .build());
            fcn.observations().record(Observation.builder()
                    .tradeId("TRD-0001").observationDate(LocalDate.of(2026, 4, 15)).type(ObservationType.COUPON)
                    .underlyingPrices("{\"AAPL\": 182.5, \"MSFT\": 410.1}").couponEligible(true)
                    .build());
            fcn.lifecycleEvents().append("TRD-0001", LifecycleEventType.COUPON_PAID, LocalDate.of(2026, 4, 17),
                    "{\"amount\": 8750.00}");
            return booked;
        });

        List<LifecycleEvent> history = fcn.lifecycleEvents().history(trade.tradeId()); // created, coupon_paid
        // end snippet
        assertEquals(List.of(LifecycleEventType.CREATED, LifecycleEventType.COUPON_PAID),
                history.stream().map(LifecycleEvent::type).toList());
    }

    @Test
    void idempotentRequest(DataSource dataSource) {
        FcnMigrations.migrate(dataSource);
        FcnPersistence fcn = FcnPersistence.builder(dataSource).build();
        String body = "{\"trade_id\": \"TRD-0002\"}";
        // snippet: idempotent-request
        String fingerprint = IdempotencyKeys.fingerprint("POST", "/v1/trades", body);
        ClaimOutcome outcome = fcn.idempotency().claim("client-key-42", fingerprint, "POST", "/v1/trades",
                Duration.ofHours(24), Duration.ofSeconds(30));        // commits on its own
        String response;
        if (outcome instanceof ClaimOutcome.Claimed claimed) {
            response = fcn.inTransaction(() -> {
                // ... do the work (book the trade) ...
                String created = "{\"status\": \"created\"}";
                fcn.idempotency().complete(claimed.token(), 201, created); // same transaction as the work
                return created;
            });
        } else if (outcome instanceof ClaimOutcome.Replay replay) {
            response = replay.body();                                  // answered before: the same response again
        } else if (outcome instanceof ClaimOutcome.InProgress) {
            response = "409: still processing";
        } else {
            response = "422: key reused with another request";         // ClaimOutcome.Conflict
        }
        // end snippet
        assertEquals("{\"status\": \"created\"}", response);
        ClaimOutcome again = fcn.idempotency().claim("client-key-42", fingerprint, "POST", "/v1/trades",
                Duration.ofHours(24), Duration.ofSeconds(30));
        assertEquals(new ClaimOutcome.Replay(201, response), again);
    }

    @Test
    void pagesOfTrades(DataSource dataSource) {
        FcnMigrations.migrate(dataSource);
        FcnPersistence fcn = FcnPersistence.builder(dataSource).build();
        List<String> booked = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            booked.add(FcnTestData.aTrade().book(fcn).tradeId());
        }
        // snippet: keyset-pages
        TradeFilter active = TradeFilter.byStatus(TradeStatus.ACTIVE);
        List<Trade> all = new ArrayList<>();
        KeysetPage<Trade> page = fcn.trades().list(active, KeysetRequest.first(50));  // one index seek per page
        all.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = fcn.trades().list(active, KeysetRequest.after(page.nextCursor().get(), 50));
            all.addAll(page.items());
        }

        Page<Trade> second = fcn.trades().list(active, PageRequest.of(2, 50));  // numbered, with totals
        long total = second.totalItems();                                     // 120 trades: pages 1 to 3
        // end snippet
        assertEquals(booked, all.stream().map(Trade::tradeId).toList());
        assertEquals(booked.subList(50, 100), second.items().stream().map(Trade::tradeId).toList());
        assertEquals(120, total);
        assertEquals(3, second.totalPages());
    }
}
