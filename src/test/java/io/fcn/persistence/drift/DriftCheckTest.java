package io.fcn.persistence.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.drift.Finding.Severity;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.internal.catalog.BabelfishNames;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.drift.SchemaDriftException;

/**
 * Each kind of drift on a migrated database is detected and named, and nothing else is reported. Every test gets a
 * fresh, empty database and migrates it itself.
 */
@AllEngines(migrated = false)
class DriftCheckTest {

    private static final String LATEST = "20261124.0003";

    private static void sql(DataSource dataSource, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static boolean h2(Database database) {
        return database.family() == EngineFamily.H2;
    }

    /** Babelfish (T-SQL on PostgreSQL) says so in SERVERPROPERTY; SQL Server answers NULL. */
    private static boolean babelfish(Database database) throws SQLException {
        if (h2(database)) {
            return false;
        }
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CAST(SERVERPROPERTY('babelfish') AS int)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    /** The report has exactly these findings (ignoring their expected/actual text, asserted where it matters). */
    private static void assertFindings(DriftReport report, String... objectKindPaths) {
        assertEquals(List.of(objectKindPaths), report.findings().stream()
                .map(f -> f.object() + " " + f.kind() + " " + f.path()
                        + (f.property() == null ? "" : " " + f.property())).toList(), report::toText);
    }

    @Test
    void aCleanDatabaseHasAnEmptyReport(DataSource dataSource) {
        FcnMigrations.migrate(dataSource);

        DriftReport report = DriftCheck.of(dataSource).assertClean();

        assertTrue(report.isEmpty(), report::toText);
        assertTrue(report.expectedSource().contains(LATEST), report.expectedSource());
    }

    @Test
    void droppedIndex(DataSource dataSource, Database database) throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, h2(database) ? "DROP INDEX dbo.ix_fcn_trade_status_id"
                : "DROP INDEX ix_fcn_trade_status_id ON dbo.fcn_trade");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "INDEX MISSING fcn_trade.ix_fcn_trade_status_id");
        assertEquals("(status, id)", report.findings().get(0).expected());
        assertTrue(report.hasErrors());
        assertThrows(SchemaDriftException.class, () -> DriftCheck.of(dataSource).assertClean());
    }

    @Test
    void extraIndexIsAWarningThatPassesTheDefaultPolicy(DataSource dataSource, Database database)
            throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, "CREATE INDEX ix_local_hint ON dbo.fcn_trade (currency)");
        // Babelfish keeps no declared name of an index; one the library does not know is reported as shown.
        String shown = babelfish(database) ? BabelfishNames.shownIndexName("ix_local_hint", "fcn_trade")
                : "ix_local_hint";

        DriftReport report = DriftCheck.of(dataSource).assertClean();

        assertFindings(report, "INDEX UNEXPECTED fcn_trade." + shown);
        assertEquals(Severity.WARNING, report.findings().get(0).severity());
        assertThrows(SchemaDriftException.class,
                () -> DriftCheck.of(dataSource).policy(DriftPolicy.defaults().failOn(ObjectType.INDEX,
                        Kind.UNEXPECTED)).assertClean());
        assertTrue(DriftCheck.of(dataSource).ignoring("fcn_trade." + shown).run().isEmpty());
    }

    @Test
    void widenedVarchar(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        // Drop and re-add (the table is empty): Babelfish has no ALTER COLUMN ... [NOT] NULL.
        sql(dataSource, "ALTER TABLE dbo.fcn_template DROP COLUMN issuer",
                "ALTER TABLE dbo.fcn_template ADD issuer VARCHAR(150) NOT NULL");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "COLUMN CHANGED fcn_template.issuer type");
        assertTrue(report.findings().get(0).expected().endsWith("VARCHAR(100)"), report::toText);
        assertTrue(report.findings().get(0).actual().endsWith("VARCHAR(150)"), report::toText);
    }

    @Test
    void changedDecimalScale(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, "ALTER TABLE dbo.fcn_trade DROP CONSTRAINT ck_fcn_trade_notional_positive",
                "ALTER TABLE dbo.fcn_trade DROP COLUMN notional",
                "ALTER TABLE dbo.fcn_trade ADD notional DECIMAL(18,2) NOT NULL",
                "ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_notional_positive CHECK (notional > 0)");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "COLUMN CHANGED fcn_trade.notional type");
        assertEquals("DECIMAL(18,4)", report.findings().get(0).expected());
        assertEquals("DECIMAL(18,2)", report.findings().get(0).actual());
    }

    @Test
    void nullabilityChange(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, "ALTER TABLE dbo.fcn_template DROP COLUMN issuer",
                "ALTER TABLE dbo.fcn_template ADD issuer VARCHAR(100) NULL");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "COLUMN CHANGED fcn_template.issuer nullable");
        assertEquals("NOT NULL", report.findings().get(0).expected());
        assertEquals("NULL", report.findings().get(0).actual());
    }

    @Test
    void extraColumn(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, "ALTER TABLE dbo.fcn_trade ADD desk VARCHAR(30) NOT NULL");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "COLUMN UNEXPECTED fcn_trade.desk");
        // NOT NULL without a default breaks the library's inserts: an error, not a warning.
        assertEquals(Severity.ERROR, report.findings().get(0).severity());
    }

    @Test
    void missingColumn(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, "ALTER TABLE dbo.fcn_trade DROP COLUMN termination_date");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "COLUMN MISSING fcn_trade.termination_date");
        assertEquals("DATE NULL", report.findings().get(0).expected());
    }

    @Test
    void droppedForeignKey(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, "ALTER TABLE dbo.fcn_observation DROP CONSTRAINT fk_fcn_observation_trade");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "FOREIGN_KEY MISSING fcn_observation.fk_fcn_observation_trade");
        assertEquals("(trade_id) -> fcn_trade(trade_id)", report.findings().get(0).expected());
    }

    @Test
    void renamedConstraint(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        // Drop and re-add under the new name, same definition: Babelfish cannot rename a constraint.
        sql(dataSource, "ALTER TABLE dbo.fcn_trade DROP CONSTRAINT ck_fcn_trade_currency",
                "ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_trade_ccy CHECK ("
                        + "ASCII(SUBSTRING(currency, 1, 1)) BETWEEN 65 AND 90"
                        + " AND ASCII(SUBSTRING(currency, 2, 1)) BETWEEN 65 AND 90"
                        + " AND ASCII(SUBSTRING(currency, 3, 1)) BETWEEN 65 AND 90)");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "CHECK MISSING fcn_trade.ck_fcn_trade_currency", "CHECK UNEXPECTED fcn_trade.ck_trade_ccy");
    }

    @Test
    void editedAppliedMigration(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, "UPDATE dbo." + FcnMigrations.HISTORY_TABLE
                + " SET checksum = checksum + 1 WHERE version = '20251101.0002'");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "MIGRATION CHANGED migration 20251101.0002 checksum");
    }

    @Test
    void pendingMigration(DataSource dataSource) {
        FcnMigrations.migrate(dataSource, "20251101.0002");

        DriftReport report = DriftCheck.of(dataSource).againstLatest().run();

        // The structure lacks the five list indexes of the pending migration, and the history says why.
        assertFindings(report,
                "INDEX MISSING fcn_lifecycle_event.ix_fcn_lifecycle_event_event_date_id",
                "INDEX MISSING fcn_lifecycle_event.ix_fcn_lifecycle_event_trade_id_id",
                "INDEX MISSING fcn_template.ix_fcn_template_spec_version_id",
                "INDEX MISSING fcn_template.ix_fcn_template_status_id",
                "INDEX MISSING fcn_trade.ix_fcn_trade_status_id",
                "MIGRATION MISSING migration 20261124.0003");
        assertTrue(DriftCheck.of(dataSource).againstVersion("20251101.0002").run().isEmpty());
    }

    @Test
    void failedMigration(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, "UPDATE dbo." + FcnMigrations.HISTORY_TABLE
                + " SET success = 0 WHERE version = '20261124.0003'");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "MIGRATION CHANGED migration 20261124.0003 state");
    }

    @Test
    void databaseNewerThanTheJar(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, "INSERT INTO dbo." + FcnMigrations.HISTORY_TABLE
                + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time,"
                + " success) VALUES (99, '20991231.0001', 'from the future', 'SQL', 'V20991231_0001__f.sql', 1,"
                + " 'test', 1, 1)");

        DriftReport report = DriftCheck.of(dataSource).run();

        assertFindings(report, "MIGRATION UNEXPECTED migration 20991231.0001");
        assertTrue(report.findings().get(0).actual().contains("newer than the library"), report::toText);
        assertFalse(DriftCheck.of(dataSource).policy(DriftPolicy.defaults().reportOnly(ObjectType.MIGRATION))
                .run().failsUnder(DriftPolicy.defaults().reportOnly(ObjectType.MIGRATION)));
    }

    @Test
    void theJsonReportNamesEachFinding(DataSource dataSource) throws SQLException {
        FcnMigrations.migrate(dataSource);
        sql(dataSource, "ALTER TABLE dbo.fcn_trade DROP COLUMN termination_date");

        String json = DriftCheck.of(dataSource).run().toJson();

        assertTrue(json.contains("\"path\":\"fcn_trade.termination_date\""), json);
        assertTrue(json.contains("\"kind\":\"MISSING\""), json);
    }
}
