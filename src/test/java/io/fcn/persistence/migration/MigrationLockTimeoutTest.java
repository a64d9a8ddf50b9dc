package io.fcn.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.exceptions.MigrationException;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.scripts.MigrationDataSource;
import io.fcn.persistence.support.AllEngines;

/** Migrations wait a bounded time for locks, and the setting stays out of the caller's pool (issue 15, point 4). */
@AllEngines(migrated = false)
class MigrationLockTimeoutTest {

    private static final String V3 = "20261124.0003";

    @Test
    void afterMigrateThePoolsConnectionsHaveTheirOwnLockTimeoutBack(DataSource dataSource) throws Exception {
        EngineFamily family = EngineFamily.of(dataSource);
        int before;
        try (Connection c = dataSource.getConnection()) {
            before = MigrationDataSource.lockTimeout(c, family);
        }
        if (family == EngineFamily.SQL_SERVER) {
            assertEquals(-1, before, "SQL Server's default: wait for ever");
        }
        assertNotEquals(FcnMigrations.DEFAULT_LOCK_TIMEOUT.toMillis(), before, "else a leak would not show");
        try (Pool pool = new Pool(dataSource)) {
            FcnMigrations.migrate(pool.dataSource());
            MigrationOperations.on(pool.dataSource()).withLockTimeout(Duration.ofMillis(1234)).info();

            assertFalse(pool.idle.isEmpty(), "the migration used the pool");
            for (Connection physical : pool.idle) {
                assertEquals(before, MigrationDataSource.lockTimeout(physical, family));
            }
            try (Connection c = pool.dataSource().getConnection()) {
                assertEquals(before, MigrationDataSource.lockTimeout(c, family));
            }
        }
    }

    @Test
    void aMigrationBehindALockFailsNamingTheTimeoutAndRunsOnceTheLockIsGone(DataSource dataSource,
            @TempDir Path dir) throws Exception {
        EngineFamily family = EngineFamily.of(dataSource);
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V20261201_0004__trade_note.sql"),
                "ALTER TABLE dbo.fcn_trade ADD note NVARCHAR(100) NULL;\n");
        MigrationOperations ops = MigrationOperations.on(dataSource)
                .withProjectDirectories(migrations, dir.resolve("db/rollback"))
                .withLockTimeout(Duration.ofMillis(300));
        ops.migrate(V3);

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                // An open transaction that touched fcn_trade: SQL Server holds its table lock, H2 its shared lock.
                s.execute(family == EngineFamily.SQL_SERVER
                        ? "SELECT COUNT(*) FROM dbo.fcn_trade WITH (TABLOCKX, HOLDLOCK)"
                        : "UPDATE dbo.fcn_trade SET status = status WHERE 1 = 0");
            }

            MigrationException e = assertThrows(MigrationException.class, () -> ops.migrate(null));

            assertTrue(e.getMessage().contains("lock timeout of 300 ms exceeded"), e.getMessage());
            assertTrue(e.getMessage().contains(family == EngineFamily.SQL_SERVER ? "was rolled back"
                    : "run repair, then migrate"), e.getMessage());
            assertFalse(hasColumn(dataSource, "note"), "nothing of the migration is applied");
            holder.rollback();
        }
        List<String> history = history(dataSource);
        if (family == EngineFamily.SQL_SERVER) {
            assertFalse(history.stream().anyMatch(h -> h.startsWith("20261201.0004")),
                    "rolled back, no history row: " + history);
        } else {
            // H2: Flyway records the failure (its DDL is not transactional); repair removes it.
            assertTrue(history.contains("20261201.0004 false"), history::toString);
            ops.repair();
        }

        List<StepResult> applied = ops.migrate(null);

        assertEquals(List.of("20261201.0004"), applied.stream().map(StepResult::version).toList());
        assertTrue(hasColumn(dataSource, "note"));
    }

    private static boolean hasColumn(DataSource dataSource, String column) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE "
                        + "UPPER(TABLE_NAME) = 'FCN_TRADE' AND UPPER(COLUMN_NAME) = UPPER('" + column + "')")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static List<String> history(DataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, success FROM dbo.fcn_persistence_schema_history "
                        + "WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getBoolean(2));
            }
        }
        return rows;
    }

    /** A pool as services have one: physical connections handed out, taken back on close, handed out again. */
    private static final class Pool implements AutoCloseable {
        private final DataSource physical;
        private final Deque<Connection> idle = new ArrayDeque<>();
        private final List<Connection> all = new ArrayList<>();

        Pool(DataSource physical) {
            this.physical = physical;
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (p, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            return borrow();
                        }
                        return invoke(physical, method, args);
                    });
        }

        private synchronized Connection borrow() throws SQLException {
            Connection c = idle.isEmpty() ? open() : idle.pop();
            boolean[] returned = {false};
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (p, method, args) -> {
                        switch (method.getName()) {
                            case "close" -> {
                                if (!returned[0]) {
                                    returned[0] = true;
                                    synchronized (this) {
                                        idle.push(c);
                                    }
                                }
                                return null;
                            }
                            case "isClosed" -> {
                                return returned[0];
                            }
                            default -> {
                                return invoke(c, method, args);
                            }
                        }
                    });
        }

        private Connection open() throws SQLException {
            Connection c = physical.getConnection();
            all.add(c);
            return c;
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public void close() throws SQLException {
            for (Connection c : all) {
                c.close();
            }
        }
    }
}
