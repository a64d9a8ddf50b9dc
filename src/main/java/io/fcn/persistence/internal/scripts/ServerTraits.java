package io.fcn.persistence.internal.scripts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;


import io.fcn.persistence.internal.engine.DriverText;
import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * What the marked statements ({@code -- fcn:online}, {@code -- fcn:nocheck}) may use on a database: its family,
 * {@code SERVERPROPERTY('EngineEdition')} and whether {@code @@VERSION} names Babelfish.
 */
public record ServerTraits(EngineFamily family, int engineEdition, boolean babelfish) {

    /** The embedded engine: the markers are comments the H2 translation drops, nothing is rewritten. */
    public static final ServerTraits H2 = new ServerTraits(EngineFamily.H2, 0, false);

    /** A SQL Server of {@code engineEdition} (a test hook, and what {@link #read} returns). */
    public static ServerTraits sqlServer(int engineEdition) {
        return new ServerTraits(EngineFamily.SQL_SERVER, engineEdition, false);
    }

    public static ServerTraits of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return read(c);
        } catch (SQLException e) {
            throw DriverText.dataAccess("Cannot read the database edition", e);
        }
    }

    public static ServerTraits read(Connection c) throws SQLException {
        if (EngineFamily.of(c) == EngineFamily.H2) {
            return H2;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CAST(SERVERPROPERTY('EngineEdition') AS INT), @@VERSION")) {
            rs.next();
            String version = rs.getString(2);
            return new ServerTraits(EngineFamily.SQL_SERVER, rs.getInt(1),
                    version != null && version.toLowerCase(Locale.ROOT).contains("babelfish"));
        }
    }

    /**
     * {@code CREATE INDEX … WITH (ONLINE = ON)}: SQL Server Enterprise/Developer (3), Azure SQL Database (5),
     * Managed Instance (8). Babelfish rejects index options.
     */
    public boolean onlineIndexes() {
        return family == EngineFamily.SQL_SERVER && !babelfish
                && (engineEdition == 3 || engineEdition == 5 || engineEdition == 8);
    }

    /**
     * {@code WITH NOCHECK ADD CONSTRAINT} and {@code WITH CHECK CHECK CONSTRAINT}: every SQL Server edition;
     * not Babelfish (its limitations list {@code CHECK CONSTRAINT} and {@code NOCHECK CONSTRAINT}), not H2.
     */
    public boolean deferredValidation() {
        return family == EngineFamily.SQL_SERVER && !babelfish;
    }

    /** E.g. {@code SQL Server (EngineEdition 2: Standard)}, for {@code sql}'s output. */
    public String describe() {
        if (family == EngineFamily.H2) {
            return "H2 (embedded)";
        }
        return (babelfish ? "Babelfish" : "SQL Server") + " (EngineEdition " + engineEdition + ": "
                + editionName(engineEdition) + ")";
    }

    /** The name Microsoft documents for a {@code SERVERPROPERTY('EngineEdition')} value. */
    public static String editionName(int engineEdition) {
        return switch (engineEdition) {
            case 1 -> "Personal or Desktop Engine";
            case 2 -> "Standard";
            case 3 -> "Enterprise or Developer";
            case 4 -> "Express";
            case 5 -> "Azure SQL Database";
            case 6 -> "Azure Synapse Analytics";
            case 8 -> "Azure SQL Managed Instance";
            case 9 -> "Azure SQL Edge";
            case 11 -> "Azure Synapse serverless SQL pool";
            default -> "unknown";
        };
    }

    /** One line saying which form each marker runs in here. */
    public String markerForms() {
        return describe() + ": -- fcn:online runs " + (onlineIndexes() ? "WITH (ONLINE = ON)" : "as written (offline)")
                + ", -- fcn:nocheck runs " + (deferredValidation()
                        ? "WITH NOCHECK, then WITH CHECK CHECK CONSTRAINT" : "as written (validated at once)");
    }
}
