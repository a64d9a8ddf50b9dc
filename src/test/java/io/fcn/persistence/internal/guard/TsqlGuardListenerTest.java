package io.fcn.persistence.internal.guard;

import static io.fcn.persistence.jooq.Tables.FCN_TRADE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.support.AllEngines;

/** The guard as a jOOQ listener, on every engine: a violating statement never reaches the database. */
@AllEngines
class TsqlGuardListenerTest {

    private static final io.fcn.persistence.jooq.tables.FcnTrade T = FCN_TRADE;

    @Test
    void theListenerStopsAViolatingStatementBeforeItReachesTheDatabase(FcnPersistence fcn, TsqlGuardListener guard) {
        var e = assertThrows(TsqlGuardListener.NotTsqlException.class,
                () -> fcn.dsl().selectFrom(T).limit(1).fetch());
        assertTrue(e.getMessage().contains("LIMIT"), e.getMessage());
        assertThrows(TsqlGuardListener.NotTsqlException.class,
                () -> fcn.dsl().insertInto(T).set(T.TRADE_ID, "x").onConflictDoNothing().execute());

        int before = guard.executed().size();
        assertEquals(0, fcn.dsl().fetchCount(T));
        assertEquals(before + 1, guard.executed().size(), "a valid statement runs and is recorded");
    }
}
