package io.fcn.persistence.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.sql.TsqlGuard;
import io.fcn.persistence.sql.TsqlGuardListener;

/**
 * Golden-SQL assertions: the exact text the production dialect (DEFAULT, with the library's default settings)
 * renders, which must also pass the T-SQL guard.
 */
public final class GoldenSql {

    private static final DSLContext PRODUCTION = DSL.using(SQLDialect.DEFAULT, FcnPersistence.Builder.defaultSettings());

    private GoldenSql() {
    }

    /** {@code part} as the production dialect renders it, with {@code ?} for bind values. */
    public static String render(QueryPart part) {
        return PRODUCTION.render(part);
    }

    /** {@code part} renders exactly as {@code expected}, and that text is valid T-SQL as far as the guard knows. */
    public static void assertRenders(String expected, QueryPart part) {
        String actual = render(part);
        assertEquals(expected, actual);
        assertTrue(TsqlGuard.violations(actual).isEmpty(), () -> "not T-SQL: " + TsqlGuard.violations(actual));
    }

    /** A statement exactly {@code expected} ran through {@code guard} (which already checked it is T-SQL). */
    public static void assertExecuted(TsqlGuardListener guard, String expected) {
        List<String> executed = guard.executed();
        if (!executed.contains(expected)) {
            fail("Expected statement did not run:\n  " + expected + "\nRan:\n  " + String.join("\n  ", executed));
        }
    }
}
