package io.fcn.persistence.paging;

import io.fcn.persistence.internal.validation.Validate;

/**
 * A numbered page ({@code OFFSET … FETCH}), as the service's API contract pages today: page 1 is the first,
 * {@code limit} is 1–{@value #MAX_LIMIT}. Each page costs a count and a scan over the skipped rows; prefer
 * {@link KeysetRequest} for deep lists and batch jobs.
 *
 * @param page  the page number, 1 for the first
 * @param limit the page size
 */
public record PageRequest(int page, int limit) {

    /** The largest page: the service's API contract. */
    public static final int MAX_LIMIT = 100;

    /**
     * A request, validated.
     * @param page the page number, 1 for the first
     * @param limit the most items a page holds, 1–{@value #MAX_LIMIT}
     * @throws io.fcn.persistence.exceptions.ValidationException on a page below 1 or a limit out of range
     */
    public PageRequest {
        Validate.atLeast("page", page, 1);
        Validate.between("limit", limit, 1, MAX_LIMIT);
    }

    /**
     * Page {@code page} of {@code limit} items.
     * @param page the page number, 1 for the first
     * @param limit the most items a page holds, 1–{@value #MAX_LIMIT}
     * @return the request
     * @throws io.fcn.persistence.exceptions.ValidationException on a page below 1 or a limit out of range
     */
    public static PageRequest of(int page, int limit) {
        return new PageRequest(page, limit);
    }

    /**
     * Rows skipped before this page.
     * @return the offset
     */
    public long offset() {
        return (long) (page - 1) * limit;
    }
}
