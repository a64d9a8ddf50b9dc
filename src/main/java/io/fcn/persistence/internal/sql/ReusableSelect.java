package io.fcn.persistence.internal.sql;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.Table;

/**
 * A select of fixed shape, rendered once and run with each call's values; see {@link ReusableQuery}. Its results
 * are read through the select's own fields (their bindings and converters apply), as records of the table it
 * selects from ({@link #of(DSLContext, Table, Select, Param...)}) or of its fields.
 *
 * <pre>{@code
 * Param<String> id = DSL.param(FCN_TRADE.TRADE_ID);
 * ReusableSelect<FcnTradeRecord> byId = ReusableSelect.of(dsl, FCN_TRADE,
 *         dsl.selectFrom(FCN_TRADE).where(FCN_TRADE.TRADE_ID.eq(id)), id);
 * Optional<FcnTradeRecord> trade = byId.bind("T-1").fetchOptional();
 * }</pre>
 */
public final class ReusableSelect<R extends Record> {

    private final DSLContext dsl;
    private final RenderedStatement statement;
    private final Table<R> table;
    private final List<Field<?>> fields;

    private ReusableSelect(DSLContext dsl, RenderedStatement statement, Table<R> table, List<Field<?>> fields) {
        this.dsl = dsl;
        this.statement = statement;
        this.table = table;
        this.fields = fields;
    }

    /** {@code select} (all columns of {@code table}, e.g. {@code selectFrom(table)}) with records of the table. */
    public static <R extends Record> ReusableSelect<R> of(DSLContext dsl, Table<R> table, Select<R> select,
            Param<?>... placeholders) {
        if (!select.getSelect().equals(List.of(table.fields()))) {
            throw new IllegalArgumentException("the select must read the columns of " + table.getName()
                    + " in table order");
        }
        return new ReusableSelect<>(dsl, RenderedStatement.of(dsl, select, placeholders), table, null);
    }

    /** {@code select} with records of its fields, read by field ({@code record.get(FIELD)}). */
    public static ReusableSelect<Record> of(DSLContext dsl, Select<?> select, Param<?>... placeholders) {
        return new ReusableSelect<>(dsl, RenderedStatement.of(dsl, select, placeholders), null,
                List.copyOf(select.getSelect()));
    }

    /** The rendered text, as executed (bind values as markers). */
    public String sql() {
        return statement.sql();
    }

    /** The select with {@code values} (one per placeholder, in order) bound, ready to fetch. */
    @SuppressWarnings("unchecked")
    public ResultQuery<R> bind(Object... values) {
        ResultQuery<Record> query = dsl.resultQuery("{0}", statement.with(values));
        return table != null ? query.coerce(table) : (ResultQuery<R>) query.coerce(fields);
    }
}
