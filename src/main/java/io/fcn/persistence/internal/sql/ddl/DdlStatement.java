package io.fcn.persistence.internal.sql.ddl;

import java.util.List;
import java.util.Objects;

/**
 * One rendered statement.
 *
 * @param sql      the T-SQL text, without its terminating semicolon
 * @param reviews  what the renderer could not know and the reader must check (each written as {@code -- REVIEW: …})
 * @param marker   a lint marker line written before the statement ({@code -- fcn:online}), or null
 * @param goAfter  whether a {@code GO} ends the batch after it (a later statement uses a column it added)
 */
public record DdlStatement(String sql, List<String> reviews, String marker, boolean goAfter) {

    public DdlStatement {
        Objects.requireNonNull(sql, "sql");
        reviews = List.copyOf(reviews);
    }

    public static DdlStatement of(String sql) {
        return new DdlStatement(sql, List.of(), null, false);
    }

    DdlStatement withGoAfter() {
        return new DdlStatement(sql, reviews, marker, true);
    }

    /** The statement as a script holds it: review lines, marker, the statement and its semicolon, GO. */
    public String text() {
        StringBuilder out = new StringBuilder();
        reviews.forEach(r -> out.append("-- REVIEW: ").append(r).append('\n'));
        if (marker != null) {
            out.append(marker).append('\n');
        }
        // A statement the renderer could not write is a comment (with its review lines), not a statement.
        out.append(sql).append(sql.startsWith("--") ? "\n" : ";\n");
        if (goAfter) {
            out.append("GO\n");
        }
        return out.toString();
    }
}
