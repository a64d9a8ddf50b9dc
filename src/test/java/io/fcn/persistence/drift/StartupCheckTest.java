package io.fcn.persistence.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.drift.SchemaDriftException;

/** The entry point's opt-in start-up check: fails fast under the policy, builds otherwise. */
@AllEngines(migrated = false)
class StartupCheckTest {

    @Test
    void aMatchingDatabaseStarts(DataSource dataSource) {
        FcnMigrations.migrate(dataSource);

        assertNotNull(FcnPersistence.builder(dataSource).checkSchemaOnStart(DriftPolicy.defaults()).build());
    }

    @Test
    void aDriftedDatabaseFailsFastWithTheReport(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE dbo.fcn_trade DROP COLUMN termination_date");
        }

        SchemaDriftException e = assertThrows(SchemaDriftException.class,
                () -> FcnPersistence.builder(dataSource).checkSchemaOnStart(DriftPolicy.defaults()).build());

        assertEquals("fcn_trade.termination_date", e.report().findings().get(0).path());
        assertTrue(e.getMessage().contains("fcn_trade.termination_date"), e.getMessage());
        // Report-only: the service starts, and the report goes to the log as a warning.
        assertNotNull(FcnPersistence.builder(dataSource).checkSchemaOnStart(DriftPolicy.reportOnly()).build());
    }

    @Test
    void anUnmigratedDatabaseFailsFast(DataSource dataSource) {
        SchemaDriftException e = assertThrows(SchemaDriftException.class,
                () -> FcnPersistence.builder(dataSource).checkSchemaOnStart(DriftPolicy.defaults()).build());

        assertTrue(e.report().findings().stream().anyMatch(f -> f.path().equals("migration history")),
                e.getMessage());
    }
}
