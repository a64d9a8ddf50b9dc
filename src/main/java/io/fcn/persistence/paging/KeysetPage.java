package io.fcn.persistence.paging;

import java.util.List;
import java.util.Optional;

/**
 * One keyset page of a list: its items, and the opaque cursor of the next page, empty on the last page. A cursor is
 * valid only for the list (the same filter) that produced it.
 */
public record KeysetPage<T>(List<T> items, Optional<String> nextCursor) {

    /**
     * A page; a null cursor is read as the last page.
     * @param items the page's items, copied
     * @param nextCursor the cursor of the next page, empty on the last page
     */
    public KeysetPage {
        items = List.copyOf(items);
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
    }

    /** {@return whether a page follows this one} */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
