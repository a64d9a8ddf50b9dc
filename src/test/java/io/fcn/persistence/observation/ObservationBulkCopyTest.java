package io.fcn.persistence.observation;

import static io.fcn.persistence.observation.ObservationRepositoryTest.D1;
import static io.fcn.persistence.observation.ObservationRepositoryTest.committedObservations;
import static io.fcn.persistence.observation.ObservationRepositoryTest.observation;
import static io.fcn.persistence.observation.TradeRows.insertTrade;
import static io.fcn.persistence.jooq.Tables.FCN_OBSERVATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.database.SqlServerDatabase;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.testkit.FcnTestClock;

/**
 * mssql-jdbc's bulk-copy path for batch inserts ({@code useBulkCopyForBatchInsert}) takes the very statement the
 * observation batch sends, and then skips CHECK and FOREIGN KEY constraints unless
 * {@code bulkCopyForBatchInsertCheckConstraints=true}; with it, a violating batch is rejected whole, but without the
 * error number that tells a missing trade from other failures. So the library's batch never takes that path, even on
 * a connection that enables it.
 */
@AllEngines
class ObservationBulkCopyTest {

    private static final String USE_BULK_COPY = "useBulkCopyForBatchInsert";
    private static final String CHECK_CONSTRAINTS = "bulkCopyForBatchInsertCheckConstraints";

    @Test
    void theLibrarysBatchKeepsItsConstraintsOnABulkCopyConnection(Database database, FcnTestClock clock,
            TsqlGuardListener guard, DataSource dataSource) {
        FcnPersistence setUp = FcnPersistence.builder(dataSource).clock(clock).build();
        insertTrade(setUp, "T-1");
        DataSource bulk = database instanceof SqlServerDatabase sqlServer
                ? sqlServer.dataSource(Map.of(USE_BULK_COPY, "true"))
                : dataSource; // H2 has no bulk-copy path: the same rules hold
        FcnPersistence fcn = FcnPersistence.builder(bulk).clock(clock).executeListener(guard).build();

        NotFoundException missing = assertThrows(NotFoundException.class, () -> fcn.observations().recordAll(
                List.of(observation("T-1", D1), observation("T-GHOST", D1), observation("T-1", D1.plusDays(1)))));
        assertTrue(missing.getMessage().contains("T-GHOST"), missing.getMessage());
        assertEquals(0, committedObservations(dataSource), "nothing of the batch is written");

        List<Observation> rows = List.of(observation("T-1", D1), observation("T-1", D1.plusDays(1)));
        assertEquals(new ObservationBatchResult(2, 0), fcn.observations().recordAll(rows));
        // Stored exactly, dates and timestamps included (the bulk path stores wrong DATE and DATETIMEOFFSET values
        // on some engines speaking T-SQL).
        List<StoredObservation> stored = fcn.observations().findByTrade("T-1", D1, D1.plusDays(1));
        assertEquals(rows, stored.stream().map(StoredObservation::observation).toList());
        assertEquals(List.of(fcn.now(), fcn.now()), stored.stream().map(StoredObservation::createdAt).toList());
    }

    /** What the guard prevents, shown on the driver's own path with the statement the repository renders. */
    @Test
    void theDriversBulkPathSkipsConstraintsUnlessToldAndThenHidesTheErrorNumber(Database database,
            FcnPersistence fcn) throws SQLException {
        assumeTrue(database instanceof SqlServerDatabase, "mssql-jdbc's bulk-copy path exists on SQL Server only");
        SqlServerDatabase sqlServer = (SqlServerDatabase) database;
        insertTrade(fcn, "T-1");
        DSLContext dsl = DSL.using(SQLDialect.DEFAULT);
        String sql = dsl.render(ObservationRepository.insert(dsl, observation("T-1", D1), fcn.now()));
        List<Object[]> violating = List.of(
                row("T-1", "coupon", 0),
                row("T-GHOST", "coupon", 1), // fk_fcn_observation_trade
                row("T-1", "bogus", 2)); // ck_fcn_observation_type

        // Without CHECK_CONSTRAINTS the bulk load writes both violating rows.
        insertBatch(sqlServer.dataSource(Map.of(USE_BULK_COPY, "true")), sql, violating);
        assertEquals(3, committedObservations(sqlServer.dataSource()));
        DSL.using(sqlServer.dataSource(), SQLDialect.DEFAULT).deleteFrom(FCN_OBSERVATION).execute();

        // With it the batch is rejected whole ...
        BatchUpdateException bulkError = assertThrows(BatchUpdateException.class, () -> insertBatch(
                sqlServer.dataSource(Map.of(USE_BULK_COPY, "true", CHECK_CONSTRAINTS, "true")), sql, violating));
        assertEquals(0, committedObservations(sqlServer.dataSource()), "nothing is half-written");
        // ... but the failure carries no SQLState nor error number (the driver rethrows only the message) ...
        assertNull(bulkError.getSQLState());
        assertEquals(0, bulkError.getErrorCode());
        assertFalse(SqlErrors.isForeignKeyViolation(bulkError));
        // ... where the ordinary batch reports the foreign key the repository turns into NotFoundException.
        BatchUpdateException plainError = assertThrows(BatchUpdateException.class,
                () -> insertBatch(sqlServer.dataSource(), sql, violating.subList(0, 2)));
        assertTrue(SqlErrors.isForeignKeyViolation(plainError), plainError.getMessage());
        assertEquals(0, committedObservations(sqlServer.dataSource()));
    }

    private static Object[] row(String tradeId, String type, int day) {
        return new Object[] {tradeId, Date.valueOf(D1.plusDays(day)), type};
    }

    /** The rows through one JDBC batch of {@code sql} in one transaction, bound as the repository binds them. */
    private static void insertBatch(DataSource dataSource, String sql, List<Object[]> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    ps.setString(1, (String) row[0]);
                    ps.setDate(2, (Date) row[1]);
                    ps.setString(3, (String) row[2]);
                    ps.setNString(4, "{\"AAPL\": 182.5}");
                    ps.setBoolean(5, false);
                    ps.setBoolean(6, true);
                    ps.setBoolean(7, false);
                    ps.setNString(8, "{}");
                    ps.setObject(9, OffsetDateTime.parse("2026-01-15T09:30:00Z"));
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
