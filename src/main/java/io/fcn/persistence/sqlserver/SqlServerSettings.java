package io.fcn.persistence.sqlserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import io.fcn.persistence.internal.engine.SqlServerUrl;
import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * The mssql-jdbc connection settings the library recommends for SQL Server, and the check of a live connection.
 *
 * <p>{@code sendStringParametersAsUnicode=false}: the business keys ({@code trade_id}, {@code template_id},
 * {@code key_hash}) are VARCHAR, and a string parameter sent as NVARCHAR (the driver's default) makes SQL Server
 * convert the column instead of the parameter: an index scan where a seek was meant (with the {@code SQL_*}
 * collations, the default {@code SQL_Latin1_General_CP1_CI_AS} among them). With the setting, plain strings
 * go as VARCHAR; the library binds its NVARCHAR columns (names, JSON) as national strings ({@code setNString}), so
 * Thai text and emoji keep their characters.
 *
 * <pre>{@code
 * String url = SqlServerSettings.applyTo("jdbc:sqlserver://db:1433;databaseName=fcn;encrypt=true");
 * // or, for a pool configured with data source properties:
 * SqlServerSettings.recommended().forEach(hikariConfig::addDataSourceProperty);
 * }</pre>
 *
 * <p>{@code disableStatementPooling=false;statementPoolingCacheSize=}{@value #STATEMENT_POOLING_CACHE_SIZE}: the
 * driver keeps the server's prepared handle of each statement text per physical connection and re-executes it
 * ({@code sp_execute}) instead of preparing the statement again on every call ({@code sp_prepexec}); a pooled
 * connection then prepares each of the library's statements once. The cache is a per-connection LRU of
 * {@value #STATEMENT_POOLING_CACHE_SIZE} texts: the library sends about 75 distinct statement texts (40 of them
 * its lists: 10 filters × first page, next page, count, numbered page; docs/sql-server.md counts them), which
 * leaves room for some 180 of a service's own before a handle is evicted and prepared again. Leave {@code prepareMethod}
 * at its default ({@code prepexec}); docs/sql-server.md lists the driver's known limits of statement pooling.
 *
 * <p>Not recommended: {@code useBulkCopyForBatchInsert}. The library's own batch insert (observations) turns it off
 * on its connection for the batch ({@link #withoutBulkCopyForBatchInsert}); docs/sql-server.md says why.
 */
public final class SqlServerSettings {

    /** The mssql-jdbc property the library recommends setting to {@code false}. */
    public static final String SEND_STRING_PARAMETERS_AS_UNICODE = "sendStringParametersAsUnicode";

    /** The mssql-jdbc property the library recommends setting to {@code false}: statement pooling on. */
    public static final String DISABLE_STATEMENT_POOLING = "disableStatementPooling";

    /** The mssql-jdbc property that sizes the per-connection cache of prepared statement handles. */
    public static final String STATEMENT_POOLING_CACHE_SIZE_PROPERTY = "statementPoolingCacheSize";

    /**
     * The recommended cache size: the library's ~75 distinct statements and some 180 of a service's own (a
     * power of two).
     */
    public static final int STATEMENT_POOLING_CACHE_SIZE = 256;

    private static final Map<String, String> RECOMMENDED;

    static {
        Map<String, String> recommended = new LinkedHashMap<>();
        recommended.put(SEND_STRING_PARAMETERS_AS_UNICODE, "false");
        recommended.put(DISABLE_STATEMENT_POOLING, "false");
        recommended.put(STATEMENT_POOLING_CACHE_SIZE_PROPERTY, Integer.toString(STATEMENT_POOLING_CACHE_SIZE));
        RECOMMENDED = Collections.unmodifiableMap(recommended);
    }

    /**
     * The probe, one round trip: how the server received two string parameters. On SQL Server a one-letter string
     * is 2 bytes long as NVARCHAR and 1 as VARCHAR, whatever the collation (UTF-8 ones included). Babelfish (T-SQL
     * over PostgreSQL) counts UTF-8 bytes and calls every parameter 'varchar' in SQL_VARIANT_PROPERTY, so there the
     * probe asks whether a Thai letter arrived intact (code point 3585) or as '?' (63).
     */
    static final String PROBE = "SELECT DATALENGTH(?), UNICODE(?), CAST(SERVERPROPERTY('babelfish') AS INT)";
    private static final String THAI_KO_KAI = "\u0E01";

    private SqlServerSettings() {
    }

    /**
     * The recommended connection properties (name → value), in the order {@link #applyTo} appends them.
     * @return the properties, unmodifiable
     */
    public static Map<String, String> recommended() {
        return RECOMMENDED;
    }

    /**
     * {@code jdbcUrl} with each recommended property the URL does not set yet appended; a property the URL already
     * sets (in any letter case) keeps the URL's value, and {@link #check} reports it.
     * @param jdbcUrl a {@code jdbc:sqlserver:} URL
     * @return the URL with the recommended properties
     */
    public static String applyTo(String jdbcUrl) {
        return withProperties(jdbcUrl, RECOMMENDED, false);
    }

    /**
     * {@code jdbcUrl} with {@code properties} set: a property the URL already sets is replaced when
     * {@code replace}, kept otherwise; the others are appended.
     * @param jdbcUrl a {@code jdbc:sqlserver:} URL
     * @param properties the properties to set
     * @param replace whether a property the URL sets already is replaced
     * @return the URL with the properties
     */
    public static String withProperties(String jdbcUrl, Map<String, String> properties, boolean replace) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!SqlServerUrl.isSqlServer(jdbcUrl.strip())) {
            throw new IllegalArgumentException("Not a jdbc:sqlserver: URL: " + SqlServerUrl.redact(jdbcUrl));
        }
        List<String> parts = split(jdbcUrl.strip());
        Map<String, String> missing = new LinkedHashMap<>(properties);
        for (int i = 1; i < parts.size(); i++) {
            String part = parts.get(i);
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).strip();
            for (Map.Entry<String, String> p : properties.entrySet()) {
                if (p.getKey().equalsIgnoreCase(name)) {
                    missing.remove(p.getKey());
                    if (replace) {
                        parts.set(i, p.getKey() + "=" + p.getValue());
                    }
                }
            }
        }
        missing.forEach((name, value) -> parts.add(name + "=" + value));
        return String.join(";", parts.stream().filter(p -> !p.isBlank()).toList());
    }

    /** The URL's parts at its top-level semicolons; braces ({@code password={a;b}}) protect theirs. */
    private static List<String> split(String url) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean braced = false;
        for (char ch : url.toCharArray()) {
            if (ch == '{') {
                braced = true;
            } else if (ch == '}') {
                braced = false;
            }
            if (ch == ';' && !braced) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /**
     * What a live connection does with the recommended settings: on mssql-jdbc, one round trip ({@link #PROBE})
     * for the strings, and the driver's own state for statement pooling; on H2 (which has no such settings) none.
     * The connection is left as it was.
     *
     * @param connection an open connection
     * @return what it does
     * @throws SQLException the probe failed
     */
    public static ConnectionCheck check(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(ISQLServerConnection.class)) {
            return new ConnectionCheck(EngineFamily.of(connection), false, false);
        }
        boolean pooling = connection.unwrap(ISQLServerConnection.class).isStatementPoolingEnabled();
        try (PreparedStatement probe = connection.prepareStatement(PROBE)) {
            probe.setString(1, "a");
            probe.setString(2, THAI_KO_KAI);
            try (ResultSet rs = probe.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("The settings probe returned no row");
                }
                boolean babelfish = rs.getInt(3) == 1;
                boolean unicode = babelfish ? rs.getInt(2) == THAI_KO_KAI.codePointAt(0) : rs.getInt(1) == 2;
                return new ConnectionCheck(EngineFamily.SQL_SERVER, unicode, !pooling);
            }
        }
    }

    /** Work on a connection that may throw anything JDBC throws. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        /**
         * Runs the work.
         * @return its result
         * @throws SQLException what JDBC threw
         */
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} with mssql-jdbc's bulk-copy path for batch inserts off on {@code connection}, and restores
     * the connection's setting afterwards (pools hand the connection to others). The driver reads the setting when a
     * statement is prepared, so {@code work} must prepare its statements on this connection. Other drivers: runs
     * {@code work} as it is.
     *
     * <p>Why off: that path skips CHECK and FOREIGN KEY constraints unless {@code
     * bulkCopyForBatchInsertCheckConstraints=true}, and reports every failure without SQLState and error number,
     * so a duplicate key or a missing trade can no longer be told apart from other errors.
     * @param <T> the work's result type
     * @param connection the connection the work runs on
     * @param work the work, which prepares its statements on {@code connection}
     * @return the work's result
     * @throws SQLException what the work or the driver threw
     */
    public static <T> T withoutBulkCopyForBatchInsert(Connection connection, ConnectionWork<T> work)
            throws SQLException {
        if (!connection.isWrapperFor(ISQLServerConnection.class)) {
            return work.run();
        }
        ISQLServerConnection sqlServer = connection.unwrap(ISQLServerConnection.class);
        boolean was = sqlServer.getUseBulkCopyForBatchInsert();
        if (!was) {
            return work.run();
        }
        sqlServer.setUseBulkCopyForBatchInsert(false);
        try {
            return work.run();
        } finally {
            sqlServer.setUseBulkCopyForBatchInsert(true);
        }
    }
}
