package io.fcn.persistence.paging;

import java.util.List;
import java.util.Optional;

/**
 * One keyset page of a list: its items, and the opaque cursor of the next page, empty on the last page. A cursor is
 * valid only for the list (the same repository, filter and order) that produced it: it carries the last row's key,
 * a fingerprint of that list and a checksum (base64url text, at most 200 characters). A cursor that is changed,
 * truncated or from another list is a {@link io.fcn.persistence.exceptions.ValidationException} on {@code cursor};
 * the check guards against mistakes, not against a caller who forges one. Cursors do not expire: rows added behind
 * one never shift it.
 *
 * @param <T>        the item type
 * @param items      the page's items, in the list's order
 * @param nextCursor the cursor of the next page; empty on the last page
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
