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
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.internal.catalog.BabelfishNames;
import io.fcn.persistence.schema.model.TableFilter;

/** The generated classes describe the schema the migrations build, on every engine; and drift is noticed. */
@AllEngines(migrated = false)
class GeneratedSchemaMatchesDatabaseTest {

    @Test
    void theGeneratedClassesMatchTheMigratedDatabase(DataSource dataSource, Database database) {
        FcnMigrations.migrate(dataSource);

        DriftReport report = DriftReport.compare(SchemaReader.generated().read(),
                SchemaReader.live(dataSource).read());

        assertTrue(report.isEmpty(), report::toText);
        // The generated classes show no defaults: that is "not checkable", never drift.
        assertEquals(5, report.notCheckable().get("defaults"));
        // Nor is Babelfish's DATETIMEOFFSET(6) for a declared (7): it cannot show the declared digits.
        assertEquals(!Engine.of(database).showsFractionalSecondsScale(),
                report.notCheckable().containsKey("column.scale"), report::toText);
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
        Engine engine = Engine.of(database);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // Widened by re-creating it (the table is empty): Babelfish refuses ALTER COLUMN … NOT NULL, and
            // without the clause SQL Server would make the column nullable as well.
            s.execute("ALTER TABLE dbo.fcn_template DROP COLUMN issuer");
            s.execute("ALTER TABLE dbo.fcn_template ADD issuer VARCHAR(120) NOT NULL");
            s.execute("ALTER TABLE dbo.fcn_trade ADD note NVARCHAR(50) NULL");
            s.execute(dropIndex(engine, "ix_fcn_trade_spec_version_status", "fcn_trade"));
            s.execute(dropIndex(engine, "ix_fcn_trade_status_id", "fcn_trade"));
            s.execute("CREATE INDEX ix_fcn_trade_status_id ON dbo.fcn_trade (status, trade_date)");
            s.execute("CREATE INDEX ix_fcn_trade_note ON dbo.fcn_trade (note)");
        }

        DriftReport report = DriftReport.compare(SchemaReader.generated().read(),
                SchemaReader.live(dataSource).read());

        String widened = engine.showsNationalTypes() ? "VARCHAR(120)" : "(N)VARCHAR(120)";
        String note = engine.showsNationalTypes() ? "NVARCHAR(50) NULL" : "(N)VARCHAR(50) NULL";
        // An index the library does not know keeps the name the engine shows: Babelfish's internal one.
        String byHand = engine == Engine.BABELFISH
                ? BabelfishNames.shownIndexName("ix_fcn_trade_note", "fcn_trade") : "ix_fcn_trade_note";
        assertEquals(List.of(
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.COLUMN, "fcn_template.issuer", "type",
                        "(N)VARCHAR(100)", widened),
                new Finding(Severity.WARNING, Kind.UNEXPECTED, ObjectType.INDEX, "fcn_trade." + byHand, null, null,
                        "(note)"),
                new Finding(Severity.ERROR, Kind.MISSING, ObjectType.INDEX, "fcn_trade.ix_fcn_trade_spec_version_status",
                        null, "(spec_version, status)", null),
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.INDEX, "fcn_trade.ix_fcn_trade_status_id",
                        "columns", "(status, id)", "(status, trade_date)"),
                new Finding(Severity.WARNING, Kind.UNEXPECTED, ObjectType.COLUMN, "fcn_trade.note", null, null, note)),
                report.findings(), report::toText);
        assertTrue(report.toText().contains("fcn_template.issuer"), report::toText);
    }

    private static String dropIndex(Engine engine, String index, String table) {
        return engine == Engine.H2 ? "DROP INDEX dbo." + index : "DROP INDEX " + index + " ON dbo." + table;
    }
}
