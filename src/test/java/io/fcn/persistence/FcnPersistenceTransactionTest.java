package io.fcn.persistence;

import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.exceptions.TransactionRolledBackException;
import io.fcn.persistence.exceptions.TransientDatabaseException;
import io.fcn.persistence.types.TemplateStatus;
import io.fcn.persistence.exceptions.MisuseException;

@AllEngines
class FcnPersistenceTransactionTest {

    private static void insertTemplate(FcnPersistence fcn, String id) {
        OffsetDateTime now = fcn.now();
        fcn.dsl().insertInto(FCN_TEMPLATE)
                .set(FCN_TEMPLATE.TEMPLATE_ID, id).set(FCN_TEMPLATE.NAME, "n").set(FCN_TEMPLATE.SPEC_VERSION, "1.0")
                .set(FCN_TEMPLATE.STATUS, TemplateStatus.DRAFT).set(FCN_TEMPLATE.ISSUER, "BANK")
                .set(FCN_TEMPLATE.PARAMETERS, "{}")
                .set(FCN_TEMPLATE.CREATED_AT, now).set(FCN_TEMPLATE.UPDATED_AT, now)
                .execute();
    }

    /** Counts through a connection of its own: sees only committed rows. */
    private static int committedTemplates(DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.DEFAULT).fetchCount(FCN_TEMPLATE);
    }

    @Test
    void workCommitsTogether(FcnPersistence fcn, DataSource dataSource) {
        String result = fcn.inTransaction(() -> {
            insertTemplate(fcn, "T-1");
            insertTemplate(fcn, "T-2");
            return "done";
        });
        assertEquals("done", result);
        assertEquals(2, committedTemplates(dataSource));
    }

    @Test
    void aFailureRollsEverythingBack(FcnPersistence fcn, DataSource dataSource) {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> fcn.inTransaction(() -> {
            insertTemplate(fcn, "T-1");
            throw boom;
        }));
        assertSame(boom, thrown, "the caller's own exception comes back unchanged");
        assertEquals(0, committedTemplates(dataSource));
    }

    @Test
    void nestedCallsJoinTheOuterTransaction(FcnPersistence fcn, DataSource dataSource) {
        fcn.inTransaction(() -> {
            insertTemplate(fcn, "T-1");
            fcn.inTransaction(() -> insertTemplate(fcn, "T-2"));
            assertTrue(fcn.inTransaction());
            assertEquals(2, fcn.dsl().fetchCount(FCN_TEMPLATE), "the transaction sees its own work");
        });
        assertEquals(2, committedTemplates(dataSource));
    }

    @Test
    void aNestedCallDoesNotCommitOnItsOwn(FcnPersistence fcn, DataSource dataSource) {
        // Counting from another connection mid-transaction would wait on the row locks on SQL Server;
        // a later failure of the outer work shows the inner insert was never committed.
        assertThrows(IllegalStateException.class, () -> fcn.inTransaction(() -> {
            fcn.inTransaction(() -> insertTemplate(fcn, "T-1"));
            throw new IllegalStateException("outer fails after the inner call returned");
        }));
        assertEquals(0, committedTemplates(dataSource));
    }

    @Test
    void aSwallowedInnerFailureStillRollsBackTheWhole(FcnPersistence fcn, DataSource dataSource) {
        assertThrows(TransactionRolledBackException.class, () -> fcn.inTransaction(() -> {
            insertTemplate(fcn, "T-1");
            try {
                fcn.inTransaction(() -> insertTemplate(fcn, "t-1")); // same key, case-insensitively
            } catch (RuntimeException expected) {
                // swallowed on purpose
            }
            insertTemplate(fcn, "T-3");
        }));
        assertEquals(0, committedTemplates(dataSource));
    }

    @Test
    void callerManagedTransactionsRefuseToRunWithoutOne(DataSource dataSource) {
        FcnPersistence callerManaged = FcnPersistence.builder(dataSource).callerManagedTransactions().build();
        MisuseException e = assertThrows(MisuseException.class,
                () -> callerManaged.inTransaction(() -> insertTemplate(callerManaged, "T-1")));
        assertTrue(e.getMessage().contains("no caller transaction"), e.getMessage());
        assertEquals(0, committedTemplates(dataSource));
    }

    @Test
    void callerManagedTransactionsRunInTheCallersTransaction(DataSource dataSource) throws Exception {
        // What Spring's TransactionAwareDataSourceProxy does: every getConnection() inside the caller's
        // transaction hands out the caller's connection, and close() leaves it open.
        try (java.sql.Connection callers = dataSource.getConnection()) {
            callers.setAutoCommit(false);
            DataSource transactionAware = singleConnection(callers);
            FcnPersistence fcn = FcnPersistence.builder(transactionAware).callerManagedTransactions().build();

            fcn.inTransaction(() -> insertTemplate(fcn, "T-1"));
            fcn.inTransaction(() -> insertTemplate(fcn, "T-2"));
            callers.rollback();
            assertEquals(0, committedTemplates(dataSource), "the caller's rollback undid both");

            fcn.inTransaction(() -> insertTemplate(fcn, "T-3"));
            callers.commit();
            assertEquals(1, committedTemplates(dataSource), "the caller's commit made it durable");
        }
    }

    private static DataSource singleConnection(java.sql.Connection connection) {
        java.sql.Connection unclosable = (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
                FcnPersistenceTransactionTest.class.getClassLoader(), new Class<?>[] {java.sql.Connection.class},
                (proxy, method, args) -> "close".equals(method.getName()) ? null : invoke(method, connection, args));
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(
                FcnPersistenceTransactionTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if ("getConnection".equals(method.getName())) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void aLockTimeoutIsReportedAsRetryable(FcnPersistence fcn) throws Exception {
        insertTemplate(fcn, "T-1");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> fcn.inTransaction(() -> {
            fcn.dsl().update(FCN_TEMPLATE).set(FCN_TEMPLATE.NAME, "held").execute();
            locked.countDown();
            await(release);
        }));
        try {
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            TransientDatabaseException e = assertThrows(TransientDatabaseException.class,
                    () -> fcn.inTransaction(() -> {
                        DSLContext dsl = fcn.dsl();
                        dsl.execute("SET LOCK_TIMEOUT 100"); // same statement on SQL Server and H2
                        dsl.update(FCN_TEMPLATE).set(FCN_TEMPLATE.NAME, "blocked").execute();
                    }));
            assertEquals(TransientDatabaseException.Reason.LOCK_TIMEOUT, e.reason());
            assertTrue(e.isRetryable());
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
