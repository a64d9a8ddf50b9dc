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
 * H2 in SQL Server mode, made to behave like SQL Server's default collation: business keys compare
 * case-insensitively ({@code IGNORECASE=TRUE}), so {@code 'CASE-1'} and {@code 'case-1'} collide as they do there.
 * Needs {@code com.h2database:h2} on the classpath (an optional dependency of the library).
 */
public final class EmbeddedDatabase implements Database {

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
        dataSource.setUser("sa");
        dataSource.setPassword("");
    }

    /**
     * A private in-memory database that lives until {@link #close()}.
     * @return the database, empty
     */
    public static EmbeddedDatabase inMemory() {
        String name = "fcn_" + UUID.randomUUID().toString().replace("-", "");
        return new EmbeddedDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2Settings.MODE,
                "embedded H2 (in memory, " + name + ")", true);
    }

    /**
     * A database in a local file ({@code .mv.db} is appended by H2); it survives the process.
     * @param path the file's path without {@code .mv.db}
     * @return the database, opened or created
     */
    public static EmbeddedDatabase file(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return new EmbeddedDatabase("jdbc:h2:file:" + absolute + ";AUTO_SERVER=FALSE" + H2Settings.MODE,
                "embedded H2 (file " + absolute + ".mv.db)", false);
    }

    /**
     * The JDBC URL: embedded databases have no credentials to hide.
     * @return the URL
     */
    public String jdbcUrl() {
        return url;
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
