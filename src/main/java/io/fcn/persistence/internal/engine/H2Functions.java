package io.fcn.persistence.internal.engine;

import java.time.OffsetDateTime;

/** SQL Server functions the migrations use, as H2 aliases for the embedded engine. */
public final class H2Functions {

    private H2Functions() {
    }

    /** {@code SYSDATETIMEOFFSET()}: only column defaults use it; the library itself takes time from its Clock. */
    public static OffsetDateTime sysdatetimeoffset() {
        return OffsetDateTime.now();
    }
}
