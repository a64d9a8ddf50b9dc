package io.fcn.persistence.spring;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.metrics.FcnMetrics;
import io.fcn.persistence.metrics.PersistenceObserver;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Auto-configuration of the library when the context has one {@link DataSource}: the start-up migrations and drift
 * check ({@link FcnSchemaStartup}, before any {@code Flyway} bean), an {@link FcnPersistence} bean that joins
 * Spring-managed transactions (unless the service defines its own), the Micrometer meters when a
 * {@code MeterRegistry} exists, and the {@code fcnSchema} health indicator. docs/spring-boot.md describes it.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(TransactionAwareDataSourceProxy.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(FcnPersistenceProperties.class)
public class FcnPersistenceAutoConfiguration {

    /** Creates the configuration (Spring does). */
    public FcnPersistenceAutoConfiguration() {
    }

    /**
     * The library's migrations and drift check, run when the bean is created.
     * @param dataSource the service's DataSource
     * @param properties the {@code fcn.persistence.*} properties
     * @param metrics the meters, when there are any
     * @return the start-up bean
     */
    @Bean(FcnSchemaStartup.BEAN_NAME)
    public FcnSchemaStartup fcnSchemaStartup(DataSource dataSource, FcnPersistenceProperties properties,
            ObjectProvider<FcnMetrics> metrics) {
        return new FcnSchemaStartup(dataSource, properties, metrics.getIfAvailable());
    }

    /**
     * The entry point over a {@link TransactionAwareDataSourceProxy} with
     * {@link FcnPersistence.Builder#callerManagedTransactions()}: repository calls join the Spring transaction of
     * the calling thread ({@code @Transactional}), and {@code inTransaction} requires one.
     * @param dataSource the service's DataSource
     * @param observer the metrics observer, when there is one
     * @param customizers what adjusts the builder, in order
     * @return the entry point
     */
    @Bean
    @ConditionalOnMissingBean
    @DependsOn(FcnSchemaStartup.BEAN_NAME)
    public FcnPersistence fcnPersistence(DataSource dataSource, ObjectProvider<PersistenceObserver> observer,
            ObjectProvider<FcnPersistenceCustomizer> customizers) {
        DataSource transactional = dataSource instanceof TransactionAwareDataSourceProxy
                ? dataSource : new TransactionAwareDataSourceProxy(dataSource);
        FcnPersistence.Builder builder = FcnPersistence.builder(transactional);
        observer.ifAvailable(builder::observer);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.callerManagedTransactions().build();
    }

    /**
     * Makes every {@code Flyway} bean (the service's own migrations) depend on {@link FcnSchemaStartup}: the
     * library's tables exist before the service's migrations, which may reference them.
     * @return the post-processor
     */
    @Bean
    public static AbstractDependsOnBeanFactoryPostProcessor fcnSchemaBeforeFlyway() {
        return new AbstractDependsOnBeanFactoryPostProcessor(Flyway.class, FcnSchemaStartup.BEAN_NAME) {
        };
    }

    /**
     * The service's own Flyway (Boot's auto-configuration) finds the library's tables in its schema and no history
     * of its own on a new database, which Flyway refuses: it baselines on migrate, at version 0, below any migration
     * of the service's, so all of them still run. Each of the two the service set itself is kept. The version is set
     * apart from the switch: a service that only turns {@code baseline-on-migrate} on would otherwise get Boot's
     * baseline version 1 and silently skip its V1.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer")
    static class ServiceFlyway {

        @Bean
        FlywayConfigurationCustomizer fcnServiceFlywayBaseline(Environment environment) {
            return configuration -> {
                if (!environment.containsProperty("spring.flyway.baseline-on-migrate")) {
                    configuration.baselineOnMigrate(true);
                }
                if (!environment.containsProperty("spring.flyway.baseline-version")) {
                    configuration.baselineVersion("0");
                }
            };
        }
    }

    /** The meters, when Micrometer is on the class path and the context has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        FcnMetrics fcnMetrics(MeterRegistry registry) {
            return new FcnMetrics(registry);
        }
    }

    /** The {@code fcnSchema} health indicator, when Spring Boot's health module is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("fcnschema")
    static class SchemaHealth {

        @Bean
        @ConditionalOnMissingBean(name = "fcnSchemaHealthIndicator")
        FcnSchemaHealthIndicator fcnSchemaHealthIndicator(DataSource dataSource, FcnPersistenceProperties properties,
                ObjectProvider<FcnMetrics> metrics) {
            return new FcnSchemaHealthIndicator(dataSource, properties.getHealth().getRefreshInterval(),
                    metrics.getIfAvailable());
        }

    }

    /** {@code fcnSchema} in the readiness group, when the health endpoint (actuator) is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor",
            "org.springframework.boot.actuate.endpoint.SecurityContext"})
    @ConditionalOnEnabledHealthIndicator("fcnschema")
    @ConditionalOnBooleanProperty(name = "management.endpoint.health.probes.enabled", matchIfMissing = true)
    static class ReadinessGroup {

        @Bean
        FcnReadinessGroup fcnReadinessGroup() {
            return new FcnReadinessGroup();
        }
    }
}
