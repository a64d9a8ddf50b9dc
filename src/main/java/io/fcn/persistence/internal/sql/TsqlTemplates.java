package io.fcn.persistence.internal.sql;

import static org.jooq.impl.DSL.val;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.Table;

/**
 * The T-SQL that jOOQ's DEFAULT dialect cannot render. Each template is pinned by a golden-SQL test; everything
 * else the library runs is plain jOOQ DSL.
 */
public final class TsqlTemplates {

    private TsqlTemplates() {
    }

    /** {@code OFFSET … FETCH NEXT}: the select must be ordered (SQL Server requires ORDER BY). */
    public static ResultQuery<Record> page(DSLContext ctx, Select<?> ordered, long offset, int limit) {
        return ctx.resultQuery("{0} offset {1} rows fetch next {2} rows only", ordered, val(offset), val(limit))
                .coerce(ordered.getSelect());
    }

    /** {@code DELETE TOP (n)}: deletes in bounded batches so no statement holds a long lock. */
    public static Query deleteTop(DSLContext ctx, int batchSize, Table<?> table, Condition condition) {
        return ctx.query("delete top ({0}) from {1} where {2}", val(batchSize), table, condition);
    }
}
