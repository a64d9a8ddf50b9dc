package io.fcn.persistence.internal.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fcn.persistence.internal.engine.EngineFamily;

/** Which form a marked statement runs in, by edition (issue 15, point 3). */
class MarkedStatementsTest {

    private static final String ONLINE = "-- fcn:online\nCREATE INDEX ix_fcn_trade_status_id ON dbo.fcn_trade (status, id);";
    private static final String NOCHECK = "-- fcn:nocheck\n"
            + "ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_notional_positive CHECK (notional > 0);";

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 99})
    void theEditionDecidesOnlineAndEverySqlServerValidatesLater(int edition) {
        ServerTraits traits = ServerTraits.sqlServer(edition);
        boolean online = Set.of(3, 5, 8).contains(edition);
        assertEquals(online, traits.onlineIndexes(), "EngineEdition " + edition);
        assertTrue(traits.deferredValidation(), "WITH NOCHECK exists on every edition");

        List<String> index = MarkedStatements.rewrite(ONLINE, traits);
        assertEquals(List.of(online
                ? "-- fcn:online\nCREATE INDEX ix_fcn_trade_status_id ON dbo.fcn_trade (status, id) WITH (ONLINE = ON);"
                : ONLINE), index);
        assertEquals(List.of("-- fcn:nocheck\nALTER TABLE dbo.fcn_trade WITH NOCHECK ADD CONSTRAINT "
                        + "ck_fcn_trade_notional_positive CHECK (notional > 0);",
                "ALTER TABLE dbo.fcn_trade WITH CHECK CHECK CONSTRAINT ck_fcn_trade_notional_positive"),
                MarkedStatements.rewrite(NOCHECK, traits));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8})
    void babelfishRunsBothAsWritten(int edition) {
        ServerTraits babelfish = new ServerTraits(EngineFamily.SQL_SERVER, edition, true);
        assertFalse(babelfish.onlineIndexes());
        assertFalse(babelfish.deferredValidation());
        assertEquals(List.of(ONLINE), MarkedStatements.rewrite(ONLINE, babelfish));
        assertEquals(List.of(NOCHECK), MarkedStatements.rewrite(NOCHECK, babelfish));
    }

    @Test
    void h2RunsBothAsWritten() {
        assertEquals(List.of(ONLINE), MarkedStatements.rewrite(ONLINE, ServerTraits.H2));
        assertEquals(List.of(NOCHECK), MarkedStatements.rewrite(NOCHECK, ServerTraits.H2));
        assertEquals("H2 (embedded)", ServerTraits.H2.describe());
    }

    @Test
    void anExistingWithGetsOnlineAddedAndAnUnmarkedIndexStaysOffline() {
        ServerTraits enterprise = ServerTraits.sqlServer(3);
        String batch = """
                CREATE INDEX ix_fcn_trade_a ON dbo.fcn_trade (a);

                -- fcn:online built while the service writes
                -- a second comment line
                CREATE UNIQUE NONCLUSTERED INDEX ux_fcn_trade_b ON dbo.fcn_trade (b) WHERE b IS NOT NULL
                    WITH (FILLFACTOR = 90);
                CREATE INDEX ix_fcn_trade_c ON dbo.fcn_trade (c); -- fcn:online
                """;
        assertEquals(List.of("""
                CREATE INDEX ix_fcn_trade_a ON dbo.fcn_trade (a);

                -- fcn:online built while the service writes
                -- a second comment line
                CREATE UNIQUE NONCLUSTERED INDEX ux_fcn_trade_b ON dbo.fcn_trade (b) WHERE b IS NOT NULL
                    WITH (FILLFACTOR = 90, ONLINE = ON);
                CREATE INDEX ix_fcn_trade_c ON dbo.fcn_trade (c) WITH (ONLINE = ON); -- fcn:online
                """), MarkedStatements.rewrite(batch, enterprise));
    }

    @Test
    void aBlankLineEndsTheMarkersAndLiteralsAreNoCode() {
        ServerTraits enterprise = ServerTraits.sqlServer(3);
        String detached = "-- fcn:online\n\nCREATE INDEX ix_fcn_trade_a ON dbo.fcn_trade (a);";
        assertEquals(List.of(detached), MarkedStatements.rewrite(detached, enterprise));
        String literal = "INSERT INTO dbo.t (a) VALUES ('-- fcn:online');\nCREATE INDEX ix_t_a ON dbo.t (a);";
        assertEquals(List.of(literal), MarkedStatements.rewrite(literal, enterprise));
        String already = "-- fcn:online\nCREATE INDEX ix_t_a ON dbo.t (a) WITH (ONLINE = ON);";
        assertEquals(List.of(already), MarkedStatements.rewrite(already, enterprise));
        String filegroup = "-- fcn:online\nCREATE INDEX ix_t_a ON dbo.t (a) ON [PRIMARY];";
        assertEquals(List.of(filegroup), MarkedStatements.rewrite(filegroup, enterprise), "not rewritten");
    }

    @Test
    void aForeignKeyInABatchIsValidatedAfterTheBatchInOrder() {
        String batch = """
                ALTER TABLE dbo.fcn_trade ADD note NVARCHAR(100) NULL;
                -- fcn:nocheck
                ALTER TABLE [dbo].[fcn_trade_note] ADD CONSTRAINT [fk_fcn_trade_note_trade]
                    FOREIGN KEY (trade_id) REFERENCES dbo.fcn_trade (trade_id);
                -- fcn:nocheck
                ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_a CHECK (a > 0);
                -- fcn:nocheck
                ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_b CHECK (b > 0), CONSTRAINT ck_fcn_trade_c CHECK (c > 0);
                """;
        List<String> run = MarkedStatements.rewrite(batch, ServerTraits.sqlServer(2));
        assertEquals(3, run.size(), run::toString);
        assertTrue(run.get(0).contains("ALTER TABLE [dbo].[fcn_trade_note] WITH NOCHECK ADD CONSTRAINT"), run.get(0));
        assertTrue(run.get(0).contains("ALTER TABLE dbo.fcn_trade WITH NOCHECK ADD CONSTRAINT ck_fcn_trade_a"));
        assertTrue(run.get(0).contains("ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_b"),
                "two constraints in one ADD: as written");
        assertTrue(run.get(0).startsWith("ALTER TABLE dbo.fcn_trade ADD note"));
        assertEquals(List.of(
                "ALTER TABLE [dbo].[fcn_trade_note] WITH CHECK CHECK CONSTRAINT [fk_fcn_trade_note_trade]",
                "ALTER TABLE dbo.fcn_trade WITH CHECK CHECK CONSTRAINT ck_fcn_trade_a"), run.subList(1, 3));
    }

    @Test
    void theMarkerFormsLineSaysWhatRuns() {
        assertEquals("SQL Server (EngineEdition 3: Enterprise or Developer): -- fcn:online runs WITH (ONLINE = ON), "
                + "-- fcn:nocheck runs WITH NOCHECK, then WITH CHECK CHECK CONSTRAINT",
                ServerTraits.sqlServer(3).markerForms());
        assertEquals("SQL Server (EngineEdition 4: Express): -- fcn:online runs as written (offline), "
                + "-- fcn:nocheck runs WITH NOCHECK, then WITH CHECK CHECK CONSTRAINT",
                ServerTraits.sqlServer(4).markerForms());
    }
}
