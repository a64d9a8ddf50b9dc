package io.fcn.persistence.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.drift.Finding.Severity;
import io.fcn.persistence.migration.MigrationOperations;
import io.fcn.persistence.support.AllEngines;

/**
 * A version only a project directory knows is drift-checked against the schema its files derive (issue 14, point
 * 5), not skipped: a draft applied from the directory is checked like the jar's own migrations.
 */
@AllEngines(migrated = false)
class DirectoryDriftTest {

    private static final String V4 = "20261125.0004";

    private static final String NOTES = """
            -- A project's draft: notes on a trade.
            CREATE TABLE dbo.fcn_trade_note (
                id          INT IDENTITY(1,1) NOT NULL,
                trade_id    VARCHAR(100)      NOT NULL,
                note        NVARCHAR(400)     NOT NULL,
                pinned      BIT               NOT NULL CONSTRAINT df_fcn_trade_note_pinned DEFAULT 0,
                created_at  DATETIMEOFFSET(7) NOT NULL CONSTRAINT df_fcn_trade_note_created_at DEFAULT SYSDATETIMEOFFSET(),
                CONSTRAINT pk_fcn_trade_note PRIMARY KEY CLUSTERED (id),
                CONSTRAINT fk_fcn_trade_note_trade FOREIGN KEY (trade_id) REFERENCES dbo.fcn_trade (trade_id)
            );

            CREATE INDEX ix_fcn_trade_note_trade_id_id ON dbo.fcn_trade_note (trade_id, id);
            """;

    private static Path project(Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(migrations.resolve("V20261125_0004__trade_notes.sql"), NOTES);
        return migrations;
    }

    @Test
    void aDirectoryVersionIsCheckedCleanThenDriftAfterAColumnIsDropped(DataSource dataSource, @TempDir Path dir)
            throws Exception {
        Path migrations = project(dir);
        Path rollbacks = dir.resolve("db/rollback");
        MigrationOperations ops = MigrationOperations.on(dataSource).withProjectDirectories(migrations, rollbacks);
        ops.migrate(null);
        assertEquals(V4, ops.info().currentVersion());

        DriftCheck check = DriftCheck.of(dataSource).withProjectDirectories(migrations, rollbacks);
        assertEquals(V4, check.version(), "the latest version is the directory's");
        DriftReport clean = check.run();
        assertTrue(clean.isEmpty(), clean::toText);
        assertTrue(clean.expectedSource().contains(V4), clean.expectedSource());
        MigrationOperations.CheckResult result = ops.check();
        assertTrue(result.drift().isPresent(), "checked, not skipped");
        assertTrue(result.drift().get().isEmpty(), () -> result.drift().get().toText());
        assertFalse(result.drifted());

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE dbo.fcn_trade_note DROP COLUMN note");
        }

        DriftReport drifted = DriftCheck.of(dataSource).withProjectDirectories(migrations, rollbacks).run();
        assertEquals(List.of(new Finding(Severity.ERROR, Kind.MISSING, ObjectType.COLUMN, "fcn_trade_note.note", null,
                "NVARCHAR(400) NOT NULL", null)), drifted.findings(), drifted::toText);
        MigrationOperations.CheckResult after = ops.check();
        assertTrue(after.drifted(), () -> after.drift().map(DriftReport::toText).orElse("no drift report"));
        assertEquals(drifted.findings(), after.drift().orElseThrow().findings());
    }

    @Test
    void withoutTheDirectoryTheVersionIsUnknownToTheJar(DataSource dataSource, @TempDir Path dir) throws Exception {
        Path migrations = project(dir);
        MigrationOperations.on(dataSource).withProjectDirectories(migrations, dir.resolve("db/rollback"))
                .migrate(null);

        DriftReport report = DriftCheck.of(dataSource).run();

        assertTrue(report.findings().stream().anyMatch(f -> f.object() == ObjectType.TABLE
                && f.kind() == Kind.UNEXPECTED && f.path().equals("fcn_trade_note")), report::toText);
        assertTrue(report.findings().stream().anyMatch(f -> f.object() == ObjectType.MIGRATION
                && f.path().equals("migration " + V4) && f.kind() == Kind.UNEXPECTED), report::toText);
        assertTrue(MigrationOperations.on(dataSource).check().drift().isEmpty(),
                "the jar alone does not know the version: nothing to check against");
    }
}
