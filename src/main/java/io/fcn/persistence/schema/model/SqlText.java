package io.fcn.persistence.schema.model;

/**
 * Normalizes SQL fragments the catalogs return (defaults, CHECK predicates, index filters) so the same text written
 * by different tools compares equal: identifier quotes ({@code []}, {@code ""}) and the {@code dbo.} qualifier go,
 * case and white space outside string literals are folded, and parentheses around the whole fragment are dropped
 * ({@code ((0))} → {@code 0}, {@code "dbo"."sysdatetimeoffset"()} → {@code sysdatetimeoffset()}). String literals
 * are kept as written.
 */
public final class SqlText {

    private SqlText() {
    }

    /**
     * The canonical form of a CHECK predicate, the same however an engine's catalog words it (SQL Server's
     * {@code ([status]='a' OR [status]='b')}, H2's {@code "STATUS" IN('a', 'b')} and the migration's
     * {@code status IN ('a', 'b')} all give one text): IN as ORs of equalities, BETWEEN as two comparisons, AND and
     * OR flattened, casts of literals, quotes, case, white space and redundant parentheses dropped.
     * @param predicate a predicate as an engine or a migration shows it
     * @return its canonical text, or empty when it is not a predicate this reading understands
     */
    public static java.util.Optional<String> canonicalPredicate(String predicate) {
        return PredicateForm.canonical(predicate);
    }

    /**
     * Whether two CHECK predicates are the same however each engine words them.
     * @param a one predicate, or null where its side cannot show it
     * @param b the other, or null
     * @return true or false; empty when a side cannot show its predicate or this reading does not understand it
     *         (not comparable)
     */
    public static java.util.Optional<Boolean> samePredicate(String a, String b) {
        if (a == null || b == null) {
            return java.util.Optional.empty();
        }
        if (a.equals(b)) {
            return java.util.Optional.of(true);
        }
        java.util.Optional<String> x = canonicalPredicate(a);
        java.util.Optional<String> y = canonicalPredicate(b);
        return x.isEmpty() || y.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(x.equals(y));
    }

    /**
     * Normalizes one fragment.
     * @param sql a default, predicate or filter as an engine shows it
     * @return the normalized text
     */
    public static String normalize(String sql) {
        String folded = fold(sql);
        while (wrapped(folded)) {
            folded = folded.substring(1, folded.length() - 1).strip();
        }
        return folded;
    }

    /** Quotes removed, lower case and single spaces outside literals, no spaces inside parentheses or at commas. */
    private static String fold(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = literalEnd(sql, i);
                out.append(sql, i, end);
                i = end;
            } else if (c == '[' || c == ']' || c == '"') {
                i++;
            } else if (Character.isWhitespace(c)) {
                while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                out.append(' ');
            } else {
                out.append(Character.toLowerCase(c));
                i++;
            }
        }
        return collapse(out.toString().strip());
    }

    /** Removes spaces next to parentheses and commas, and the dbo qualifier, outside literals. */
    private static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = literalEnd(s, i);
                out.append(s, i, end);
                i = end;
                continue;
            }
            if (c == ' ') {
                char prev = out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
                char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
                if (prev == '(' || prev == ',' || next == ')' || next == ',') {
                    i++;
                    continue;
                }
            }
            if (s.startsWith("dbo.", i) && (out.length() == 0 || !isIdentifierPart(out.charAt(out.length() - 1)))) {
                i += 4;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The index just past the literal that starts at {@code start} ({@code ''} escapes a quote). */
    private static int literalEnd(String s, int start) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** Whether the first parenthesis closes at the very end, i.e. it wraps everything. */
    private static boolean wrapped(String s) {
        if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                i = literalEnd(s, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
