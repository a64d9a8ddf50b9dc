package io.fcn.persistence.testkit;

import java.util.Optional;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.embedded.EmbeddedDatabase;
import io.fcn.persistence.internal.database.ExternalSqlServer;
import io.fcn.persistence.internal.database.SqlServerContainer;

/** The engines a test can run on, and whether each is available on this machine. */
public enum TestEngine {

    /** H2 in SQL Server mode, in memory: always available. */
    EMBEDDED("embedded H2"),
    /** SQL Server 2022 in a Testcontainers container: needs a Docker engine. */
    SQL_SERVER_CONTAINER("SQL Server container"),
    /** The SQL Server named by {@code FCN_TEST_MSSQL_URL}. */
    EXTERNAL_SQL_SERVER("external SQL Server");

    private final String label;

    TestEngine(String label) {
        this.label = label;
    }

    /** {@return the engine's name, for people} */
    public String label() {
        return label;
    }

    /**
     * Why this engine cannot run here, or empty when it can.
     * @return the reason, or empty
     */
    public Optional<String> unavailableReason() {
        return switch (this) {
            case EMBEDDED -> Optional.empty();
            case SQL_SERVER_CONTAINER -> SqlServerContainer.dockerAvailable()
                    ? Optional.empty()
                    : Optional.of("no Docker engine found");
            case EXTERNAL_SQL_SERVER -> ExternalSqlServer.fromEnvironment().isPresent()
                    ? Optional.empty()
                    : Optional.of(ExternalSqlServer.URL_VARIABLE + " is not set");
        };
    }

    /**
     * A new, empty database on this engine; close it to drop it.
     * @return the database
     */
    public Database open() {
        return switch (this) {
            case EMBEDDED -> EmbeddedDatabase.inMemory();
            case SQL_SERVER_CONTAINER -> SqlServerContainer.newDatabase();
            case EXTERNAL_SQL_SERVER -> ExternalSqlServer.fromEnvironment()
                    .orElseThrow(() -> new IllegalStateException(ExternalSqlServer.URL_VARIABLE + " is not set"))
                    .newDatabase();
        };
    }
}
