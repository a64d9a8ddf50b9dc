package io.fcn.examples.consumer;

import static io.fcn.persistence.testkit.FcnTestData.aClaim;
import static io.fcn.persistence.testkit.FcnTestData.aTemplate;
import static io.fcn.persistence.testkit.FcnTestData.aTrade;
import static io.fcn.persistence.testkit.FcnTestData.anObservation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.observation.ObservationBatchResult;
import io.fcn.persistence.template.Template;
import io.fcn.persistence.testkit.FcnDatabaseTest;
import io.fcn.persistence.trade.Trade;

/** The service's booking, observations and lifecycle on a database the test kit provides. */
@FcnDatabaseTest
class TradeBookingServiceTest {

    private FcnPersistence fcn;
    private TradeBookingService service;
    private Template template;

    @BeforeEach
    void setUp(FcnPersistence fcn) {
        this.fcn = fcn;
        this.service = new TradeBookingService(fcn);
        this.template = aTemplate().withSpecVersion("2.1").create(fcn);
    }

    private BookingRequest request(String tradeId) {
        return new BookingRequest(tradeId, template.templateId(), LocalDate.of(2026, 2, 2), LocalDate.of(2027, 2, 2),
                new BigDecimal("500000.00"), "USD", "{\"underlyings\": [\"NVDA\"]}");
    }

    @Test
    void booksOnceAndReplaysTheSameRequest() {
        BookingResponse first = service.book("key-1", request("TRD-A"));
        BookingResponse again = service.book("key-1", request("TRD-A"));

        assertEquals(201, first.status());
        assertFalse(first.replayed());
        assertEquals(new BookingResponse(201, first.body(), true), again);
        Trade trade = fcn.trades().get("TRD-A");
        assertEquals("2.1", trade.specVersion(), "the spec version comes from the template");
        assertEquals(List.of(LifecycleEventType.CREATED),
                service.lifecycle("TRD-A").stream().map(LifecycleEvent::type).toList());
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        service.book("key-2", request("TRD-B"));
        BookingResponse reused = service.book("key-2", request("TRD-C"));
        assertEquals(422, reused.status());
        assertTrue(fcn.trades().find("TRD-C").isEmpty());
    }

    @Test
    void aRequestAnotherWorkerIsProcessingIsNotBookedTwice() {
        BookingRequest request = request("TRD-D");
        aClaim().withKey("key-3").withMethod("POST").withPath("/v1/trades").withBody(request.body()).claimed(fcn);

        assertEquals(409, service.book("key-3", request).status());
        assertTrue(fcn.trades().find("TRD-D").isEmpty());
    }

    @Test
    void aFailedBookingFreesTheKeyAndLeavesNothingBehind() {
        BookingRequest unknownTemplate = new BookingRequest("TRD-E", "TPL-NONE", LocalDate.of(2026, 2, 2),
                LocalDate.of(2027, 2, 2), BigDecimal.TEN, "USD", "{}");
        assertThrows(NotFoundException.class, () -> service.book("key-4", unknownTemplate));

        assertTrue(fcn.trades().find("TRD-E").isEmpty());
        assertInstanceOf(ClaimOutcome.Claimed.class, aClaim().withKey("key-4").withBody(unknownTemplate.body())
                .claim(fcn), "released: the retry is processed, not told it is in progress");
    }

    @Test
    void observationsArePostedOnceWithTheirEvent() {
        Trade trade = aTrade().book(fcn);
        var observations = List.of(
                anObservation().forTrade(trade).onDate(LocalDate.of(2026, 4, 15)).build(),
                anObservation().forTrade(trade).onDate(LocalDate.of(2026, 7, 15)).build());

        assertEquals(new ObservationBatchResult(2, 0),
                service.recordObservations(trade.tradeId(), LocalDate.of(2026, 7, 16), observations));
        assertEquals(new ObservationBatchResult(0, 2),
                service.recordObservations(trade.tradeId(), LocalDate.of(2026, 7, 17), observations));

        assertEquals(List.of(LifecycleEventType.CREATED, LifecycleEventType.OBSERVATION_POSTED),
                service.lifecycle(trade.tradeId()).stream().map(LifecycleEvent::type).toList());
    }
}
