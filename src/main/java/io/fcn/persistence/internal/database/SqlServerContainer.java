package io.fcn.persistence.internal.database;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * SQL Server 2022 in a throwaway container, started once per JVM and shared; each caller gets a database of its
 * own on it. Testcontainers removes the container when the JVM exits. Needs Docker and
 * {@code org.testcontainers:testcontainers-mssqlserver} (an optional dependency of the library).
 */
public final class SqlServerContainer {

    public static final String IMAGE = "mcr.microsoft.com/mssql/server:2022-latest";

    private static MSSQLServerContainer container;

    private SqlServerContainer() {
    }

    /** Whether a Docker engine answers (Testcontainers caches the answer). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A fresh database on the shared container, started on first use. */
    public static synchronized SqlServerDatabase newDatabase() {
        if (container == null) {
            MSSQLServerContainer started = new MSSQLServerContainer(IMAGE)
                    .acceptLicense()
                    .withEnv("MSSQL_PID", "Express")
                    .withUrlParam("encrypt", "true")
                    .withUrlParam("trustServerCertificate", "true");
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "fcn-mssql-container-stop"));
            container = started;
        }
        return SqlServerDatabase.create(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "SQL Server container");
    }
}
