package io.fcn.persistence.internal.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;


import io.fcn.persistence.internal.engine.DriverText;
import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * Whether the login may read the definitions a catalog reader needs. On SQL Server, without VIEW DEFINITION the
 * catalog views hide objects or return NULL definitions, which would read as missing objects; the drift check asks
 * here first and reports the missing privilege instead. The embedded engine always shows everything.
 */
public final class CatalogPrivileges {

    /** HAS_PERMS_BY_NAME answers for the current login, where the engine knows the permission. */
    private static final String GRANTED = "SELECT HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'VIEW DEFINITION')";
    /** NULL definitions of visible rows prove the same; counted here because Babelfish fails a WHERE on them. */
    private static final String DEFINITIONS = """
            SELECT definition FROM sys.check_constraints
            UNION ALL
            SELECT definition FROM sys.default_constraints""";

    private CatalogPrivileges() {
    }

    /** Why the catalog cannot be read in full, or empty when it can. */
    public static Optional<String> missing(DataSource dataSource) {
        if (EngineFamily.of(dataSource) != EngineFamily.SQL_SERVER) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean granted = true;
            if (SqlServerCatalog.Shows.of(c).viewDefinitionGrant()) {
                try (ResultSet rs = s.executeQuery(GRANTED)) {
                    granted = rs.next() && rs.getInt(1) == 1;
                }
            }
            int hidden = 0;
            try (ResultSet rs = s.executeQuery(DEFINITIONS)) {
                while (rs.next()) {
                    if (rs.getString(1) == null) {
                        hidden++;
                    }
                }
            }
            if (!granted || hidden > 0) {
                return Optional.of("VIEW DEFINITION not granted" + (hidden > 0 ? " (" + hidden
                        + " constraint definitions hidden)" : "") + ": the schema cannot be compared");
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw DriverText.dataAccess("Cannot read catalog privileges", e);
        }
    }
}
