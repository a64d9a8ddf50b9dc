package io.fcn.persistence.support.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.database.ExternalSqlServer;
import io.fcn.persistence.internal.database.SqlServerDatabase;
import io.fcn.persistence.internal.engine.SqlServerUrl;
import io.fcn.persistence.migration.FcnMigrations;

/**
 * A migrated database reached through a {@link TcpForwarder}: H2 in server mode (always), or a fresh database on the
 * T-SQL engine {@code FCN_TEST_MSSQL_URL} names. {@link #direct()} bypasses the forwarder (set-up and the checks
 * after a run); {@link #forwarded()} and {@link #pool(int)} go through it.
 */
public final class ForwardedDatabase implements AutoCloseable {

    /** The engines a fault test runs on: H2 over TCP here, and the T-SQL engine when one is configured. */
    public enum Engine {
        H2_TCP("H2 over TCP"),
        TSQL("T-SQL engine");

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        /** {@return the engines available here} */
        public static List<Engine> available() {
            List<Engine> engines = new ArrayList<>(List.of(H2_TCP));
            if (ExternalSqlServer.fromEnvironment().isPresent()) {
                engines.add(TSQL);
            }
            return engines;
        }
    }

    private static final Pattern SQLSERVER_HOST = Pattern.compile("^jdbc:sqlserver://([^;:/\\\\]*)(?::(\\d+))?");

    public final Engine engine;
    public final TcpForwarder forwarder;
    private final DataSource direct;
    private final DataSource forwarded;
    private final String forwardedUrl;
    private final String user;
    private final String password;
    private final Server h2Server;
    private final SqlServerDatabase sqlServer;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private ForwardedDatabase(Engine engine, TcpForwarder forwarder, DataSource direct, DataSource forwarded,
            String forwardedUrl, String user, String password, Server h2Server, SqlServerDatabase sqlServer) {
        this.engine = engine;
        this.forwarder = forwarder;
        this.direct = direct;
        this.forwarded = forwarded;
        this.forwardedUrl = forwardedUrl;
        this.user = user;
        this.password = password;
        this.h2Server = h2Server;
        this.sqlServer = sqlServer;
    }

    /** A new, migrated database on {@code engine} behind a new forwarder. */
    public static ForwardedDatabase open(Engine engine) {
        ForwardedDatabase db = engine == Engine.H2_TCP ? h2() : tsql();
        FcnMigrations.migrate(db.direct);
        return db;
    }

    private static ForwardedDatabase h2() {
        int port = freePort();
        Server server;
        try {
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the H2 TCP server", e);
        }
        String name = "mem:fault_" + UUID.randomUUID().toString().replace("-", "");
        String embedded = EmbeddedDatabase.inMemory().jdbcUrl();
        String settings = ";DB_CLOSE_DELAY=-1" + embedded.substring(embedded.indexOf(";MODE="));
        TcpForwarder forwarder = new TcpForwarder("127.0.0.1", port);
        String directUrl = "jdbc:h2:tcp://127.0.0.1:" + port + "/" + name + settings;
        String forwardedUrl = "jdbc:h2:tcp://127.0.0.1:" + forwarder.port() + "/" + name + settings;
        return new ForwardedDatabase(Engine.H2_TCP, forwarder, h2(directUrl), h2(forwardedUrl), forwardedUrl, "sa",
                "", server, null);
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    private static ForwardedDatabase tsql() {
        String url = System.getenv(ExternalSqlServer.URL_VARIABLE).trim();
        String user = System.getenv(ExternalSqlServer.USER_VARIABLE);
        String password = System.getenv(ExternalSqlServer.PASSWORD_VARIABLE);
        Matcher m = SQLSERVER_HOST.matcher(url);
        if (!m.find() || m.group(1).isEmpty()) {
            throw new IllegalStateException(ExternalSqlServer.URL_VARIABLE + " names no host:port to forward to");
        }
        int port = m.group(2) == null ? 1433 : Integer.parseInt(m.group(2));
        SqlServerDatabase database = ExternalSqlServer.fromEnvironment().orElseThrow().newDatabase();
        TcpForwarder forwarder = new TcpForwarder(m.group(1), port);
        String through = "jdbc:sqlserver://127.0.0.1:" + forwarder.port() + url.substring(m.end());
        String forwardedUrl = SqlServerUrl.withDatabase(through, database.databaseName());
        return new ForwardedDatabase(Engine.TSQL, forwarder, database.dataSource(),
                SqlServerDatabase.dataSource(forwardedUrl, user, password), forwardedUrl, user, password, null,
                database);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return connections that bypass the forwarder} */
    public DataSource direct() {
        return direct;
    }

    /** {@return a new connection through the forwarder on each call, no pool} */
    public DataSource forwarded() {
        return forwarded;
    }

    /**
     * A HikariCP pool of at most {@code size} connections through the forwarder, as a service would configure it
     * (with the recommended SQL Server settings in the URL); closed with this database. A request waits at most 2 s
     * for a connection, so an outage reaches the caller as a failure to retry rather than a hang.
     */
    public HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("fault-" + engine.name().toLowerCase(java.util.Locale.ROOT));
        config.setJdbcUrl(engine == Engine.TSQL
                ? io.fcn.persistence.sqlserver.SqlServerSettings.applyTo(forwardedUrl) : forwardedUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        if (engine == Engine.H2_TCP) {
            config.setExceptionOverrideClassName(H2ConnectionLossEviction.class.getName());
        }
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
        forwarder.close();
        if (sqlServer != null) {
            sqlServer.close();
        }
        if (h2Server != null) {
            h2Server.stop();
        }
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
