package io.fcn.persistence.internal.sql;

import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;

/**
 * An insert, update or delete of fixed shape, rendered once and executed with each call's values: written with the
 * DSL, with {@code DSL.param(FIELD)} placeholders where the values go.
 *
 * <pre>{@code
 * Param<String> key = DSL.param(K.KEY_HASH);
 * ReusableQuery release = ReusableQuery.of(dsl, dsl.deleteFrom(K).where(K.KEY_HASH.eq(key)), key);
 * release.execute("abc…");
 * }</pre>
 *
 * Each execution is an ordinary jOOQ query over the stored text: the entry point's execute listeners see it, it
 * joins the thread's transaction, and errors are translated as for any other statement. Thread-safe.
 */
public final class ReusableQuery {

    private final DSLContext dsl;
    private final RenderedStatement statement;

    private ReusableQuery(DSLContext dsl, RenderedStatement statement) {
        this.dsl = dsl;
        this.statement = statement;
    }

    /**
     * Renders {@code query} with {@code dsl}'s configuration.
     *
     * @param placeholders the params each call supplies values for, in the order {@link #execute} takes them
     */
    public static ReusableQuery of(DSLContext dsl, Query query, Param<?>... placeholders) {
        return new ReusableQuery(dsl, RenderedStatement.of(dsl, query, placeholders));
    }

    /** The rendered text, as executed (bind values as markers). */
    public String sql() {
        return statement.sql();
    }

    /** The statement with {@code values} (one per placeholder, in order) bound. */
    public Query bind(Object... values) {
        return dsl.query("{0}", statement.with(values));
    }

    /** Executes it with {@code values} (one per placeholder, in order); the affected row count. */
    public int execute(Object... values) {
        return bind(values).execute();
    }
}
