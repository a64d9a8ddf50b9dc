package io.fcn.examples.consumer;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.observation.ObservationBatchResult;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.template.NewTemplate;

/**
 * Runs the service's start-up and one booking against the embedded database, printing what it did. With a file
 * path as argument the database is kept there, and a second run replays the stored answer instead of booking again.
 *
 * <pre>./mvnw -B -f examples/consumer-service/pom.xml compile exec:java</pre>
 */
public final class ConsumerServiceApp {

    static final String TEMPLATE_ID = "TPL-WO-12M";
    static final String IDEMPOTENCY_KEY = "demo-request-0001";

    private ConsumerServiceApp() {
    }

    /**
     * Held so it stays configured: jOOQ's DEFAULT-dialect notice would drown the output (the library keeps Flyway
     * quiet itself).
     */
    private static final Logger QUIET_JOOQ = Logger.getLogger("org.jooq");

    public static void main(String[] args) {
        QUIET_JOOQ.setLevel(Level.SEVERE);
        try (EmbeddedDatabase database = args.length > 0 ? EmbeddedDatabase.file(Path.of(args[0]))
                : EmbeddedDatabase.inMemory()) {
            System.out.println("database: " + database.description());
            run(database.dataSource(), System.out);
        }
    }

    /** Start-up, then one request's work; prints each step to {@code out}. */
    static void run(DataSource dataSource, PrintStream out) {
        int applied = SchemaStartup.migrateAndCheck(dataSource);
        out.println("migrations applied: " + applied + "; schema checked: no drift");

        FcnPersistence fcn = FcnPersistence.builder(dataSource).build();
        TradeBookingService service = new TradeBookingService(fcn);
        if (fcn.templates().find(TEMPLATE_ID).isEmpty()) {
            fcn.templates().create(NewTemplate.builder().templateId(TEMPLATE_ID).name("Worst-of 12M autocallable")
                    .specVersion("1.0").issuer("BANK-A").parameters("{\"tenor_months\": 12}").active().build());
            out.println("template created: " + TEMPLATE_ID);
        }

        BookingRequest request = new BookingRequest("TRD-DEMO-0001", TEMPLATE_ID, LocalDate.of(2026, 1, 15),
                LocalDate.of(2027, 1, 15), new BigDecimal("1000000.00"), "USD",
                "{\"underlyings\": [\"AAPL\", \"MSFT\"], \"coupon_rate\": 0.035}");
        BookingResponse first = service.book(IDEMPOTENCY_KEY, request);
        out.println("POST /v1/trades -> " + first.status() + (first.replayed() ? " (replayed) " : " ") + first.body());
        BookingResponse retry = service.book(IDEMPOTENCY_KEY, request);
        out.println("POST /v1/trades again -> " + retry.status() + (retry.replayed() ? " (replayed) " : " ")
                + retry.body());

        ObservationBatchResult recorded = service.recordObservations(request.tradeId(), LocalDate.of(2026, 7, 16),
                List.of(
                Observation.builder().tradeId(request.tradeId()).observationDate(LocalDate.of(2026, 4, 15))
                        .type(ObservationType.COUPON).underlyingPrices("{\"AAPL\": 182.5, \"MSFT\": 410.1}")
                        .couponEligible(true).build(),
                Observation.builder().tradeId(request.tradeId()).observationDate(LocalDate.of(2026, 7, 15))
                        .type(ObservationType.AUTOCALL).underlyingPrices("{\"AAPL\": 171.0, \"MSFT\": 398.7}")
                        .couponEligible(true).build()));
        out.println("observations: " + recorded.inserted() + " recorded, " + recorded.skipped()
                + " already there");

        List<LifecycleEvent> events = service.lifecycle(request.tradeId());
        out.println("lifecycle of " + request.tradeId() + ":");
        for (LifecycleEvent event : events) {
            out.println("  " + event.eventDate() + " " + event.type().getLiteral() + " " + event.payload());
        }
        TradeActivityRepository.Activity activity = new TradeActivityRepository(fcn).activity(request.tradeId());
        out.println("activity: " + activity.observations() + " observations (" + activity.couponEligible()
                + " coupon-eligible), " + activity.events() + " event(s)");
    }
}
