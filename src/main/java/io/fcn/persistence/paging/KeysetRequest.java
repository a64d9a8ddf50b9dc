package io.fcn.persistence.paging;

import java.util.Optional;

import io.fcn.persistence.internal.validation.Validate;

/**
 * A keyset page: up to {@code limit} (1–{@value #MAX_LIMIT}) items after {@code cursor}, or from the start when the
 * cursor is empty. Each page is one index seek however deep the list is, and rows added behind the cursor never
 * shift it: the way to walk long lists and batch jobs. The cursor is the opaque {@link KeysetPage#nextCursor()} of
 * the previous page of the same list.
 *
 * @param cursor the previous page's {@link KeysetPage#nextCursor()}, or empty for the first page
 * @param limit  the most items the page holds
 */
public record KeysetRequest(Optional<String> cursor, int limit) {

    /** Larger than {@link PageRequest#MAX_LIMIT}: batch jobs walk whole lists with it. */
    public static final int MAX_LIMIT = 1000;

    /**
     * A request, validated.
     * @param cursor the previous page's {@link KeysetPage#nextCursor()}, or empty for the first page
     * @param limit the most items the page holds, 1–{@value #MAX_LIMIT}
     * @throws io.fcn.persistence.exceptions.ValidationException on a null cursor or a limit out of range
     */
    public KeysetRequest {
        Validate.notNull("cursor", cursor);
        Validate.between("limit", limit, 1, MAX_LIMIT);
    }

    /**
     * The first page of a list.
     * @param limit the most items the page holds, 1–{@value #MAX_LIMIT}
     * @return the request
     */
    public static KeysetRequest first(int limit) {
        return new KeysetRequest(Optional.empty(), limit);
    }

    /**
     * The page after the one whose {@link KeysetPage#nextCursor()} is {@code cursor}.
     * @param cursor the previous page's cursor, as it came
     * @param limit the most items the page holds, 1–{@value #MAX_LIMIT}
     * @return the request
     */
    public static KeysetRequest after(String cursor, int limit) {
        return new KeysetRequest(Optional.of(Validate.notNull("cursor", cursor)), limit);
    }
}
