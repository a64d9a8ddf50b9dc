package io.fcn.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.drift.Finding;
import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.drift.Finding.Severity;
import io.fcn.persistence.drift.SchemaDiff;
import io.fcn.persistence.engine.Database;
import io.fcn.persistence.engine.EngineFamily;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.support.AllEngines;

/** The generated classes describe the schema the migrations build, on every engine; and drift is noticed. */
@AllEngines(migrated = false)
class GeneratedSchemaMatchesDatabaseTest {

    @Test
    void theGeneratedClassesMatchTheMigratedDatabase(DataSource dataSource) {
        FcnMigrations.migrate(dataSource);

        DriftReport report = SchemaDiff.compare(SchemaReader.generated().read(),
                SchemaReader.live(dataSource).read());

        assertTrue(report.isEmpty(), report::toText);
        // The generated classes show no defaults: that is "not checkable", never drift.
        assertEquals(5, report.notCheckable().get("defaults"));
    }

    @Test
    void theLiveReaderSeesOnlyTheLibrarysTablesUnlessAsked(DataSource dataSource) {
        FcnMigrations.migrate(dataSource);

        assertEquals(List.of("fcn_idempotency_key", "fcn_lifecycle_event", "fcn_observation", "fcn_template",
                "fcn_trade"), SchemaReader.live(dataSource).read().tableNames());
        assertTrue(SchemaReader.live(dataSource, TableFilter.all()).read().tableNames()
                .contains(FcnMigrations.HISTORY_TABLE));
    }

    @Test
    void anAlteredDatabaseIsReportedByTableColumnAndBothSides(DataSource dataSource, Database database)
            throws SQLException {
        FcnMigrations.migrate(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE dbo.fcn_template ALTER COLUMN issuer VARCHAR(120) NOT NULL");
            s.execute("ALTER TABLE dbo.fcn_trade ADD note NVARCHAR(50) NULL");
            s.execute(database.family() == EngineFamily.H2
                    ? "DROP INDEX dbo.ix_fcn_trade_spec_version_status"
                    : "DROP INDEX ix_fcn_trade_spec_version_status ON dbo.fcn_trade");
        }

        DriftReport report = SchemaDiff.compare(SchemaReader.generated().read(),
                SchemaReader.live(dataSource).read());

        String widened = database.family() == EngineFamily.H2 ? "(N)VARCHAR(120)" : "VARCHAR(120)";
        String note = database.family() == EngineFamily.H2 ? "(N)VARCHAR(50) NULL" : "NVARCHAR(50) NULL";
        assertEquals(List.of(
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.COLUMN, "fcn_template.issuer", "type",
                        "(N)VARCHAR(100)", widened),
                new Finding(Severity.ERROR, Kind.MISSING, ObjectType.INDEX, "fcn_trade.ix_fcn_trade_spec_version_status",
                        null, "(spec_version, status)", null),
                new Finding(Severity.WARNING, Kind.UNEXPECTED, ObjectType.COLUMN, "fcn_trade.note", null, null, note)),
                report.findings(), report::toText);
        assertTrue(report.toText().contains("fcn_template.issuer"), report::toText);
    }
}
