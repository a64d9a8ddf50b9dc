package io.fcn.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;
import io.fcn.persistence.exceptions.MisuseException;

/** The per-version snapshots the build ships: what they know, and that a migrated database matches them. */
@AllEngines(migrated = false)
class ExpectedSchemasTest {

    @Test
    void theShippedLatestSnapshotMatchesAMigratedDatabase(DataSource dataSource) {
        FcnMigrations.migrate(dataSource);

        long start = System.nanoTime();
        DriftReport report = DriftCheck.of(dataSource).run();
        long first = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        DriftReport again = DriftCheck.of(dataSource).run();
        long second = (System.nanoTime() - start) / 1_000_000;

        assertTrue(report.isEmpty(), report::toText);
        assertEquals(report, again);
        // A measurement for people, not an assertion.
        System.out.println("[fcn-persistence] drift check (structure + history, 5 tables): first " + first
                + " ms, then " + second + " ms");
    }

    @Test
    void aScriptSetGivesTheSnapshotForTheJarsVersionsAndDerivesADirectorysVersion(@TempDir Path dir)
            throws Exception {
        for (String version : ExpectedSchemas.versions()) {
            assertEquals(ExpectedSchemas.forVersion(version), ExpectedSchemas.forVersion(ScriptSet.classpath(),
                    version));
        }
        Files.writeString(dir.resolve("V20261125_0004__note.sql"),
                "ALTER TABLE dbo.fcn_trade ADD note NVARCHAR(200) NULL;\n");
        ScriptSet withDir = ScriptSet.classpath().withDirectories(dir, dir);

        SchemaModel v4 = ExpectedSchemas.forVersion(withDir, "20261125.0004");

        assertEquals("NVARCHAR(200) NULL", v4.table("fcn_trade").orElseThrow().column("note").orElseThrow()
                .describe());
        assertEquals(ExpectedSchemas.latest(), ExpectedSchemas.forVersion(withDir, MigrationScripts.latestVersion()));
        assertThrows(MisuseException.class, () -> ExpectedSchemas.forVersion(withDir, "20261126.0005"));
    }

    @Test
    void eachVersionsSnapshotMatchesADatabaseMigratedToIt(DataSource dataSource) {
        for (String version : ExpectedSchemas.versions()) {
            FcnMigrations.migrate(dataSource, version);
            DriftReport report = DriftCheck.of(dataSource).againstVersion(version).run();
            assertTrue(report.isEmpty(), () -> version + ": " + report.toText());
        }
    }

    @Test
    void theSnapshotKnowsWhatTheGeneratedClassesLose(DataSource dataSource) {
        SchemaModel latest = ExpectedSchemas.latest();
        TableModel template = latest.table("fcn_template").orElseThrow();

        assertEquals("NVARCHAR(255) NOT NULL", template.column("name").orElseThrow().describe());
        assertEquals("VARCHAR(100) NOT NULL", template.column("template_id").orElseThrow().describe());
        assertEquals("NVARCHAR(MAX) NOT NULL", template.column("parameters").orElseThrow().describe());
        assertEquals("DATETIMEOFFSET(7) NOT NULL", template.column("created_at").orElseThrow().describe());
        assertEquals(new DefaultModel("created_at", "df_fcn_template_created_at", "sysdatetimeoffset()"),
                template.defaultOf("created_at").orElseThrow());
        assertEquals(new DefaultModel("state", "df_fcn_idempotency_key_state", "'completed'"),
                latest.table("fcn_idempotency_key").orElseThrow().defaultOf("state").orElseThrow());
        assertEquals(List.of("ck_fcn_template_deprecation", "ck_fcn_template_parameters_json",
                "ck_fcn_template_status"), template.checks().stream().map(CheckModel::name).toList());
        assertEquals("status in ('draft','active','deprecated')", template.checks().get(2).expression());
        // The rename-and-swap of V20251101_0002 left the response columns nullable, in place of the old ones.
        assertEquals("INT NULL", latest.table("fcn_idempotency_key").orElseThrow().column("response_status")
                .orElseThrow().describe());
        // The check names are the ones a migrated database has.
        FcnMigrations.migrate(dataSource);
        SchemaModel live = SchemaReader.live(dataSource).read();
        for (TableModel table : latest.tables()) {
            assertEquals(table.checks().stream().map(CheckModel::name).toList(),
                    live.table(table.name()).orElseThrow().checks().stream().map(CheckModel::name).toList());
        }
    }
}
