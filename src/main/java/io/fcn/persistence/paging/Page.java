package io.fcn.persistence.paging;

import java.util.List;

/**
 * One numbered page of a list, with the list's totals ({@code total_items}, {@code total_pages}).
 *
 * @param <T>        the item type
 * @param items      the page's items, in the list's order; empty past the last page
 * @param page       the page number, 1 for the first
 * @param limit      the page size asked for
 * @param totalItems how many items the whole list has
 * @param totalPages how many pages of {@code limit} the list fills
 */
public record Page<T>(List<T> items, int page, int limit, long totalItems, long totalPages) {

    /**
     * A page of a list.
     * @param items the page's items, copied
     * @param page its number, 1 for the first
     * @param limit the most items a page holds
     * @param totalItems the items of the whole list
     * @param totalPages the pages of the whole list
     */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Whether a page follows this one.
     * @return true unless this is the last page (or past it)
     */
    public boolean hasNext() {
        return page < totalPages;
    }
}
