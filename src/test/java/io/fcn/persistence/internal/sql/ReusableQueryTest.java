package io.fcn.persistence.internal.sql;

import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.StatementType;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.jooq.tables.FcnTemplate;
import io.fcn.persistence.jooq.tables.records.FcnTemplateRecord;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.support.GoldenSql;
import io.fcn.persistence.support.Race;
import io.fcn.persistence.internal.guard.TsqlGuardListener;
import io.fcn.persistence.types.TemplateStatus;

/** Statements rendered once and run with each call's values: the same SQL, binds, listeners and transactions. */
@AllEngines
class ReusableQueryTest {

    private static final FcnTemplate T = FCN_TEMPLATE;
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 123_456_000, ZoneOffset.ofHours(7));

    /**
     * An insert with placeholders for id, name, status, the nullable deprecation columns and the time, the rest
     * constant; the time placeholder is used twice.
     */
    private static ReusableQuery insert(DSLContext dsl) {
        Param<String> id = DSL.param(T.TEMPLATE_ID);
        Param<String> name = DSL.param(T.NAME);
        Param<TemplateStatus> status = DSL.param(T.STATUS);
        Param<String> reason = DSL.param(T.DEPRECATION_REASON);
        Param<OffsetDateTime> deprecatedAt = DSL.param(T.DEPRECATED_AT);
        Param<OffsetDateTime> at = DSL.param(T.CREATED_AT);
        return ReusableQuery.of(dsl, dsl.insertInto(T)
                .set(T.TEMPLATE_ID, id)
                .set(T.NAME, name)
                .set(T.SPEC_VERSION, "1.0")
                .set(T.STATUS, status)
                .set(T.ISSUER, "Bank A")
                .set(T.PARAMETERS, "{}")
                .set(T.DEPRECATION_REASON, reason)
                .set(T.DEPRECATED_AT, deprecatedAt)
                .set(T.VERSION, 0)
                .set(T.CREATED_AT, at)
                .set(T.UPDATED_AT, at), id, name, status, reason, deprecatedAt, at);
    }

    /** A draft template: no deprecation, so those values are null. */
    private static int draft(ReusableQuery insert, String id, String name) {
        return insert.execute(id, name, TemplateStatus.DRAFT, null, null, AT);
    }

    private static ReusableSelect<FcnTemplateRecord> byId(DSLContext dsl) {
        Param<String> id = DSL.param(T.TEMPLATE_ID);
        return ReusableSelect.of(dsl, T, dsl.selectFrom(T).where(T.TEMPLATE_ID.eq(id)), id);
    }

    @Test
    void rendersWhatTheDslRendersAndRunsThatText(DSLContext dsl, TsqlGuardListener guard) {
        String insertSql = "insert into \"fcn_template\" (\"template_id\", \"name\", \"spec_version\", \"status\","
                + " \"issuer\", \"parameters\", \"deprecation_reason\", \"deprecated_at\", \"version\", \"created_at\","
                + " \"updated_at\") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        ReusableQuery insert = insert(dsl);
        assertEquals(insertSql, insert.sql());
        GoldenSql.assertSql(insertSql, insert.bind("T-1", "one", TemplateStatus.DRAFT, null, null, AT));
        assertEquals(1, draft(insert, "T-1", "one"));
        GoldenSql.assertExecuted(guard, insertSql);

        ReusableSelect<FcnTemplateRecord> byId = byId(dsl);
        String selectSql = GoldenSql.render(dsl.selectFrom(T).where(T.TEMPLATE_ID.eq("x")));
        assertEquals(selectSql, byId.sql());
        byId.bind("T-1").fetchOptional();
        GoldenSql.assertExecuted(guard, selectSql);
    }

    @Test
    void eachCallBindsItsOwnValuesAndKeepsTheConstants(DSLContext dsl) {
        ReusableQuery insert = insert(dsl);
        draft(insert, "T-1", "one");
        insert.execute("T-2", "two", TemplateStatus.DEPRECATED, "a reason", AT, AT.plusDays(1));

        ReusableSelect<FcnTemplateRecord> byId = byId(dsl);
        FcnTemplateRecord one = byId.bind("T-1").fetchOptional().orElseThrow();
        FcnTemplateRecord two = byId.bind("T-2").fetchOptional().orElseThrow();
        assertEquals("one", one.getName());
        assertEquals("two", two.getName());
        assertNull(one.getDeprecationReason(), "a null value binds as NULL");
        assertNull(one.getDeprecatedAt(), "a null DATETIMEOFFSET too");
        assertEquals("a reason", two.getDeprecationReason());
        assertEquals(AT.toInstant(), two.getDeprecatedAt().toInstant());
        // The placeholder used twice took the call's value in both places; DATETIMEOFFSET kept instant and offset.
        assertEquals(AT.toInstant(), one.getCreatedAt().toInstant());
        assertEquals(AT.toInstant(), one.getUpdatedAt().toInstant());
        assertEquals(AT.plusDays(1).toInstant(), two.getUpdatedAt().toInstant());
        assertEquals(TemplateStatus.DRAFT, one.getStatus());
        assertEquals("1.0", two.getSpecVersion());
        assertEquals("Bank A", two.getIssuer());
        assertEquals(Optional.empty(), byId.bind("T-3").fetchOptional());
    }

    @Test
    void aSelectOfFieldsReadsByField(DSLContext dsl) {
        draft(insert(dsl), "T-1", "one");
        Param<String> id = DSL.param(T.TEMPLATE_ID);
        ReusableSelect<Record> names = ReusableSelect.of(dsl,
                dsl.select(T.NAME, T.VERSION).from(T).where(T.TEMPLATE_ID.eq(id)), id);
        Record r = names.bind("T-1").fetchOne();
        assertEquals("one", r.get(T.NAME));
        assertEquals(0, r.get(T.VERSION));
    }

    @Test
    void runsInTheCallersTransaction(FcnPersistence db, DSLContext dsl) {
        ReusableQuery insert = insert(dsl);
        assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
            draft(insert, "T-1", "one");
            throw new IllegalStateException("the caller's later work fails");
        }));
        assertEquals(Optional.empty(), byId(dsl).bind("T-1").fetchOptional());
    }

    @Test
    void errorsAreTranslatedAsForAnyQuery(DSLContext dsl) {
        ReusableQuery insert = insert(dsl);
        draft(insert, "T-1", "one");
        assertThrows(IntegrityConstraintViolationException.class, () -> draft(insert, "T-1", "again"));
    }

    @Test
    void concurrentCallsBindTheirOwnValues(DSLContext dsl) throws InterruptedException {
        ReusableQuery insert = insert(dsl);
        ReusableSelect<FcnTemplateRecord> byId = byId(dsl);
        List<Object> names = Race.of(8, i -> () -> {
            draft(insert, "T-" + i, "name " + i);
            return byId.bind("T-" + i).fetchOptional().orElseThrow().getName();
        });
        assertEquals(IntStream.range(0, 8).mapToObj(i -> "name " + i).toList(), names);
    }

    @Test
    void wrongValuesAreRefusedBeforeAnySql(DSLContext dsl) {
        ReusableQuery insert = insert(dsl);
        assertThrows(IllegalArgumentException.class, () -> insert.bind("T-1", "one", TemplateStatus.DRAFT, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> insert.bind("T-1", "one", TemplateStatus.DRAFT, null, null, "not a time"));
        Param<String> unused = DSL.param(T.NAME);
        assertThrows(IllegalArgumentException.class,
                () -> ReusableQuery.of(dsl, dsl.deleteFrom(T).where(T.TEMPLATE_ID.eq("x")), unused));
        // Records of the table need the table's columns: another table's (here an alias's) are refused.
        assertThrows(IllegalArgumentException.class, () -> ReusableSelect.of(dsl, T, dsl.selectFrom(T.as("other"))));
    }

    @Test
    void theTextFollowsTheEntryPointsSettings(DSLContext dsl, DataSource dataSource, TsqlGuardListener guard) {
        FcnPersistence unquoted = FcnPersistence.builder(dataSource)
                .settings(FcnPersistence.Builder.defaultSettings().withRenderQuotedNames(RenderQuotedNames.NEVER))
                .build();
        assertTrue(byId(unquoted.dsl()).sql().startsWith("select fcn_template.id, fcn_template.template_id,"),
                byId(unquoted.dsl()).sql());

        // Static statements inline each call's values instead of binding them.
        FcnPersistence inlined = FcnPersistence.builder(dataSource).executeListener(guard)
                .settings(FcnPersistence.Builder.defaultSettings().withStatementType(StatementType.STATIC_STATEMENT))
                .build();
        draft(insert(dsl), "it's", "one");
        assertEquals("one", byId(inlined.dsl()).bind("it's").fetchOptional().orElseThrow().getName());
        GoldenSql.assertExecuted(guard, byId(dsl).sql().replace("?", "'it''s'"));
    }
}
