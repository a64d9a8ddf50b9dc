package io.fcn.persistence.internal.database;

import java.util.Map;
import java.util.Optional;
import io.fcn.persistence.internal.engine.SqlServerUrl;

/**
 * An external SQL Server named by {@code FCN_TEST_MSSQL_URL} (a JDBC URL) with {@code FCN_TEST_MSSQL_USER} and
 * {@code FCN_TEST_MSSQL_PASSWORD}: the hook by which tests run against a real T-SQL engine.
 */
public final class ExternalSqlServer {

    public static final String URL_VARIABLE = "FCN_TEST_MSSQL_URL";
    public static final String USER_VARIABLE = "FCN_TEST_MSSQL_USER";
    public static final String PASSWORD_VARIABLE = "FCN_TEST_MSSQL_PASSWORD";

    private final String url;
    private final String user;
    private final String password;

    private ExternalSqlServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The server the environment names, if any. */
    public static Optional<ExternalSqlServer> fromEnvironment() {
        return from(System.getenv());
    }

    static Optional<ExternalSqlServer> from(Map<String, String> env) {
        String url = env.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (!SqlServerUrl.isSqlServer(url.trim())) {
            throw new IllegalArgumentException(URL_VARIABLE + " must be a jdbc:sqlserver:// URL, got "
                    + SqlServerUrl.redact(url));
        }
        return Optional.of(new ExternalSqlServer(url.trim(), env.get(USER_VARIABLE), env.get(PASSWORD_VARIABLE)));
    }

    /** A fresh database for one test run (see {@link SqlServerDatabase#create}). */
    public SqlServerDatabase newDatabase() {
        return SqlServerDatabase.create(url, user, password, "external SQL Server");
    }

    public String description() {
        return SqlServerUrl.redact(url);
    }
}
