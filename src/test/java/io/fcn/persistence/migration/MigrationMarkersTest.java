package io.fcn.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.scripts.ServerTraits;
import io.fcn.persistence.support.AllEngines;

/**
 * The marked statements run in the form the engine takes, and the history's checksum is the file's whatever the
 * form (issue 15, point 3).
 */
@AllEngines(migrated = false)
class MigrationMarkersTest {

    private static final String V4 = "20261201.0004";
    private static final String INDEX = "ix_fcn_trade_currency_id";
    private static final String CHECK = "ck_fcn_trade_notional_bounded";

    private static final String MARKED = """
            -- fcn:online
            CREATE INDEX ix_fcn_trade_currency_id ON dbo.fcn_trade (currency, id);

            -- fcn:nocheck
            ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_notional_bounded CHECK (notional < 1000000000000);
            """;

    private static final String ROLLBACK = """
            ALTER TABLE dbo.fcn_trade DROP CONSTRAINT ck_fcn_trade_notional_bounded;
            DROP INDEX ix_fcn_trade_currency_id ON dbo.fcn_trade;
            """;

    private static MigrationOperations project(DataSource dataSource, Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("db/migration"));
        Path rollbacks = Files.createDirectories(dir.resolve("db/rollback"));
        Files.writeString(migrations.resolve("V20261201_0004__online_markers.sql"), MARKED);
        Files.writeString(rollbacks.resolve("U20261201_0004__online_markers.sql"), ROLLBACK);
        return MigrationOperations.on(dataSource).withProjectDirectories(migrations, rollbacks);
    }

    @Test
    void theStatementThatReachesTheDriverIsTheFormSqlShowsForThisEngine(DataSource dataSource, @TempDir Path dir)
            throws Exception {
        ServerTraits traits = ServerTraits.of(dataSource);
        RecordingDataSource recording = new RecordingDataSource(dataSource);
        MigrationOperations ops = project(recording.dataSource(), dir);
        assertEquals(traits.markerForms(), ops.markerForms());
        List<String> shown = ops.sql(null).stream().filter(s -> s.version().equals(V4)).findFirst().orElseThrow()
                .statements();

        recording.clear();
        ops.migrate(null);

        List<String> ran = recording.statements();
        for (String statement : shown) {
            assertTrue(ran.contains(statement), () -> "sql showed " + statement + ", migrate ran " + ran);
        }
        String index = shown.stream().filter(s -> s.toLowerCase(java.util.Locale.ROOT).contains(INDEX)).findFirst().orElseThrow();
        assertEquals(traits.onlineIndexes(), index.contains("ONLINE = ON"), index);
        boolean validated = ran.stream().anyMatch(s -> s.equals("ALTER TABLE dbo.fcn_trade WITH CHECK CHECK "
                + "CONSTRAINT " + CHECK));
        assertEquals(traits.deferredValidation(), validated, ran::toString);
        assertEquals(traits.deferredValidation(), shown.stream().anyMatch(s -> s.contains("WITH NOCHECK ADD")));
        if (traits.family() == EngineFamily.SQL_SERVER) {
            // validated by the later statement: trusted, as a WITH CHECK constraint is
            assertEquals(0, count(dataSource, "SELECT COUNT(*) FROM sys.check_constraints WHERE name = '" + CHECK
                    + "' AND is_not_trusted = 1"));
            assertEquals(1, count(dataSource, "SELECT COUNT(*) FROM sys.check_constraints WHERE name = '" + CHECK
                    + "'"));
        } else {
            assertFalse(index.contains("WITH"), "H2 builds the index as written: " + index);
            assertEquals(1, count(dataSource, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                    + "WHERE UPPER(CONSTRAINT_NAME) = UPPER('" + CHECK + "')"));
        }
        assertEquals(1, count(dataSource, "SELECT COUNT(*) FROM dbo.fcn_persistence_schema_history "
                + "WHERE version = '" + V4 + "' AND success = 1"));
    }

    @Test
    void theHistoryChecksumIsTheFilesSoEveryEditionValidates(DataSource dataSource, @TempDir Path dir)
            throws Exception {
        ServerTraits real = ServerTraits.of(dataSource);
        MigrationOperations ops = project(dataSource, dir);
        // Migrated offline, whatever the edition: a form every engine of the family runs.
        ops.withServerTraits(new ServerTraits(real.family(), 2, real.babelfish())).migrate(null);
        Integer applied = checksum(dataSource);

        for (int edition = 0; edition <= 9; edition++) {
            MigrationOperations moved = ops.withServerTraits(new ServerTraits(real.family(), edition, false));
            assertEquals(List.of(), moved.validate(), "validates as EngineEdition " + edition);
            Integer resolved = moved.info().migrations().stream().filter(e -> V4.equals(e.version())).findFirst()
                    .orElseThrow().checksum();
            assertEquals(applied, resolved, "EngineEdition " + edition);
        }
    }

    /**
     * What only a SQL Server with online index operations shows: the same file migrated offline and then, after
     * its undo, online, records the same checksum. Needs FCN_TEST_MSSQL_URL or a container of EngineEdition 3/5/8.
     */
    @Test
    void anOnlineBuildRecordsTheChecksumOfTheOfflineOne(DataSource dataSource, @TempDir Path dir) throws Exception {
        ServerTraits real = ServerTraits.of(dataSource);
        Assumptions.assumeTrue(real.onlineIndexes(), "needs a SQL Server whose EngineEdition is 3, 5 or 8 "
                + "(FCN_TEST_MSSQL_URL or a container); this engine is " + real.describe());
        RecordingDataSource recording = new RecordingDataSource(dataSource);
        MigrationOperations ops = project(recording.dataSource(), dir);
        ops.withServerTraits(ServerTraits.sqlServer(2)).migrate(null);
        Integer offline = checksum(dataSource);
        ops.undo(new UndoTarget.Steps(1));
        recording.clear();

        ops.migrate(null);

        assertTrue(recording.statements().stream().anyMatch(s -> s.contains(INDEX) && s.contains("ONLINE = ON")),
                recording.statements()::toString);
        assertEquals(offline, checksum(dataSource));
        assertEquals(List.of(), ops.validate());
    }

    private static Integer checksum(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT checksum FROM dbo.fcn_persistence_schema_history "
                        + "WHERE version = '" + V4 + "' AND success = 1")) {
            assertTrue(rs.next(), "V4 is applied");
            return rs.getInt(1);
        }
    }

    private static int count(DataSource dataSource, String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
