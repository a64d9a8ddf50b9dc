package io.fcn.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fcn.persistence.exceptions.CommitOutcomeUnknownException;
import io.fcn.persistence.exceptions.TransientDatabaseException;
import io.fcn.persistence.exceptions.TransientDatabaseException.Reason;
import io.fcn.persistence.internal.database.ExternalSqlServer;
import io.fcn.persistence.retry.Retry;
import io.fcn.persistence.retry.RetryPolicy;
import io.fcn.persistence.support.load.ForwardedDatabase;
import io.fcn.persistence.support.load.ForwardedDatabase.Engine;
import io.fcn.persistence.support.load.LoadHarness;
import io.fcn.persistence.support.load.TcpForwarder;

/**
 * Connections cut by a forwarder between the library and the engine (H2 over TCP; the T-SQL engine when
 * {@code FCN_TEST_MSSQL_URL} is set): a connection lost mid-call, between calls or unreachable is a retryable
 * {@link TransientDatabaseException}; one lost during COMMIT is a {@link CommitOutcomeUnknownException}, never
 * retried.
 */
class ConnectionLossTest {

    private static final Map<Engine, ForwardedDatabase> OPEN = new EnumMap<>(Engine.class);
    private static int sequence;

    static List<Engine> engines() {
        return Engine.available();
    }

    private static synchronized ForwardedDatabase database(Engine engine) {
        return OPEN.computeIfAbsent(engine, e -> {
            ForwardedDatabase db = ForwardedDatabase.open(e);
            LoadHarness.prepare(FcnPersistence.builder(db.direct()).build());
            return db;
        });
    }

    @AfterAll
    static void closeAll() {
        OPEN.values().forEach(ForwardedDatabase::close);
    }

    private static synchronized LoadHarness.Request nextRequest() {
        return LoadHarness.Request.of("CL" + Long.toHexString(System.nanoTime() & 0xffffff), ++sequence);
    }

    private static FcnPersistence direct(ForwardedDatabase db) {
        return FcnPersistence.builder(db.direct()).build();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aConnectionLostInsideATransactionIsTransientAndNothingCommits(Engine engine) {
        ForwardedDatabase db = database(engine);
        FcnPersistence fcn = FcnPersistence.builder(db.forwarded()).build();
        LoadHarness.Request r = nextRequest();

        TransientDatabaseException e = assertThrows(TransientDatabaseException.class, () -> fcn.inTransaction(() -> {
            fcn.trades().book(LoadHarness.newTrade(r));
            db.forwarder.cutAll();
            return fcn.trades().find(r.tradeId());
        }));

        assertEquals(Reason.CONNECTION_LOST, e.reason());
        assertTrue(e.isRetryable());
        assertTrue(direct(db).trades().find(r.tradeId()).isEmpty(), "the booking rolled back");
        assertNoSecret(e);
    }

    /** A pool's connections cut inside transactions, again and again: the next transaction gets a live one. */
    @ParameterizedTest
    @MethodSource("engines")
    void afterAConnectionLostInsideATransactionTheThreadsNextTransactionWorks(Engine engine) {
        ForwardedDatabase db = database(engine);
        FcnPersistence fcn = FcnPersistence.builder(db.pool(2)).build();
        LoadHarness.Request r = nextRequest();
        for (int round = 0; round < 3; round++) {
            assertThrows(TransientDatabaseException.class, () -> fcn.inTransaction(() -> {
                fcn.trades().find(r.tradeId());
                db.forwarder.cutAll();
                return fcn.trades().find(r.tradeId());
            }));
        }

        assertEquals(r.tradeId(), fcn.inTransaction(() -> fcn.trades().book(LoadHarness.newTrade(r))).tradeId());
        assertTrue(direct(db).trades().find(r.tradeId()).isPresent());
        assertFalse(fcn.inTransaction());
    }

    /**
     * A pool rolls a connection back when it is handed back, and on a lost connection that fails, so the release
     * throws too. jOOQ's thread-local transaction provider then kept the dead connection bound to the thread, and
     * every later transaction on the thread failed on it; the thread must start its next transaction clean.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aConnectionWhoseReleaseFailsDoesNotStickToTheThread(Engine engine) {
        ForwardedDatabase db = database(engine);
        FcnPersistence fcn = FcnPersistence.builder(rollbackOnClose(db.forwarded())).build();
        LoadHarness.Request r = nextRequest();

        assertThrows(TransientDatabaseException.class, () -> fcn.inTransaction(() -> {
            fcn.trades().find(r.tradeId());
            db.forwarder.cutAll();
            return fcn.trades().find(r.tradeId());
        }));

        assertEquals(r.tradeId(), fcn.inTransaction(() -> fcn.trades().book(LoadHarness.newTrade(r))).tradeId());
        assertTrue(direct(db).trades().find(r.tradeId()).isPresent());
    }

    /** Connections that roll back before they close, as a pool does on return: close() fails on a dead one. */
    private static DataSource rollbackOnClose(DataSource target) {
        return intercepting(target, (connection, m, a) -> {
            if (!m.getName().equals("close")) {
                return invoke(connection, m, a);
            }
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } finally {
                connection.close();
            }
            return null;
        });
    }

    /** A call on a connection, seen before (or instead of) the connection itself. */
    @FunctionalInterface
    private interface ConnectionCall {
        Object on(Connection connection, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    /** {@code target}'s connections, each call on one of them going through {@code call}. */
    private static DataSource intercepting(DataSource target, ConnectionCall call) {
        return (DataSource) Proxy.newProxyInstance(ConnectionLossTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(ConnectionLossTest.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> call.on(connection, m, a));
                });
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aPooledConnectionLostBetweenCallsIsTransient(Engine engine) throws Exception {
        ForwardedDatabase db = database(engine);
        try (HeldConnection held = new HeldConnection(db.forwarded())) {
            FcnPersistence fcn = FcnPersistence.builder(held.dataSource()).build();
            assertTrue(fcn.trades().find("TRD-NONE").isEmpty());

            db.forwarder.cutAll();
            TransientDatabaseException e = assertThrows(TransientDatabaseException.class,
                    () -> fcn.trades().find("TRD-NONE"));

            assertEquals(Reason.CONNECTION_LOST, e.reason());
            assertNoSecret(e);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anUnreachableServerIsTransientAndARetryAfterItHealsSucceeds(Engine engine) {
        ForwardedDatabase db = database(engine);
        FcnPersistence fcn = FcnPersistence.builder(db.forwarded()).build();
        LoadHarness.Request r = nextRequest();
        db.forwarder.down();
        try {
            TransientDatabaseException e = assertThrows(TransientDatabaseException.class,
                    () -> fcn.trades().find(r.tradeId()));
            assertEquals(Reason.CONNECTION_LOST, e.reason());
            assertNoSecret(e);

            // The retry's first wait is when the server comes back: the second attempt books.
            List<Duration> waits = new ArrayList<>();
            Retry retry = Retry.of(fcn).sleeper(delay -> {
                waits.add(delay);
                db.forwarder.heal();
            });
            assertEquals(r.tradeId(), retry.inTransaction(() -> fcn.trades().book(LoadHarness.newTrade(r))).tradeId());
            assertEquals(1, waits.size());
        } finally {
            db.forwarder.heal();
        }
        assertTrue(direct(db).trades().find(r.tradeId()).isPresent());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aConnectionLostDuringCommitHasAnUnknownOutcomeAndIsNeverRetried(Engine engine) {
        ForwardedDatabase db = database(engine);
        FcnPersistence fcn = FcnPersistence.builder(cutOnCommit(db.forwarded(), db.forwarder)).build();
        LoadHarness.Request r = nextRequest();
        List<Duration> waits = new ArrayList<>();
        Retry retry = Retry.of(fcn).policy(RetryPolicy.defaults().withMaxAttempts(5)).sleeper(waits::add);

        CommitOutcomeUnknownException e = assertThrows(CommitOutcomeUnknownException.class,
                () -> retry.inTransaction(() -> fcn.trades().book(LoadHarness.newTrade(r))));

        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("COMMIT"), e.getMessage());
        assertTrue(waits.isEmpty(), "not retried");
        assertNoSecret(e);
        // Without the retry helper too, and whatever the caller's depth: the same typed error.
        LoadHarness.Request other = nextRequest();
        assertThrows(CommitOutcomeUnknownException.class, () -> fcn.trades().book(LoadHarness.newTrade(other)));
    }

    /** Connections whose {@code commit()} first cuts every connection the forwarder carries. */
    private static DataSource cutOnCommit(DataSource target, TcpForwarder forwarder) {
        return intercepting(target, (connection, m, a) -> {
            if (m.getName().equals("commit")) {
                forwarder.cutAll();
            }
            return invoke(connection, m, a);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One physical connection handed out again and again, as a pool would, until closed. */
    private static final class HeldConnection implements AutoCloseable {
        private final AtomicReference<Connection> physical = new AtomicReference<>();
        private final DataSource dataSource;

        HeldConnection(DataSource target) throws Exception {
            physical.set(target.getConnection());
            Connection c = physical.get();
            Connection handle = (Connection) Proxy.newProxyInstance(ConnectionLossTest.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, m, a) -> m.getName().equals("close") ? null
                            : invoke(c, m, a));
            dataSource = (DataSource) Proxy.newProxyInstance(ConnectionLossTest.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (p, m, a) -> m.getName().equals("getConnection") ? handle
                            : invoke(target, m, a));
        }

        DataSource dataSource() {
            return dataSource;
        }

        @Override
        public void close() throws Exception {
            try {
                physical.get().close();
            } catch (java.sql.SQLException e) {
                // already broken
            }
        }
    }

    private static void assertNoSecret(Throwable e) {
        String password = System.getenv(ExternalSqlServer.PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            return;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(password), "the password leaked into the exception");
    }
}
