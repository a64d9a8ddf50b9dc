package io.fcn.persistence.paging;

import io.fcn.persistence.internal.validation.Validate;

/**
 * A numbered page ({@code OFFSET … FETCH}), as the service's API contract pages today: page 1 is the first,
 * {@code limit} is 1–{@value #MAX_LIMIT}. Each page costs a count and a scan over the skipped rows; prefer
 * {@link KeysetRequest} for deep lists and batch jobs.
 */
public record PageRequest(int page, int limit) {

    public static final int MAX_LIMIT = 100;

    public PageRequest {
        Validate.atLeast("page", page, 1);
        Validate.between("limit", limit, 1, MAX_LIMIT);
    }

    public static PageRequest of(int page, int limit) {
        return new PageRequest(page, limit);
    }

    /** Rows skipped before this page. */
    public long offset() {
        return (long) (page - 1) * limit;
    }
}
