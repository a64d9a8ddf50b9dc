package io.fcn.persistence.paging;

import java.util.List;

/** One numbered page of a list, with the list's totals ({@code total_items}, {@code total_pages}). */
public record Page<T>(List<T> items, int page, int limit, long totalItems, long totalPages) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return page < totalPages;
    }
}
