package io.fcn.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The library's health indicator, meters and the service's own Flyway, through the actuator. */
class ActuatorTest extends ServiceTest {

    @Test
    void healthShowsFcnSchemaUpAtTheJarsVersion() {
        JsonNode health = Api.json(api.get("/actuator/health"));
        HttpResponse<byte[]> fcnSchema = api.get("/actuator/health/fcnSchema");

        assertThat(health.path("components").path("fcnSchema").path("status").stringValue()).isEqualTo("UP");
        assertThat(fcnSchema.statusCode()).isEqualTo(200);
        assertThat(Api.json(fcnSchema).path("status").stringValue()).isEqualTo("UP");
        assertThat(Api.json(fcnSchema).path("details").path("version").stringValue()).isEqualTo("20261124.0003");
        assertThat(Api.json(fcnSchema).path("details").path("errors").intValue()).isZero();
    }

    @Test
    void fcnSchemaIsInReadinessNotInLiveness() {
        JsonNode readiness = Api.json(api.get("/actuator/health/readiness"));
        JsonNode liveness = Api.json(api.get("/actuator/health/liveness"));

        assertThat(readiness.path("components").has("fcnSchema")).isTrue();
        assertThat(liveness.path("components").has("fcnSchema")).isFalse();
    }

    @Test
    void metricsShowTheLibrarysMeters() {
        assertThat(api.book("key-" + UUID.randomUUID(), Api.bookTradeJson()).statusCode()).isEqualTo(201);

        JsonNode names = Api.json(api.get("/actuator/metrics")).path("names");
        List<String> fcn = new ArrayList<>();
        names.forEach(n -> {
            if (n.stringValue().startsWith("fcn.persistence.")) {
                fcn.add(n.stringValue());
            }
        });
        assertThat(fcn).contains("fcn.persistence.operation", "fcn.persistence.idempotency.claims",
                "fcn.persistence.migration", "fcn.persistence.drift.findings");

        JsonNode book = Api.json(api.get(
                "/actuator/metrics/fcn.persistence.operation?tag=repository:trade&tag=operation:book&tag=outcome:success"));
        assertThat(book.path("measurements").get(0).path("statistic").stringValue()).isEqualTo("COUNT");
        assertThat(book.path("measurements").get(0).path("value").doubleValue()).isGreaterThanOrEqualTo(1);
        JsonNode claimed = Api.json(api.get("/actuator/metrics/fcn.persistence.idempotency.claims?tag=outcome:claimed"));
        assertThat(claimed.path("measurements").get(0).path("value").doubleValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theServicesFlywayBaselinedBelowItsOwnMigrationAfterTheLibrarysRan() {
        JsonNode migrations = Api.json(api.get("/actuator/flyway")).path("contexts").values().iterator().next()
                .path("flywayBeans").path("flyway").path("migrations");

        List<String> applied = new ArrayList<>();
        migrations.forEach(m -> applied.add(m.path("version").stringValue() + " " + m.path("state").stringValue()));
        // the library's tables made the schema non-empty: without the baseline at 0, Flyway would refuse to run,
        // and a baseline at Boot's default 1 would skip V1
        assertThat(applied).containsExactly("0 BASELINE", "1 SUCCESS");
    }
}
