package io.fcn.persistence.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.sql.TsqlGuard;

/**
 * Pins the exact SQL a query renders with the production dialect and settings, and checks it is valid T-SQL.
 * Bind values render as {@code ?}.
 */
public final class GoldenSql {

    /** The production rendering context: DEFAULT dialect, the entry point's default settings. */
    public static final DSLContext PRODUCTION =
            DSL.using(SQLDialect.DEFAULT, FcnPersistence.Builder.defaultSettings());

    private GoldenSql() {
    }

    public static String render(Query query) {
        return PRODUCTION.render(query);
    }

    /** Asserts {@code query} renders exactly {@code expectedSql} and that the guard finds nothing wrong in it. */
    public static void assertSql(String expectedSql, Query query) {
        String actual = render(query);
        assertEquals(expectedSql, actual, "rendered SQL changed");
        assertEquals(java.util.List.of(), TsqlGuard.violations(query, actual), "not valid T-SQL: " + actual);
    }
}
