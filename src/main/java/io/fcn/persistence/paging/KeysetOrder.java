package io.fcn.persistence.paging;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;

import io.fcn.persistence.exceptions.ValidationException;

/**
 * The order of a keyset list and how its cursor seeks into it. The order must be unique (end with the id) and be
 * the order of the index that serves the list, so that a page is one seek. Predicates are written out
 * ({@code a > ? or (a = ? and b > ?)}): T-SQL has no row-value comparison.
 *
 * @param <R> the table's record type
 */
public interface KeysetOrder<R extends Record> {

    /**
     * The list's order, ascending and unique.
     * @return the {@code ORDER BY} fields
     */
    List<SortField<?>> orderBy();

    /**
     * The rows after {@code cursor}; a malformed cursor is a {@link ValidationException} on {@code cursor}.
     * @param cursor a cursor this order wrote
     * @return the condition selecting the rows after it
     */
    Condition after(String cursor);

    /**
     * The cursor that continues after {@code last}.
     * @param last the last row of a page
     * @return the cursor of the page after it
     */
    String cursorOf(R last);

    /**
     * Ordered by the identity column alone (append order); the cursor is the last id.
     * @param <R> the table's record type
     * @param id the table's identity column
     * @return the order
     */
    static <R extends Record> KeysetOrder<R> byId(Field<Integer> id) {
        return byIdWithin(id);
    }

    /**
     * Append order, as {@link #byId}, for a list whose filter fixes each of {@code pinned} to one value: the same
     * rows in the same order, but the {@code ORDER BY} names the pinned columns first, as an index on
     * {@code (pinned…, id)} is ordered. SQL Server reads such an index in order either way; H2 only when the
     * {@code ORDER BY} starts with the index's columns, and otherwise sorts every row after the cursor.
     * @param <R> the table's record type
     * @param id the table's identity column
     * @param pinned the columns the list's filter fixes, in the index's order
     * @return the order
     */
    static <R extends Record> KeysetOrder<R> byIdWithin(Field<Integer> id, Field<?>... pinned) {
        List<SortField<?>> orderBy = new ArrayList<>();
        for (Field<?> column : pinned) {
            orderBy.add(column.asc());
        }
        orderBy.add(id.asc());
        List<SortField<?>> order = List.copyOf(orderBy);
        return new KeysetOrder<>() {
            @Override
            public List<SortField<?>> orderBy() {
                return order;
            }

            @Override
            public Condition after(String cursor) {
                return id.gt(parseId(cursor));
            }

            @Override
            public String cursorOf(R last) {
                return Integer.toString(last.get(id));
            }
        };
    }

    /**
     * Reads an id written by a cursor; anything else is a {@link ValidationException}.
     * @param text the cursor's text
     * @return the id it holds
     * @throws ValidationException when the text is not a non-negative integer
     */
    static int parseId(String text) {
        try {
            int id = Integer.parseInt(text);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the validation error
        }
        throw new ValidationException("cursor", "is not a cursor of this list: '" + text + "'");
    }
}
