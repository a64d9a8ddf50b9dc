package io.fcn.persistence.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.internal.sql.TsqlTemplates;

/**
 * Runs the two kinds of list page over one table for the library's repositories: keyset pages (a seek, then
 * {@code OFFSET 0 … FETCH}; the cursor is opaque and bound to its list, see {@link KeysetPage}) and numbered pages ({@code OFFSET … FETCH} plus a count). Both use the list's
 * {@link KeysetOrder}, so a list has the same order however it is paged.
 */
public final class PageQueries {

    private PageQueries() {
    }

    /**
     * The keyset page {@code request} asks for: rows matching {@code filter}, after the cursor, in order. The
     * cursor is bound to the table, the filter's rendered text (values included) and the order.
     * @param <R> the table's record type
     * @param <T> the item type the page carries
     * @param ctx the context to run on
     * @param table the table listed
     * @param filter the rows that belong to the list
     * @param order the list's order (its last key unique)
     * @param request the page asked for
     * @param mapper turns a row into an item
     * @return the page, with the next page's cursor when there is one
     * @throws ValidationException when the request's cursor is not an intact cursor of this list
     */
    public static <R extends Record, T> KeysetPage<T> keyset(DSLContext ctx, Table<R> table, Condition filter,
            KeysetOrder<R> order, KeysetRequest request, Function<? super R, ? extends T> mapper) {
        return keyset(ctx, table, filter, KeysetCursor.nameOf(filter), order, request, mapper);
    }

    /**
     * As {@link #keyset(DSLContext, Table, Condition, KeysetOrder, KeysetRequest, Function)}, the cursor bound to
     * {@code filterName} instead of the filter's rendered text: a name that tells every filter of the table apart,
     * values included (a filter's {@code toString()}), and costs nothing to compute.
     * @param <R> the table's record type
     * @param <T> the item type the page carries
     * @param ctx the context to run on
     * @param table the table listed
     * @param filter the rows that belong to the list
     * @param filterName the name that binds the cursor to this filter
     * @param order the list's order (its last key unique)
     * @param request the page asked for
     * @param mapper turns a row into an item
     * @return the page, with the next page's cursor when there is one
     * @throws ValidationException when the request's cursor is not an intact cursor of this list
     */
    public static <R extends Record, T> KeysetPage<T> keyset(DSLContext ctx, Table<R> table, Condition filter,
            String filterName, KeysetOrder<R> order, KeysetRequest request,
            Function<? super R, ? extends T> mapper) {
        byte[] list = KeysetCursor.listOf(table, filterName, order.orderBy());
        Condition seek = request.cursor().map(cursor -> seek(order, list, cursor)).orElse(DSL.noCondition());
        // One row more than asked tells whether a next page exists without a second query.
        List<R> rows = keysetQuery(ctx, table, filter.and(seek), order, request.limit() + 1).fetchInto(table);
        boolean more = rows.size() > request.limit();
        List<R> page = more ? rows.subList(0, request.limit()) : rows;
        Optional<String> next = more
                ? Optional.of(KeysetCursor.encode(list, order.cursorOf(page.get(page.size() - 1))))
                : Optional.empty();
        return new KeysetPage<>(page.stream().<T>map(mapper).toList(), next);
    }

    /** The rows after {@code cursor}, which must be an intact cursor of {@code list}. */
    private static <R extends Record> Condition seek(KeysetOrder<R> order, byte[] list, String cursor) {
        String key = KeysetCursor.decode(list, cursor);
        try {
            return order.after(key);
        } catch (ValidationException e) {
            // Passed the checksum yet names no row key: made by hand. Said without echoing it.
            throw KeysetCursor.rejected(cursor, "is not a cursor of this list");
        }
    }

    /**
     * The numbered page {@code request} asks for, with the totals of the whole list.
     * @param <R> the table's record type
     * @param <T> the item type the page carries
     * @param ctx the context to run on
     * @param table the table listed
     * @param filter the rows that belong to the list
     * @param order the list's order (its last key unique)
     * @param request the page asked for
     * @param mapper turns a row into an item
     * @return the page and the list's totals; empty items past the last page
     */
    public static <R extends Record, T> Page<T> numbered(DSLContext ctx, Table<R> table, Condition filter,
            KeysetOrder<R> order, PageRequest request, Function<? super R, ? extends T> mapper) {
        long total = ctx.fetchCount(table, filter);
        long totalPages = (total + request.limit() - 1) / request.limit();
        List<T> items = request.offset() >= total
                ? List.of()
                : TsqlTemplates.page(ctx, ctx.selectFrom(table).where(filter).orderBy(order.orderBy()),
                        request.offset(), request.limit()).fetchInto(table).stream().<T>map(mapper).toList();
        return new Page<>(items, request.page(), request.limit(), total, totalPages);
    }

    /** {@code select … where <condition> order by <order> offset 0 rows fetch next <rows> rows only}. */
    static <R extends Record> ResultQuery<Record> keysetQuery(DSLContext ctx, Table<R> table, Condition condition,
            KeysetOrder<R> order, int rows) {
        return TsqlTemplates.page(ctx, ctx.selectFrom(table).where(condition).orderBy(order.orderBy()), 0, rows);
    }
}
