package io.fcn.persistence.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.internal.guard.TsqlGuard;
import io.fcn.persistence.internal.guard.TsqlGuardListener;

/**
 * Golden-SQL assertions: the exact text the production dialect (DEFAULT, with the library's default settings)
 * renders, which must also pass the T-SQL guard. Bind values render as {@code ?}.
 */
public final class GoldenSql {

    /** The production rendering context: DEFAULT dialect, the entry point's default settings. */
    public static final DSLContext PRODUCTION =
            DSL.using(SQLDialect.DEFAULT, FcnPersistence.Builder.defaultSettings());

    private GoldenSql() {
    }

    /** {@code part} as the production dialect renders it, with {@code ?} for bind values. */
    public static String render(QueryPart part) {
        return PRODUCTION.render(part);
    }

    /** {@code query} renders exactly {@code expectedSql}, and neither its text nor its model is un-T-SQL. */
    public static void assertSql(String expectedSql, Query query) {
        String actual = render(query);
        assertEquals(expectedSql, actual, "rendered SQL changed");
        assertEquals(List.of(), TsqlGuard.violations(query, actual), "not valid T-SQL: " + actual);
    }

    /** {@code part} (a query or a fragment) renders exactly {@code expected}, and that text passes the guard. */
    public static void assertRenders(String expected, QueryPart part) {
        if (part instanceof Query query) {
            assertSql(expected, query);
            return;
        }
        String actual = render(part);
        assertEquals(expected, actual, "rendered SQL changed");
        assertEquals(List.of(), TsqlGuard.violations(actual), "not valid T-SQL: " + actual);
    }

    /** A statement exactly {@code expected} ran through {@code guard} (which already checked it is T-SQL). */
    public static void assertExecuted(TsqlGuardListener guard, String expected) {
        List<String> executed = guard.executed();
        if (!executed.contains(expected)) {
            fail("Expected statement did not run:\n  " + expected + "\nRan:\n  " + String.join("\n  ", executed));
        }
    }
}
