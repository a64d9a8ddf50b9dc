package io.fcn.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.exceptions.MigrationException;
import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.drift.Finding;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.catalog.BabelfishNames;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.schema.model.TableModel;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.internal.scripts.EmbeddedTranslation;

/**
 * The service's original schema (Alembic revision 20251022_0001 as SQLAlchemy renders it, fixture
 * {@code fixtures/alembic_20251022_0001.sql}, which names the revision file)
 * checked against version 20251022.0001: the report lists exactly the deliberate differences docs/adopting-an-alembic-database.md documents,
 * minus what the engine cannot show (N-ness on the embedded engine).
 */
@AllEngines(migrated = false)
class OriginalSchemaAdoptionTest {

    static void buildOriginalSchema(DataSource dataSource, Database database) throws SQLException, IOException {
        FcnMigrations.configure(dataSource); // on H2: schema dbo and SQL Server's functions
        runFixture(dataSource, database, "alembic_20251022_0001.sql");
    }

    /** Runs a T-SQL fixture: unchanged on SQL Server, through the embedded translation on H2. */
    private static void runFixture(DataSource dataSource, Database database, String name)
            throws SQLException, IOException {
        String tsql;
        try (InputStream in = OriginalSchemaAdoptionTest.class.getResourceAsStream("/fixtures/" + name)) {
            tsql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String script = database.family() == EngineFamily.H2 ? EmbeddedTranslation.toH2(tsql) : tsql;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : script.split(";\\s*\\n")) {
                String sql = statement.lines().filter(l -> !l.strip().startsWith("--"))
                        .reduce("", (a, b) -> a + b + "\n").strip();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
        }
    }

    @Test
    void theReportListsExactlyTheDeliberateDifferences(DataSource dataSource, Database database) throws Exception {
        buildOriginalSchema(dataSource, database);

        DriftReport report = DriftCheck.of(dataSource).againstVersion("20251022.0001").run();

        boolean sqlServer = database.family() == EngineFamily.SQL_SERVER;
        StringBuilder expected = new StringBuilder();
        // NVARCHAR vs VARCHAR: visible on SQL Server only (not checkable on the embedded engine).
        String idem = """
                INDEX UNEXPECTED fcn_idempotency_key.ix_fcn_idempotency_expires
                INDEX MISSING fcn_idempotency_key.ix_fcn_idempotency_key_expires_at
                INDEX UNEXPECTED fcn_idempotency_key.ix_fcn_idempotency_key_key_hash
                PRIMARY_KEY CHANGED fcn_idempotency_key.pk_fcn_idempotency_key name
                """ + (sqlServer ? "COLUMN CHANGED fcn_idempotency_key.response_snapshot type\n" : "") + """
                UNIQUE_KEY MISSING fcn_idempotency_key.uq_fcn_idempotency_key_key_hash
                """;
        expected.append(idem);
        expected.append("COLUMN CHANGED fcn_lifecycle_event.event_date type\n");
        expected.append(sqlServer ? "COLUMN CHANGED fcn_lifecycle_event.event_payload type\n" : "");
        expected.append("""
                INDEX UNEXPECTED fcn_lifecycle_event.ix_fcn_lifecycle_event_event_type
                INDEX UNEXPECTED fcn_lifecycle_event.ix_fcn_lifecycle_event_trade_id
                INDEX MISSING fcn_lifecycle_event.ix_fcn_lifecycle_event_trade_id_event_type
                INDEX UNEXPECTED fcn_lifecycle_event.ix_fcn_lifecycle_trade_type
                PRIMARY_KEY CHANGED fcn_lifecycle_event.pk_fcn_lifecycle_event name
                INDEX UNEXPECTED fcn_observation.ix_fcn_observation_trade_date
                INDEX UNEXPECTED fcn_observation.ix_fcn_observation_trade_id
                COLUMN CHANGED fcn_observation.observation_date type
                """);
        expected.append(sqlServer ? "COLUMN CHANGED fcn_observation.observation_data type\n" : "");
        expected.append("PRIMARY_KEY CHANGED fcn_observation.pk_fcn_observation name\n");
        expected.append("UNIQUE_KEY MISSING fcn_observation.uq_fcn_observation_trade_id_observation_date\n");
        expected.append(sqlServer ? "COLUMN CHANGED fcn_observation.underlying_prices type\n" : "");
        expected.append("""
                INDEX UNEXPECTED fcn_template.ix_fcn_template_spec_version
                INDEX UNEXPECTED fcn_template.ix_fcn_template_status
                INDEX UNEXPECTED fcn_template.ix_fcn_template_template_id
                """);
        // NVARCHAR(255) vs VARCHAR(255): the length matches, only the N differs.
        expected.append(sqlServer ? "COLUMN CHANGED fcn_template.name type\n" : "");
        expected.append(sqlServer ? "COLUMN CHANGED fcn_template.parameters type\n" : "");
        expected.append("""
                PRIMARY_KEY CHANGED fcn_template.pk_fcn_template name
                UNIQUE_KEY MISSING fcn_template.uq_fcn_template_template_id
                COLUMN CHANGED fcn_trade.currency type
                INDEX UNEXPECTED fcn_trade.ix_fcn_trade_spec_version
                INDEX UNEXPECTED fcn_trade.ix_fcn_trade_status
                INDEX UNEXPECTED fcn_trade.ix_fcn_trade_trade_id
                COLUMN CHANGED fcn_trade.maturity_date type
                PRIMARY_KEY CHANGED fcn_trade.pk_fcn_trade name
                COLUMN CHANGED fcn_trade.trade_date type
                """);
        expected.append(sqlServer ? "COLUMN CHANGED fcn_trade.trade_params type\n" : "");
        expected.append("UNIQUE_KEY MISSING fcn_trade.uq_fcn_trade_trade_id\n");
        expected.append("MIGRATION MISSING migration history\n");
        // The revision has no server_default: V20251022_0001's timestamp defaults are missing.
        for (String column : List.of("fcn_template.created_at", "fcn_template.updated_at", "fcn_trade.created_at",
                "fcn_trade.updated_at", "fcn_observation.created_at", "fcn_lifecycle_event.created_at",
                "fcn_idempotency_key.created_at")) {
            expected.append("DEFAULT MISSING ").append(column).append('\n');
        }

        // Babelfish keeps no declared index name: the original schema's own indexes, unknown to the library, are
        // reported under the names it shows. The report is ordered by path, and so is the expectation.
        boolean babelfish = babelfish(database);
        String expectedInOrder = expected.toString().lines()
                .map(line -> babelfish && line.startsWith("INDEX UNEXPECTED ") ? shownIndex(line) : line)
                .sorted(Comparator.comparing((String line) -> line.split(" ")[2]))
                .map(line -> line + "\n")
                .reduce("", String::concat);
        assertEquals(expectedInOrder, report.findings().stream()
                .map(f -> f.object() + " " + f.kind() + " " + f.path()
                        + (f.property() == null ? "" : " " + f.property()) + "\n")
                .reduce("", String::concat), report::toText);
        // CHAR(3) vs VARCHAR(3) is a type change on every engine; alembic_version is not the library's: ignored.
        assertEquals("CHAR(3)", report.findings().stream().filter(f -> f.path().equals("fcn_trade.currency"))
                .findFirst().orElseThrow().expected());
        assertTrue(report.findings().stream().noneMatch(f -> f.path().contains("alembic")), report::toText);
    }

    /** "INDEX UNEXPECTED table.index" with the index named as Babelfish shows it. */
    private static String shownIndex(String line) {
        String path = line.split(" ")[2];
        String table = path.substring(0, path.indexOf('.'));
        String index = path.substring(path.indexOf('.') + 1);
        return "INDEX UNEXPECTED " + table + "." + BabelfishNames.shownIndexName(index, table);
    }

    /** Babelfish (T-SQL on PostgreSQL) says so in SERVERPROPERTY; SQL Server answers NULL. */
    static boolean babelfish(Database database) throws SQLException {
        if (database.family() == EngineFamily.H2) {
            return false;
        }
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT CAST(SERVERPROPERTY('babelfish') AS int)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }


    @Test
    void theLibraryRecognisesItAsAlembicsAndRefusesToMigrateOrUndoItUntilBaselined(DataSource dataSource,
            Database database) throws Exception {
        MigrationOperations ops = MigrationOperations.on(dataSource);
        assertTrue(ops.alembic().isEmpty(), "an empty database is not Alembic's");
        buildOriginalSchema(dataSource, database);

        MigrationOperations.AlembicDatabase alembic = ops.alembic().orElseThrow();
        assertEquals(List.of("20251022_0001"), alembic.revisions());
        for (org.junit.jupiter.api.function.Executable refused : List.<org.junit.jupiter.api.function.Executable>of(
                () -> ops.migrate(null), () -> ops.undo(UndoTarget.steps(1)), () -> ops.sql(null),
                () -> ops.sqlUndo(UndoTarget.toBase()))) {
            MigrationException e = org.junit.jupiter.api.Assertions.assertThrows(MigrationException.class, refused);
            assertTrue(e.getMessage().contains(alembic.describe()) && e.getMessage().endsWith(
                    "see " + MigrationOperations.ADOPTION_GUIDE), e.getMessage());
        }
        assertTrue(ops.alembic().isPresent(), "nothing written: no history table was created");
        assertTrue(ops.driftAgainst("20251022.0001").hasErrors(), "the deliberate differences");

        ops.baseline("20251022.0001");
        assertTrue(ops.alembic().isEmpty(), "adopted: the library's history is there");
        assertEquals("20251022.0001", ops.info().currentVersion());
    }

    @Test
    void reconciledThenBaselinedItMigratesToTheLatestVersionWithoutDrift(DataSource dataSource, Database database)
            throws Exception {
        buildOriginalSchema(dataSource, database);

        // Babelfish cannot ALTER COLUMN ... NOT NULL: its variant re-creates the (empty) columns instead.
        runFixture(dataSource, database, babelfish(database) ? "alembic_20251022_0001_reconcile_babelfish.sql"
                : "alembic_20251022_0001_reconcile.sql");
        // The system-named primary keys get the library's names; their current names differ per database
        // (H2 generates upper-case CONSTRAINT_n, which the model shows in lower case).
        // Babelfish cannot rename a constraint: there the primary key is dropped and re-added under its new name.
        boolean babelfish = babelfish(database);
        for (TableModel table : SchemaReader.live(dataSource).read().tables()) {
            String pk = table.primaryKey().name();
            String wanted = "pk_" + table.name();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                if (babelfish) {
                    s.execute("ALTER TABLE dbo." + table.name() + " DROP CONSTRAINT " + pk);
                    s.execute("ALTER TABLE dbo." + table.name() + " ADD CONSTRAINT " + wanted + " PRIMARY KEY ("
                            + String.join(", ", table.primaryKey().columns()) + ")");
                } else {
                    s.execute(database.family() == EngineFamily.H2
                            ? "ALTER TABLE dbo." + table.name() + " RENAME CONSTRAINT \"" + pk.toUpperCase(java.util.Locale.ROOT)
                                    + "\" TO " + wanted
                            : "EXEC sp_rename 'dbo." + pk + "', '" + wanted + "', 'OBJECT'");
                }
            }
        }

        // The revision has no server defaults; V20251022_0001 names its timestamps' defaults. The form that adds a
        // default to an existing column differs per engine, and jOOQ's parser (the fixture's H2 path) reads neither.
        for (String column : List.of("fcn_template.created_at", "fcn_template.updated_at", "fcn_trade.created_at",
                "fcn_trade.updated_at", "fcn_observation.created_at", "fcn_lifecycle_event.created_at",
                "fcn_idempotency_key.created_at")) {
            String table = column.substring(0, column.indexOf('.'));
            String name = column.substring(column.indexOf('.') + 1);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(database.family() == EngineFamily.H2
                        ? "ALTER TABLE dbo." + table + " ALTER COLUMN " + name + " SET DEFAULT SYSDATETIMEOFFSET()"
                        : "ALTER TABLE dbo." + table + " ADD CONSTRAINT df_" + table + "_" + name
                                + " DEFAULT SYSDATETIMEOFFSET() FOR " + name);
            }
        }

        renameIndex(dataSource, database, "fcn_lifecycle_event", "ix_fcn_lifecycle_trade_type",
                "ix_fcn_lifecycle_event_trade_id_event_type", "trade_id, event_type");
        renameIndex(dataSource, database, "fcn_idempotency_key", "ix_fcn_idempotency_expires",
                "ix_fcn_idempotency_key_expires_at", "expires_at");

        DriftReport reconciled = DriftCheck.of(dataSource).againstVersion("20251022.0001").run();
        assertEquals(List.of("migration history"), reconciled.findings().stream().map(Finding::path).toList(),
                reconciled::toText);

        FcnMigrations.configure(dataSource).baselineVersion("20251022.0001").load().baseline();
        DriftReport baselined = DriftCheck.of(dataSource).againstVersion("20251022.0001").run();
        assertTrue(baselined.isEmpty(), baselined::toText);

        FcnMigrations.migrate(dataSource);
        DriftReport migrated = DriftCheck.of(dataSource).run();
        assertTrue(migrated.isEmpty(), migrated::toText);
    }

    /** Renames an index; on Babelfish, which keeps no declared index name, drops and re-creates it on {@code columns}. */
    private static void renameIndex(DataSource dataSource, Database database, String table, String from, String to,
            String columns) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (babelfish(database)) {
                s.execute("DROP INDEX " + from + " ON dbo." + table);
                s.execute("CREATE INDEX " + to + " ON dbo." + table + " (" + columns + ")");
                return;
            }
            s.execute(database.family() == EngineFamily.H2
                    ? "ALTER INDEX dbo." + from + " RENAME TO " + to
                    : "EXEC sp_rename 'dbo." + table + "." + from + "', '" + to + "', 'INDEX'");
        }
    }
}
