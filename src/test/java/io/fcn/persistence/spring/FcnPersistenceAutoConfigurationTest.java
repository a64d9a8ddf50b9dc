package io.fcn.persistence.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.drift.SchemaDriftException;
import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.exceptions.MisuseException;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.jooq.Tables;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.testkit.FcnTestData;

/** The auto-configuration in a Spring context, on embedded H2: each property, back-off, transactions, Flyway. */
class FcnPersistenceAutoConfigurationTest {

    private final EmbeddedDatabase database = EmbeddedDatabase.inMemory();
    private final TsqlGuardListener guard = new TsqlGuardListener();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FcnPersistenceAutoConfiguration.class))
            .withBean(DataSource.class, database::dataSource)
            .withBean(FcnPersistenceCustomizer.class, () -> builder -> builder.executeListener(guard));

    @AfterEach
    void close() {
        database.close();
    }

    private int count(org.jooq.Table<?> table) {
        return DSL.using(database.dataSource(), SQLDialect.DEFAULT).fetchCount(table);
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            try (var rs = c.getMetaData().getTables(null, null, name.toUpperCase(java.util.Locale.ROOT), null)) {
                if (rs.next()) {
                    return true;
                }
            }
            try (var rs = c.getMetaData().getTables(null, null, name, null)) {
                return rs.next();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String messages(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            out.append(c.getMessage()).append('\n');
        }
        return out.toString();
    }

    @Test
    void withoutADataSourceNothingIsConfigured() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FcnPersistenceAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(FcnPersistence.class);
                    assertThat(context).doesNotHaveBean(FcnSchemaStartup.class);
                    assertThat(context).doesNotHaveBean(FcnSchemaHealthIndicator.class);
                });
    }

    @Test
    void byDefaultTheLibraryMigratesChecksAndGivesAnEntryPoint() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(FcnPersistence.class);
            assertTrue(tableExists("fcn_trade"), "migrated at start-up");
            assertEquals(0, context.getBean(FcnSchemaStartup.class).report().orElseThrow().findings().size());
            assertThat(context).hasBean("fcnSchemaHealthIndicator");
        });
    }

    @Test
    void migrateFalseLeavesTheDatabaseAlone() {
        runner.withPropertyValues("fcn.persistence.migrate=false", "fcn.persistence.drift-check=off").run(context -> {
            assertThat(context).hasNotFailed();
            assertTrue(!tableExists("fcn_trade"), "no migration ran");
            assertTrue(context.getBean(FcnSchemaStartup.class).report().isEmpty(), "no check ran");
        });
    }

    @Test
    void anUnmigratedDatabaseFailsTheDefaultCheck() {
        runner.withPropertyValues("fcn.persistence.migrate=false").run(context -> {
            assertThat(context).hasFailed();
            SchemaDriftException e = findCause(context.getStartupFailure(), SchemaDriftException.class);
            assertTrue(e.getMessage().contains("migration history"), e.getMessage());
        });
    }

    @Test
    void aDriftedSchemaFailsTheContextWithTheReportAndWarnOnlyWarns() throws SQLException {
        FcnMigrations.migrate(database.dataSource());
        execute("ALTER TABLE dbo.fcn_trade DROP COLUMN termination_date");

        runner.run(context -> {
            assertThat(context).hasFailed();
            SchemaDriftException e = findCause(context.getStartupFailure(), SchemaDriftException.class);
            assertTrue(e.getMessage().contains("fcn_trade.termination_date"), e.getMessage());
        });
        runner.withPropertyValues("fcn.persistence.drift-check=warn").run(context -> {
            assertThat(context).hasNotFailed();
            assertEquals("fcn_trade.termination_date",
                    context.getBean(FcnSchemaStartup.class).report().orElseThrow().findings().get(0).path());
            Health health = context.getBean(FcnSchemaHealthIndicator.class).health();
            assertEquals(Status.DOWN, health.getStatus(), "health still says what is wrong");
        });
    }

    @Test
    void aDatabaseNewerThanTheJarStartsAndIsUp() throws SQLException {
        FcnMigrations.migrate(database.dataSource());
        insertFutureMigration();

        runner.run(context -> {
            assertThat(context).hasNotFailed();
            Health health = context.getBean(FcnSchemaHealthIndicator.class).health();
            assertEquals(Status.UP, health.getStatus(), String.valueOf(health.getDetails()));
            assertEquals(List.of("29991231.0001"), health.getDetails().get("newer"));
            assertEquals(0L, health.getDetails().get("errors"));
        });
    }

    /** What a newer instance of the service leaves behind: a later migration of the library's, applied. */
    private void insertFutureMigration() throws SQLException {
        execute("INSERT INTO dbo." + FcnMigrations.HISTORY_TABLE + " (installed_rank, version, description, type,"
                + " script, checksum, installed_by, installed_on, execution_time, success) VALUES (1000,"
                + " '29991231.0001', 'from a newer jar', 'SQL', 'V29991231_0001__from_a_newer_jar.sql', 1, 'sa',"
                + " CURRENT_TIMESTAMP, 1, TRUE)");
    }

    @Test
    void aMisspelledValueFailsStartUpNamingTheProperty() {
        for (String[] bad : List.of(
                new String[] {"fcn.persistence.drift-check=fial", "fcn.persistence.drift-check"},
                new String[] {"fcn.persistence.migrate=sometimes", "fcn.persistence.migrate"},
                new String[] {"fcn.persistence.health.refresh-interval=-5s", "'fcn.persistence.health'"},
                new String[] {"fcn.persistence.health.refresh-interval=-5s", "refresh-interval"},
                new String[] {"fcn.persistence.drift-chek=off", "fcn.persistence"})) {
            runner.withPropertyValues(bad[0]).run(context -> {
                assertThat(context).hasFailed();
                String text = messages(context.getStartupFailure());
                assertTrue(text.contains(bad[1]), bad[0] + ": " + text);
                assertTrue(!tableExists("fcn_trade"), bad[0] + ": nothing ran");
            });
        }
    }

    @Test
    void aServicesOwnEntryPointWins() {
        FcnPersistence own = FcnPersistence.builder(database.dataSource()).build();
        runner.withBean("myFcn", FcnPersistence.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(FcnPersistence.class);
            assertEquals(own, context.getBean(FcnPersistence.class));
        });
    }

    @Test
    void springTransactionsCommitAndRollBackLibraryWrites() {
        runner.withUserConfiguration(TransactionalServices.class).run(context -> {
            assertThat(context).hasNotFailed();
            Outer outer = context.getBean(Outer.class);
            FcnPersistence fcn = context.getBean(FcnPersistence.class);

            outer.book("TPL-OK", false);
            assertEquals(1, count(Tables.FCN_TEMPLATE), "committed with the Spring transaction");
            assertEquals(1, count(Tables.FCN_TRADE));

            assertThrows(IllegalStateException.class, () -> outer.book("TPL-NO", true));
            assertEquals(1, count(Tables.FCN_TEMPLATE), "the nested call's template rolled back too");
            assertEquals(1, count(Tables.FCN_TRADE));

            MisuseException e = assertThrows(MisuseException.class,
                    () -> fcn.inTransaction(() -> FcnTestData.aTemplate().create(fcn)));
            assertTrue(e.getMessage().contains("no caller transaction"), e.getMessage());
            assertTrue(!guard.executed().isEmpty(), "the statements went through the T-SQL guard");
        });
    }

    @Test
    void theLibrarysMigrationsRunBeforeTheServicesFlyway() {
        runner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues("spring.flyway.locations=classpath:fcn-spring-test/service-migrations")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertTrue(tableExists("service_note"), "the service's migration ran");
                    assertTrue(tableExists(FcnMigrations.HISTORY_TABLE));
                    assertTrue(tableExists("flyway_schema_history"), "the service keeps its own history");
                    assertEquals(1, DSL.using(database.dataSource(), SQLDialect.DEFAULT).fetchCount(DSL.table(
                            DSL.name("flyway_schema_history")), DSL.field(DSL.name("version")).eq("1")),
                            "the service's V1 ran, above the baseline at 0");
                    assertEquals(0, context.getBean(FcnSchemaStartup.class).report().orElseThrow()
                            .findings().size(), "the service's tables are not the library's drift");
                });
    }

    private int serviceHistoryRows(String version, String type) {
        return DSL.using(database.dataSource(), SQLDialect.DEFAULT).fetchCount(
                DSL.table(DSL.name("flyway_schema_history")),
                DSL.field(DSL.name("version")).eq(version).and(DSL.field(DSL.name("type")).eq(type)));
    }

    @Test
    void aServiceThatBaselinesOnMigrateItselfStillGetsItsV1() {
        // Boot's own baseline-version is 1: on a schema the library's tables made non-empty it would skip V1
        runner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues("spring.flyway.locations=classpath:fcn-spring-test/service-migrations",
                        "spring.flyway.baseline-on-migrate=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertTrue(tableExists("service_note"), "the service's V1 ran");
                    assertEquals(1, serviceHistoryRows("0", "BASELINE"), "baselined at 0, below V1");
                });
    }

    @Test
    void aBaselineVersionTheServiceSetsIsKept() {
        runner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues("spring.flyway.locations=classpath:fcn-spring-test/service-migrations",
                        "spring.flyway.baseline-version=1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertEquals(1, serviceHistoryRows("1", "BASELINE"), "baselined where the service said");
                    assertTrue(!tableExists("service_note"), "V1 is at the baseline: Flyway skips it, as asked");
                });
    }

    @Test
    void baselineOnMigrateFalseIsTheServicesChoice() {
        runner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues("spring.flyway.locations=classpath:fcn-spring-test/service-migrations",
                        "spring.flyway.baseline-on-migrate=false")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertTrue(messages(context.getStartupFailure()).contains("non-empty schema"),
                            messages(context.getStartupFailure()));
                    assertTrue(tableExists(FcnMigrations.HISTORY_TABLE), "the library migrated first");
                });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.fcnschema.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(FcnSchemaHealthIndicator.class);
            assertThat(context).hasSingleBean(FcnPersistence.class);
        });
    }

    static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + messages(t), t);
    }

    /** A service with {@code @Transactional} methods, one calling the other (REQUIRED: they join). */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement(proxyTargetClass = true)
    static class TransactionalServices {
        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        Inner inner(FcnPersistence fcn) {
            return new Inner(fcn);
        }

        @Bean
        Outer outer(FcnPersistence fcn, Inner inner) {
            return new Outer(fcn, inner);
        }
    }

    static class Inner {
        private final FcnPersistence fcn;

        Inner(FcnPersistence fcn) {
            this.fcn = fcn;
        }

        @Transactional
        public void template(String id) {
            FcnTestData.aTemplate().withTemplateId(id).create(fcn);
        }
    }

    static class Outer {
        private final FcnPersistence fcn;
        private final Inner inner;

        Outer(FcnPersistence fcn, Inner inner) {
            this.fcn = fcn;
            this.inner = inner;
        }

        @Transactional
        public void book(String templateId, boolean fail) {
            inner.template(templateId);
            fcn.inTransaction(() -> FcnTestData.aTrade().withTemplateId(templateId).book(fcn));
            if (fail) {
                throw new IllegalStateException("the service's own failure after the library's writes");
            }
        }
    }
}
