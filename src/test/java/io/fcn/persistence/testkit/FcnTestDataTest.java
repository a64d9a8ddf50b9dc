package io.fcn.persistence.testkit;

import static io.fcn.persistence.testkit.FcnTestData.aClaim;
import static io.fcn.persistence.testkit.FcnTestData.aTemplate;
import static io.fcn.persistence.testkit.FcnTestData.aTrade;
import static io.fcn.persistence.testkit.FcnTestData.anEvent;
import static io.fcn.persistence.testkit.FcnTestData.anObservation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.observation.StoredObservation;
import io.fcn.persistence.template.Template;
import io.fcn.persistence.types.TemplateStatus;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Trade;
import io.fcn.persistence.types.TradeStatus;

@FcnDatabaseTest
class FcnTestDataTest {

    @Test
    void defaultsAreValidAndKeysUnique() {
        NewTrade first = aTrade().build();
        NewTrade second = aTrade().build();
        assertNotEquals(first.tradeId(), second.tradeId());
        assertNotEquals(first.templateId(), second.templateId());
        assertTrue(first.tradeId().matches("TRD-T\\d{6}"), first.tradeId());
        assertNotEquals(aTemplate().build().templateId(), aTemplate().build().templateId());
        assertNotEquals(aClaim().key(), aClaim().key());
        assertNotEquals(anObservation().build().observationDate(), anObservation().build().observationDate());
    }

    @Test
    void aTradeBooksItsOwnActiveTemplateWhenNoneIsNamed(FcnPersistence fcn) {
        Trade trade = aTrade().book(fcn);
        Template template = fcn.templates().get(trade.templateId());
        assertEquals(TemplateStatus.ACTIVE, template.status());
        assertEquals(TradeStatus.ACTIVE, trade.status());
        assertEquals(new BigDecimal("1000000.0000"), trade.notional());
        assertEquals(List.of(LifecycleEventType.CREATED),
                fcn.lifecycleEvents().history(trade.tradeId()).stream().map(LifecycleEvent::type).toList());
    }

    @Test
    void everyFieldCanBeOverridden(FcnPersistence fcn) {
        Template template = aTemplate().withTemplateId("TPL-MINE").withName("Mine").withSpecVersion("2.0")
                .withIssuer("BANK-B").withParameters("{\"tenor_months\": 6}").create(fcn);
        Trade trade = aTrade().withTradeId("TRD-MINE").onTemplate(template).withNotional("250000.50")
                .withCurrency("EUR").withTradeDate(LocalDate.of(2026, 3, 2))
                .withMaturityDate(LocalDate.of(2026, 9, 2)).withTradeParams("{\"strike\": 0.8}").book(fcn);
        assertEquals("TPL-MINE", trade.templateId());
        assertEquals("2.0", trade.specVersion());
        assertEquals(0, new BigDecimal("250000.50").compareTo(trade.notional()));
        assertEquals("EUR", trade.currency());
        assertEquals(LocalDate.of(2026, 9, 2), trade.maturityDate());
        assertEquals("BANK-B", template.issuer());
        assertEquals("Mine", template.name());

        StoredObservation observation = anObservation().forTrade(trade).onDate(LocalDate.of(2026, 6, 2))
                .withType(ObservationType.KI).withUnderlyingPrices("{\"SAP\": 99.5}").withKiTriggered(true)
                .withCouponEligible(false).withAutocallTriggered(false).withObservationData("{\"note\": 1}")
                .record(fcn);
        assertEquals(ObservationType.KI, observation.observation().type());
        assertTrue(observation.observation().kiTriggered());
        assertEquals(LocalDate.of(2026, 6, 2), observation.observation().observationDate());

        LifecycleEvent event = anEvent().forTrade(trade).withType(LifecycleEventType.OBSERVATION_POSTED)
                .onDate(LocalDate.of(2026, 6, 3)).withPayload("{\"level\": 0.6}").append(fcn);
        assertEquals(LifecycleEventType.OBSERVATION_POSTED, event.type());
        assertEquals("TRD-MINE", event.tradeId());
    }

    @Test
    void aDraftTemplate(FcnPersistence fcn) {
        assertEquals(TemplateStatus.DRAFT, aTemplate().draft().create(fcn).status());
    }

    @Test
    void observationsAndEventsBookATradeWhenNoneIsNamed(FcnPersistence fcn) {
        StoredObservation observation = anObservation().record(fcn);
        assertTrue(fcn.trades().find(observation.observation().tradeId()).isPresent());
        LifecycleEvent event = anEvent().append(fcn);
        assertEquals(2, fcn.lifecycleEvents().history(event.tradeId()).size()); // created, coupon_paid
    }

    @Test
    void buildOnlyBuilds(FcnPersistence fcn) {
        assertThrows(NotFoundException.class, () -> fcn.observations().record(anObservation().build()));
        assertThrows(ValidationException.class, () -> aTrade().withCurrency("usd").build());
    }

    @Test
    void claimsClaimCompleteAndReplay(FcnPersistence fcn, FcnTestClock clock) {
        ClaimBuilder request = aClaim().withKey("client-key-7").withBody("{\"trade_id\": \"X\"}")
                .withResponse(201, "{\"id\": \"X\"}");
        request.completed(fcn);
        assertEquals(new ClaimOutcome.Replay(201, "{\"id\": \"X\"}"), request.claim(fcn));
        assertInstanceOf(ClaimOutcome.Conflict.class,
                aClaim().withKey("client-key-7").withBody("{\"other\": 1}").claim(fcn));

        ClaimBuilder slow = aClaim().withLease(Duration.ofSeconds(10));
        slow.claimed(fcn);
        assertInstanceOf(ClaimOutcome.InProgress.class, slow.claim(fcn));
        assertThrows(IllegalStateException.class, () -> slow.claimed(fcn));
        clock.advance(Duration.ofSeconds(11));
        assertInstanceOf(ClaimOutcome.Claimed.class, slow.claim(fcn), "the lease expired on the test clock");
    }
}
