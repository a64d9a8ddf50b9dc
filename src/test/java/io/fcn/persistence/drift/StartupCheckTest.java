package io.fcn.persistence.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.support.LogCapture;
import io.fcn.persistence.drift.SchemaDriftException;

/** The entry point's opt-in start-up check: fails fast under the policy, builds otherwise. */
@AllEngines(migrated = false)
class StartupCheckTest {

    /** Where DriftCheck.checkOnStart logs (System.Logger, here backed by java.util.logging). */
    private static final String DRIFT_LOGGER = "io.fcn.persistence.drift";

    @Test
    void aMatchingDatabaseStarts(DataSource dataSource) {
        FcnMigrations.migrate(dataSource);

        try (LogCapture log = LogCapture.of(DRIFT_LOGGER)) {
            assertNotNull(FcnPersistence.builder(dataSource).checkSchemaOnStart(DriftPolicy.defaults()).build());
            assertEquals(List.of(), log.atLeast(Level.WARNING), "nothing to warn about");
        }
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
        try (LogCapture log = LogCapture.of(DRIFT_LOGGER)) {
            assertNotNull(FcnPersistence.builder(dataSource).checkSchemaOnStart(DriftPolicy.reportOnly()).build());
            List<LogRecord> warnings = log.atLeast(Level.WARNING);
            assertEquals(1, warnings.size(), "one warning with the whole report");
            assertEquals(Level.WARNING, warnings.get(0).getLevel());
            assertTrue(warnings.get(0).getMessage().contains("fcn_trade.termination_date"),
                    warnings.get(0).getMessage());
        }
    }

    @Test
    void anUnmigratedDatabaseFailsFast(DataSource dataSource) {
        SchemaDriftException e = assertThrows(SchemaDriftException.class,
                () -> FcnPersistence.builder(dataSource).checkSchemaOnStart(DriftPolicy.defaults()).build());

        assertTrue(e.report().findings().stream().anyMatch(f -> f.path().equals("migration history")),
                e.getMessage());
    }
}
