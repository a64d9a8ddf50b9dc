package io.fcn.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/** The application stopped and started again on the same database file, as a redeploy does. */
class RestartTest {

    private final String file = "target/test-db/restart-" + UUID.randomUUID() + "/fcn";

    @Test
    void aRestartedServiceReplaysTheStoredResponseByteForByte() {
        String key = "key-" + UUID.randomUUID();
        HttpResponse<byte[]> first;
        try (ConfigurableApplicationContext app = start()) {
            first = api(app).book(key, Api.bookTradeJson());
            assertThat(first.statusCode()).isEqualTo(201);
        }

        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            HttpResponse<byte[]> replay = api.book(key, Api.bookTradeJson());

            assertThat(replay.statusCode()).isEqualTo(201);
            assertThat(replay.body()).isEqualTo(first.body());
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(api.tradesOfSeededTemplate()).isEqualTo(1); // one booking, one seeded template
            // nothing pending on the second start: the library's schema is current, the service's Flyway has its
            // history (no second baseline)
            assertThat(Api.json(api.get("/actuator/health/fcnSchema")).path("status").stringValue()).isEqualTo("UP");
            JsonNode migrations = Api.json(api.get("/actuator/flyway")).path("contexts").values().iterator().next()
                    .path("flywayBeans").path("flyway").path("migrations");
            assertThat(migrations.size()).isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start() {
        // arguments, not SpringApplicationBuilder.properties: those are defaults, below application.properties
        return new SpringApplicationBuilder(App.class)
                .run("--server.port=0", "--spring.datasource.url=", "--fcn.example.embedded-file=" + file);
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
