package io.fcn.persistence.internal.guard;

import static io.fcn.persistence.jooq.Tables.FCN_TRADE;
import static io.fcn.persistence.types.TradeStatus.SETTLED;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fcn.persistence.support.GoldenSql;
import io.fcn.persistence.internal.sql.TsqlTemplates;

/**
 * Every DEFAULT-dialect rendering that T-SQL rejects is caught; what the library relies on passes. No database, so
 * it runs once; the listener in front of a database is {@link TsqlGuardListenerTest}.
 */
class TsqlGuardTest {

    private static final DSLContext D = GoldenSql.PRODUCTION;
    private static final io.fcn.persistence.jooq.tables.FcnTrade T = FCN_TRADE;

    private static void assertRejected(String construct, Query query) {
        String sql = GoldenSql.render(query);
        List<String> violations = TsqlGuard.violations(query, sql);
        assertFalse(violations.isEmpty(), construct + " passed the guard: " + sql);
        assertTrue(violations.stream().anyMatch(v -> v.toLowerCase().contains(construct)),
                construct + " not named in " + violations);
    }

    @Test
    void rejectsEveryRenderingThatTsqlRefuses() {
        assertRejected("limit", D.selectFrom(T).limit(1));
        assertRejected("limit", D.selectFrom(T).orderBy(T.ID).limit(1).offset(5));
        assertRejected("returning", D.insertInto(T).set(T.TRADE_ID, "x").returning(T.ID));
        assertRejected("select exists", D.select(field(exists(selectOne().from(T)))));
        assertRejected("on conflict", D.insertInto(T).set(T.TRADE_ID, "x").onConflict(T.TRADE_ID).doNothing());
        assertRejected("on conflict", D.insertInto(T).set(T.TRADE_ID, "x").onConflictDoNothing());
        assertRejected("on duplicate key", D.insertInto(T).set(T.TRADE_ID, "x").onDuplicateKeyIgnore());
        assertRejected("on duplicate key", D.insertInto(T).set(T.TRADE_ID, "x").onDuplicateKeyUpdate().set(T.STATUS, SETTLED));
        assertRejected("merge", D.mergeInto(T).using(selectOne()).on(T.ID.eq(1)).whenMatchedThenUpdate().set(T.STATUS, SETTLED));
        assertRejected("for update", D.selectFrom(T).where(T.ID.eq(1)).forUpdate());
        assertRejected("row-value", D.selectFrom(T).orderBy(T.TRADE_DATE, T.ID).seek(LocalDate.of(2026, 1, 1), 1));
        assertRejected("row-value", D.selectFrom(T).where(row(T.TRADE_DATE, T.ID).gt(LocalDate.of(2026, 1, 1), 1)));
        assertRejected("boolean literal", D.selectFrom(T).where(T.KI_TRIGGERED.isTrue()));
        assertRejected("boolean literal", D.selectFrom(T).where(T.KI_TRIGGERED.isFalse()));
        assertRejected("boolean literal", D.selectFrom(T).where(T.KI_TRIGGERED.eq(inline(true))));
        assertRejected("timestamp with time zone",
                D.update(T).set(T.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select id from fcn_trade order by id fetch next 5 rows only",
            "select id from fcn_trade order by id fetch first 5 rows only",
            "select id from fcn_trade limit 5",
            "merge fcn_trade using x on 1 = 1 when matched then delete;",
            "select cast(current_timestamp as timestamp(7) with time zone)",
            "select * from fcn_trade where (a, b) <= (?, ?)",
            "update fcn_trade set ki_triggered = false" })
    void rejectsTheSameConstructsWrittenByHand(String sql) {
        assertFalse(TsqlGuard.violations(sql).isEmpty(), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select \"id\" from \"fcn_trade\" where \"ki_triggered\" = ?",
            "select \"id\" from \"fcn_trade\" order by \"id\" offset ? rows fetch next ? rows only",
            "delete top (?) from \"fcn_idempotency_key\" where \"expires_at\" <= ?",
            "select * from \"fcn_trade\" where \"status\" = 'limit 5' and \"trade_id\" = 'for update'",
            "select \"limit\", \"returning\" from \"merge\"",
            "update \"fcn_trade\" set \"version\" = (\"version\" + ?) where (\"trade_id\" = ? and \"version\" = ?)",
            "select count(*) from \"fcn_trade\" where exists (select 1 from \"fcn_template\")" })
    void acceptsValidTsqlAndIgnoresNamesAndLiterals(String sql) {
        assertEquals(List.of(), TsqlGuard.violations(sql), sql);
    }

    @Test
    void templatesRenderTheirPinnedTsql() {
        GoldenSql.assertSql("select \"fcn_trade\".\"id\" from \"fcn_trade\" order by \"fcn_trade\".\"id\" "
                        + "offset ? rows fetch next ? rows only",
                TsqlTemplates.page(D, D.select(T.ID).from(T).orderBy(T.ID), 40, 20));
        GoldenSql.assertSql("delete top (?) from \"fcn_trade\" where \"fcn_trade\".\"status\" = ?",
                TsqlTemplates.deleteTop(D, 500, T, T.STATUS.eq(SETTLED)));
    }
}
