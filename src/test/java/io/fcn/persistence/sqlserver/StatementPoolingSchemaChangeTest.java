package io.fcn.persistence.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import com.microsoft.sqlserver.jdbc.ISQLServerPreparedStatement;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotencyKeys;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.TradeFilter;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.types.TradeStatus;

/**
 * The known limit of statement pooling that applies to the library: a cached prepared handle outliving a schema
 * change. The library's statements run warm on one physical connection (so the driver's cache holds their handles),
 * the library's own last migration is applied from another connection meanwhile, and the same statements run again
 * on the warm connection: every later call still works and sees the data.
 */
@AllEngines(migrated = false)
class StatementPoolingSchemaChangeTest {

    /** The version before the latest migration (V20261124_0003 adds indexes to the tables the calls read). */
    private static final String BEFORE_LATEST = "20251101.0002";
    private static final String FINGERPRINT = IdempotencyKeys.fingerprint("POST", "/v1/trades", "{}");

    @Test
    void aMigrationUnderAWarmStatementCacheBreaksNoLaterCall(Database database) throws SQLException {
        FcnMigrations.migrate(database.dataSource(), BEFORE_LATEST);
        try (Connection physical = database.dataSource().getConnection()) {
            if (database.family() == EngineFamily.SQL_SERVER) {
                assertTrue(physical.unwrap(ISQLServerConnection.class).isStatementPoolingEnabled(),
                        "the engines connect with the recommended settings");
            }
            FcnPersistence fcn = FcnPersistence.builder(single(physical)).build();
            fcn.templates().create(NewTemplate.builder().templateId("TPL-POOL").name("Pooling").specVersion("1.0")
                    .issuer("BANK-A").parameters("{\"tenor_months\": 12}").active().build());

            List<String> booked = new ArrayList<>();
            // Three rounds: the driver runs a text with sp_executesql first, prepares it on the second call and
            // reuses the cached handle from the third on.
            for (int round = 0; round < 3; round++) {
                calls(fcn, "W" + round, booked);
            }

            FcnMigrations.migrate(database.dataSource());
            assertEquals(0, FcnMigrations.flyway(database.dataSource()).info().pending().length);

            for (int round = 0; round < 3; round++) {
                calls(fcn, "M" + round, booked);
            }
            assertEquals(booked.size(), fcn.trades().list(TradeFilter.byStatus(TradeStatus.ACTIVE),
                    KeysetRequest.first(100)).items().size(), "every booked trade is listed after the change");
        }
    }

    @Test
    void theLibrarysStatementsReuseOneServerHandlePerText(Database database) throws SQLException {
        FcnMigrations.migrate(database.dataSource());
        try (Connection physical = database.dataSource().getConnection()) {
            Map<String, List<Integer>> handles = new HashMap<>();
            FcnPersistence fcn = FcnPersistence.builder(single(physical)).executeListener(new ExecuteListener() {
                @Override
                public void executeEnd(ExecuteContext ctx) {
                    try {
                        if (ctx.statement() != null && ctx.statement().isWrapperFor(ISQLServerPreparedStatement.class)) {
                            handles.computeIfAbsent(ctx.sql(), k -> new ArrayList<>()).add(
                                    ctx.statement().unwrap(ISQLServerPreparedStatement.class).getPreparedStatementHandle());
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }).build();
            fcn.templates().create(NewTemplate.builder().templateId("TPL-POOL").name("Pooling").specVersion("1.0")
                    .issuer("BANK-A").parameters("{\"tenor_months\": 12}").active().build());
            List<String> booked = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                calls(fcn, "H" + round, booked);
            }
            if (database.family() != EngineFamily.SQL_SERVER) {
                assertEquals(Map.of(), handles, "H2 keeps its prepared statements per session: no driver handles");
                return;
            }
            List<Integer> gets = handles.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("select \"fcn_trade\".")
                            && e.getKey().endsWith("where \"fcn_trade\".\"trade_id\" = ?"))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new AssertionError(handles.keySet()));
            assertTrue(gets.size() >= 10, gets::toString);
            // The driver runs a text with sp_executesql first, prepares it on the second call; from then on the
            // cached handle: one server handle for every later call, though each call takes a new statement.
            List<Integer> later = gets.subList(2, gets.size());
            assertTrue(later.get(0) > 0, gets::toString);
            assertEquals(1, later.stream().distinct().count(), gets::toString);
        }
    }

    /** One round of the library's statements: each kind of call the benchmarks run, reads and writes. */
    private static void calls(FcnPersistence fcn, String round, List<String> booked) {
        String tradeId = "TRD-POOL-" + round;
        fcn.trades().book(NewTrade.builder().tradeId(tradeId).templateId("TPL-POOL").specVersion("1.0")
                .tradeDate(LocalDate.of(2026, 1, 15)).maturityDate(LocalDate.of(2027, 1, 15))
                .notional(new BigDecimal("1000000")).currency("USD").tradeParams("{}").build());
        booked.add(tradeId);
        for (String id : booked) {
            assertEquals(id, fcn.trades().get(id).tradeId());
        }
        assertEquals(booked.size(), fcn.trades().list(TradeFilter.byStatus(TradeStatus.ACTIVE),
                KeysetRequest.first(100)).items().size());
        assertEquals(1, fcn.lifecycleEvents().history(tradeId).size(), "the created event");
        ClaimOutcome claim = fcn.idempotency().claim("key-" + round, FINGERPRINT, "POST", "/v1/trades",
                Duration.ofHours(1), Duration.ofSeconds(30));
        ClaimOutcome.Claimed claimed = (ClaimOutcome.Claimed) claim;
        fcn.inTransaction(() -> fcn.idempotency().complete(claimed.token(), 201, "{}"));
        List<Observation> rows = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            rows.add(new Observation(tradeId, LocalDate.of(2026, 2, 1).plusDays(d), ObservationType.COUPON,
                    "{\"AAPL\": 182.5}", false, true, false, null));
        }
        assertEquals(20, fcn.observations().recordAll(rows).inserted());
        assertEquals(20, fcn.observations().recordAll(rows).skipped(), "the look-up finds what was stored");
    }

    /** Every connection the library takes is {@code physical} (close() is a no-op): one driver-side cache. */
    private static DataSource single(Connection physical) {
        Connection shared = (Connection) Proxy.newProxyInstance(StatementPoolingSchemaChangeTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    if (method.getName().equals("isClosed")) {
                        return physical.isClosed();
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new DataSource() {
            @Override
            public Connection getConnection() {
                return shared;
            }

            @Override
            public Connection getConnection(String user, String password) {
                return shared;
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                return physical.unwrap(iface);
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) throws SQLException {
                return physical.isWrapperFor(iface);
            }
        };
    }
}
