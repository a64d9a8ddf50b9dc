package io.fcn.persistence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotentRequest;
import io.fcn.persistence.internal.engine.H2Settings;
import io.fcn.persistence.lifecycle.LifecycleEventFilter;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.template.TemplateFilter;
import io.fcn.persistence.template.TemplateUpdate;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Termination;
import io.fcn.persistence.trade.TradeFilter;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.types.TradeStatus;

/**
 * A service's own pool on the embedded engine, built from {@link EmbeddedDatabase#jdbcUrl()} alone (not the
 * library's data source): migrations, every repository and the drift check work on it, and commits are durable.
 */
class EmbeddedDatabaseOwnPoolTest {

    private static final LocalDate D = LocalDate.of(2026, 1, 15);

    @TempDir
    Path dir;

    @Test
    void anInMemoryDatabaseServesAServicesOwnPool() throws SQLException {
        try (EmbeddedDatabase h2 = EmbeddedDatabase.inMemory()) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(h2.jdbcUrl(), h2.user(), h2.password());
            try {
                everyRepositoryWorksOn(pool);
                assertEquals("0", setting(pool, "WRITE_DELAY"));
            } finally {
                pool.dispose();
            }
        }
    }

    @Test
    void aFileDatabaseServesAPlainDataSourceAndIsThereAfterReopening() throws SQLException {
        String url;
        try (EmbeddedDatabase h2 = EmbeddedDatabase.file(dir.resolve("service"))) {
            url = h2.jdbcUrl();
            JdbcDataSource plain = new JdbcDataSource();
            plain.setURL(url);
            plain.setUser(h2.user());
            plain.setPassword(h2.password());
            everyRepositoryWorksOn(plain);
            assertEquals("0", setting(plain, "WRITE_DELAY"), "commits written at once, not 500 ms later");
        }
        JdbcConnectionPool reopened = JdbcConnectionPool.create(url, "sa", "");
        try {
            FcnPersistence fcn = FcnPersistence.builder(reopened).build();
            assertEquals(TradeStatus.TERMINATED, fcn.trades().get("TRD-1").status());
            assertTrue(DriftCheck.of(reopened).run().isEmpty());
        } finally {
            reopened.dispose();
        }
    }

    @Test
    void theUrlsCarryExactlyTheLibrarysSettings() {
        try (EmbeddedDatabase memory = EmbeddedDatabase.inMemory();
                EmbeddedDatabase file = EmbeddedDatabase.file(dir.resolve("f"))) {
            for (String url : List.of(memory.jdbcUrl(), file.jdbcUrl())) {
                H2Settings.Check check = H2Settings.check(url);
                assertEquals(List.of(), check.errors(), url);
                assertEquals(List.of(), check.warnings(), url);
                assertTrue(url.contains(";WRITE_DELAY=0"), url);
            }
        }
    }

    private static void everyRepositoryWorksOn(DataSource pool) {
        FcnMigrations.migrate(pool);
        FcnPersistence fcn = FcnPersistence.builder(pool).build();
        fcn.templates().create(NewTemplate.builder().templateId("TPL-1").name("FCN").specVersion("1.0")
                .issuer("Bank A").parameters("{}").active().build());
        fcn.templates().update("TPL-1", 0, TemplateUpdate.name("FCN 12M"));
        assertEquals("FCN 12M", fcn.templates().get("tpl-1").name(), "keys compare case-insensitively");
        assertEquals(1, fcn.templates().list(TemplateFilter.all(), KeysetRequest.first(10)).items().size());
        assertEquals(1, fcn.templates().list(TemplateFilter.all(), PageRequest.of(1, 10)).totalItems());
        for (String id : List.of("TRD-1", "TRD-2")) {
            fcn.trades().book(NewTrade.builder().tradeId(id).templateId("TPL-1").specVersion("1.0").tradeDate(D)
                    .maturityDate(D.plusYears(1)).notional(BigDecimal.TEN).currency("USD").tradeParams("{}")
                    .build());
        }
        var page = fcn.trades().list(TradeFilter.byStatus(TradeStatus.ACTIVE), KeysetRequest.first(1));
        assertEquals("TRD-2", fcn.trades().list(TradeFilter.byStatus(TradeStatus.ACTIVE),
                KeysetRequest.after(page.nextCursor().orElseThrow(), 1)).items().get(0).tradeId());
        fcn.observations().record(Observation.builder().tradeId("TRD-1").observationDate(D.plusMonths(1))
                .type(ObservationType.COUPON).underlyingPrices("{\"AAPL\": 182.5}").couponEligible(true).build());
        assertEquals(1, fcn.observations().findByTrade("TRD-1", D, D.plusYears(1)).size());
        fcn.lifecycleEvents().append("TRD-1", LifecycleEventType.COUPON_PAID, D.plusMonths(1), "{}");
        fcn.trades().terminate("TRD-1", 0, Termination.builder().date(D.plusMonths(2)).reason("client")
                .settlementAmount(BigDecimal.ONE).build());
        assertEquals(List.of(LifecycleEventType.CREATED, LifecycleEventType.COUPON_PAID,
                LifecycleEventType.TERMINATED),
                fcn.lifecycleEvents().history("TRD-1").stream().map(e -> e.type()).toList());
        assertEquals(3, fcn.lifecycleEvents().list(LifecycleEventFilter.byTrade("TRD-1"), KeysetRequest.first(5))
                .items().size());
        ClaimOutcome claim = fcn.idempotency().claim("key-1", IdempotentRequest.of("POST", "/v1/trades", "{}"),
                Duration.ofHours(1), Duration.ofSeconds(30));
        ClaimOutcome.Claimed claimed = assertInstanceOf(ClaimOutcome.Claimed.class, claim);
        fcn.inTransaction(() -> fcn.idempotency().complete(claimed.token(), 201, "{}"));
        assertEquals(new ClaimOutcome.Replay(201, "{}"), fcn.idempotency().claim("key-1",
                IdempotentRequest.of("post", "/v1/trades", "{}"), Duration.ofHours(1), Duration.ofSeconds(30)));
        assertFalse(DriftCheck.of(pool).run().hasErrors());
    }

    private static String setting(DataSource dataSource, String name) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = '" + name + "'")) {
            assertTrue(rs.next(), name);
            return rs.getString(1);
        }
    }
}
