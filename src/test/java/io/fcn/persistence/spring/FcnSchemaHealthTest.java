package io.fcn.persistence.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.metrics.FcnMetrics;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.testkit.FcnTestClock;
import io.fcn.persistence.testkit.FcnTestData;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The fcnSchema indicator: its answers, its cache, its group; and the meters in a Spring context. */
class FcnSchemaHealthTest {

    private final EmbeddedDatabase database = EmbeddedDatabase.inMemory();

    @AfterEach
    void close() {
        database.close();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void upWhenTheSchemaMatchesDownWithTheFindingsOnlyAfterTheRefreshInterval() throws SQLException {
        FcnMigrations.migrate(database.dataSource());
        FcnTestClock clock = new FcnTestClock();
        FcnSchemaHealthIndicator indicator = new FcnSchemaHealthIndicator(DriftCheck.of(database.dataSource()),
                Duration.ofSeconds(30), clock, null);

        Health up = indicator.health();
        assertEquals(Status.UP, up.getStatus());
        assertEquals(DriftCheck.of(database.dataSource()).version(), up.getDetails().get("version"));

        execute("ALTER TABLE dbo.fcn_trade DROP COLUMN termination_date");
        clock.advance(Duration.ofSeconds(29));
        assertEquals(up, indicator.health(), "within the interval: the cached answer, no catalog read");

        clock.advance(Duration.ofSeconds(1));
        Health down = indicator.health();
        assertEquals(Status.DOWN, down.getStatus());
        @SuppressWarnings("unchecked")
        List<Map<String, String>> findings = (List<Map<String, String>>) down.getDetails().get("findings");
        assertEquals("fcn_trade.termination_date", findings.get(0).get("path"));
        assertEquals("MISSING", findings.get(0).get("kind"));
        assertFalse(down.getDetails().toString().contains("jdbc:"), down.getDetails().toString());
        assertFalse(down.getDetails().toString().contains(database.jdbcUrl()));
    }

    @Test
    void downWithThePendingMigrations() {
        FcnMigrations.migrate(database.dataSource(), "20251022.0001");
        FcnSchemaHealthIndicator indicator = new FcnSchemaHealthIndicator(DriftCheck.of(database.dataSource()),
                Duration.ZERO, new FcnTestClock(), null);

        Health down = indicator.health();
        assertEquals(Status.DOWN, down.getStatus());
        assertTrue(down.getDetails().toString().contains("pending"), down.getDetails().toString());
    }

    @Test
    void downWithoutCredentialsWhenTheDatabaseCannotBeRead() {
        DataSource broken = new org.h2.jdbcx.JdbcDataSource();
        ((org.h2.jdbcx.JdbcDataSource) broken).setURL("jdbc:h2:mem:nope;IFEXISTS=TRUE");
        ((org.h2.jdbcx.JdbcDataSource) broken).setPassword("s3cret");
        Health down = new FcnSchemaHealthIndicator(broken, Duration.ZERO, null).health();
        assertEquals(Status.DOWN, down.getStatus());
        String details = down.getDetails().toString();
        assertFalse(details.contains("jdbc:") || details.contains("s3cret"), details);
        assertTrue(down.getDetails().containsKey("error"), details);
    }

    private final ApplicationContextRunner health = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FcnPersistenceAutoConfiguration.class,
                    ApplicationAvailabilityAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
                    AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
                    DiskSpaceHealthContributorAutoConfiguration.class))
            .withBean(DataSource.class, database::dataSource);

    @Test
    void inTheReadinessGroupNeverInLiveness() {
        health.run(context -> {
            assertThat(context).hasNotFailed();
            HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
            assertTrue(context.getBean(HealthContributorRegistry.class).getContributor("fcnSchema") != null,
                    "the bean fcnSchemaHealthIndicator is the contributor fcnSchema");
            assertTrue(groups.get("readiness").isMember("fcnSchema"));
            assertTrue(groups.get("readiness").isMember("readinessState"));
            assertFalse(groups.get("liveness").isMember("fcnSchema"));
            assertTrue(groups.get("liveness").isMember("livenessState"));
        });
        health.withPropertyValues("management.endpoint.health.group.readiness.include=diskSpace,readinessState")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var readiness = context.getBean(HealthEndpointGroups.class).get("readiness");
                    assertTrue(readiness.isMember("fcnSchema"), "the service's group gains it");
                    assertTrue(readiness.isMember("diskSpace"), "and keeps its own members");
                    assertFalse(readiness.isMember("livenessState"));
                });
        health.withPropertyValues("management.endpoint.health.probes.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertEquals(null, context.getBean(HealthEndpointGroups.class).get("readiness"));
        });
    }

    @Test
    void theMetersInASpringContext() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FcnPersistenceAutoConfiguration.class))
                .withBean(DataSource.class, database::dataSource)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(context).hasSingleBean(FcnMetrics.class);
                    assertEquals(1, registry.get(FcnMetrics.MIGRATION).tag("outcome", "success").timer().count());
                    assertEquals(0.0, registry.get(FcnMetrics.DRIFT_FINDINGS).tag("severity", "error").gauge()
                            .value());
                    FcnPersistence fcn = context.getBean(FcnPersistence.class);
                    FcnTestData.aClaim().claim(fcn);
                    assertEquals(1.0, registry.get(FcnMetrics.IDEMPOTENCY_CLAIMS).tag("outcome", "claimed")
                            .counter().count());
                    assertEquals(1, registry.get(FcnMetrics.OPERATION).tags("repository", "idempotency",
                            "operation", "claim", "outcome", "success").timer().count());
                });
    }
}
