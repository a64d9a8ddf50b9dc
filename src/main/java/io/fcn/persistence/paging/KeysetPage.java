package io.fcn.persistence.paging;

import java.util.List;
import java.util.Optional;

/**
 * One keyset page of a list: its items, and the opaque cursor of the next page, empty on the last page. A cursor is
 * valid only for the list (the same filter) that produced it.
 */
public record KeysetPage<T>(List<T> items, Optional<String> nextCursor) {

    public KeysetPage {
        items = List.copyOf(items);
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
    }

    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
