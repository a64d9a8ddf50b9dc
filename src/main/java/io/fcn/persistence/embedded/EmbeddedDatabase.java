package io.fcn.persistence.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.engine.H2Settings;

/**
 * The embedded engine: H2 in SQL Server mode, made to behave like SQL Server's default collation (business keys
 * compare case-insensitively, so {@code 'CASE-1'} and {@code 'case-1'} collide as they do there), schema
 * {@code dbo}, and every commit written at once ({@code WRITE_DELAY=0}). The one supported way to get an H2 database
 * for the library, in memory or in a file, for its own {@link #dataSource()} or for a service's pool:
 *
 * <pre>{@code
 * EmbeddedDatabase h2 = EmbeddedDatabase.file(Path.of("data/fcn"));      // or EmbeddedDatabase.inMemory()
 * HikariConfig pool = new HikariConfig();
 * pool.setJdbcUrl(h2.jdbcUrl());                                           // keeps every setting the library needs
 * pool.setUsername(h2.user());
 * pool.setPassword(h2.password());
 * DataSource dataSource = new HikariDataSource(pool);
 * FcnMigrations.migrate(dataSource);
 * FcnPersistence fcn = FcnPersistence.builder(dataSource).build();
 * }</pre>
 *
 * Add settings of your own only from the allowed list of {@code docs/embedded.md}. Needs {@code com.h2database:h2}
 * on the classpath (an optional dependency of the library).
 */
public final class EmbeddedDatabase implements Database {

    private static final String USER = "sa";

    private final String url;
    private final String description;
    private final JdbcDataSource dataSource;
    private final boolean inMemory;

    private EmbeddedDatabase(String url, String description, boolean inMemory) {
        this.url = url;
        this.description = description;
        this.inMemory = inMemory;
        this.dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(USER);
        dataSource.setPassword("");
    }

    /** {@return a private in-memory database (a fresh name each call) that lives until {@link #close()}} */
    public static EmbeddedDatabase inMemory() {
        String name = "fcn_" + UUID.randomUUID().toString().replace("-", "");
        return new EmbeddedDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2Settings.URL_SUFFIX,
                "embedded H2 (in memory, " + name + ")", true);
    }

    /**
     * A database in a local file ({@code .mv.db} is appended by H2); it survives the process.
     * @param path the file's path without {@code .mv.db}
     * @return the database, opened or created
     */
    public static EmbeddedDatabase file(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return new EmbeddedDatabase("jdbc:h2:file:" + absolute + ";AUTO_SERVER=FALSE" + H2Settings.URL_SUFFIX,
                "embedded H2 (file " + absolute + ".mv.db)", false);
    }

    /**
     * The JDBC URL, with the settings the library needs: build a pool of your own from it (embedded databases have
     * no credentials to hide).
     * @return the JDBC URL
     */
    public String jdbcUrl() {
        return url;
    }

    /** {@return the user to connect as: {@code sa}} */
    public String user() {
        return USER;
    }

    /** {@return the password: empty} */
    public String password() {
        return "";
    }

    @Override
    public EngineFamily family() {
        return EngineFamily.H2;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    /** Shuts an in-memory database down (its data is gone), checkpoints a file; a pool's connections then fail. */
    @Override
    public void close() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(inMemory ? "SHUTDOWN" : "CHECKPOINT");
        } catch (SQLException e) {
            // Already closed: nothing left to release.
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
