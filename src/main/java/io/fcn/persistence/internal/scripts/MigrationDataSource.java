package io.fcn.persistence.internal.scripts;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * The data source Flyway migrates through. Each connection it hands out runs with the migration's lock timeout
 * ({@code SET LOCK_TIMEOUT}) and gets the timeout it had back before it returns to the caller's pool, so the
 * setting never leaks into the service's connections. Its statements pass through {@link MarkedStatements}: a
 * marked statement runs in the form the engine takes, while Flyway checksums the file as written.
 */
public final class MigrationDataSource implements DataSource {

    private static final System.Logger LOG = System.getLogger(FlywaySetup.SUMMARY_LOGGER);

    private final DataSource target;
    private final MigrationSettings settings;
    private volatile ServerTraits traits;

    public MigrationDataSource(DataSource target, MigrationSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    /** The traits the markers are rewritten for: the forced ones, else read once from the database. */
    public ServerTraits traits() throws SQLException {
        ServerTraits t = traits;
        if (t == null) {
            try (Connection c = target.getConnection()) {
                t = traits(c);
            }
        }
        return t;
    }

    /** Read on {@code c} itself: a second connection could wait for ever on a pool of one. */
    private ServerTraits traits(Connection c) throws SQLException {
        ServerTraits t = traits;
        if (t == null) {
            t = settings.forcedTraits() != null ? settings.forcedTraits() : ServerTraits.read(c);
            traits = t;
        }
        return t;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection real) throws SQLException {
        try {
            EngineFamily family = EngineFamily.of(real);
            ServerTraits t = traits(real);
            int before = lockTimeout(real, family);
            setLockTimeout(real, settings.lockTimeoutMillis());
            return (Connection) Proxy.newProxyInstance(MigrationDataSource.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new ConnectionHandler(real, before, t));
        } catch (SQLException | RuntimeException e) {
            real.close();
            throw e;
        }
    }

    /** The session's lock timeout in milliseconds (-1: wait for ever). */
    public static int lockTimeout(Connection c, EngineFamily family) throws SQLException {
        String query = family == EngineFamily.H2
                ? "SELECT LOCK_TIMEOUT()"
                : "SELECT @@LOCK_TIMEOUT";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                throw new SQLException("the session does not report its lock timeout");
            }
            return Integer.parseInt(rs.getString(1).strip());
        }
    }

    private static void setLockTimeout(Connection c, int millis) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + millis);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection real;
        private final int lockTimeoutBefore;
        private final ServerTraits traits;
        private boolean closed;

        ConnectionHandler(Connection real, int lockTimeoutBefore, ServerTraits traits) {
            this.real = real;
            this.lockTimeoutBefore = lockTimeoutBefore;
            this.traits = traits;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!closed) {
                        closed = true;
                        try {
                            if (!real.isClosed()) {
                                setLockTimeout(real, lockTimeoutBefore);
                            }
                        } finally {
                            real.close();
                        }
                    }
                    return null;
                case "isClosed":
                    return closed || real.isClosed();
                case "unwrap":
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : real.unwrap((Class<?>) args[0]);
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(proxy) || real.isWrapperFor((Class<?>) args[0]);
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "migration connection over " + real;
                default:
                    break;
            }
            Object result = MigrationDataSource.invoke(real, method, args);
            if (method.getName().equals("createStatement") && result instanceof Statement s) {
                return Proxy.newProxyInstance(MigrationDataSource.class.getClassLoader(),
                        new Class<?>[] {Statement.class}, new StatementHandler(s, proxy, traits));
            }
            return result;
        }
    }

    /** Runs a marked batch in its rewritten form, then its validations, each a batch of its own. */
    private static final class StatementHandler implements InvocationHandler {
        private final Statement real;
        private final Object connection;
        private final ServerTraits traits;

        StatementHandler(Statement real, Object connection, ServerTraits traits) {
            this.real = real;
            this.connection = connection;
            this.traits = traits;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connection;
            }
            if (args != null && args.length >= 1 && args[0] instanceof String sql
                    && (name.equals("execute") || name.equals("executeUpdate") || name.equals("executeLargeUpdate"))) {
                List<String> run = MarkedStatements.rewrite(sql, traits);
                if (run.size() == 1) {
                    Object[] rewritten = args.clone();
                    rewritten[0] = run.get(0);
                    return MigrationDataSource.invoke(real, method, rewritten);
                }
                real.execute(run.get(0));
                drain(real);
                Object last = null;
                for (String validation : run.subList(1, run.size())) {
                    long start = System.nanoTime();
                    last = real.execute(validation);
                    LOG.log(System.Logger.Level.INFO, () -> "fcn-persistence: " + validation + " took "
                            + (System.nanoTime() - start) / 1_000_000 + " ms");
                }
                if (name.equals("execute")) {
                    return last;
                }
                return name.equals("executeLargeUpdate") ? (Object) real.getLargeUpdateCount()
                        : (Object) real.getUpdateCount();
            }
            return MigrationDataSource.invoke(real, method, args);
        }

        /** Reads every result of the batch, so its errors surface here and the next batch starts clean. */
        private static void drain(Statement s) throws SQLException {
            while (s.getMoreResults() || s.getUpdateCount() != -1) {
                // skip
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? (T) this : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    public MigrationSettings settings() {
        return settings;
    }

    /** The caller's data source. */
    public DataSource target() {
        return target;
    }
}
