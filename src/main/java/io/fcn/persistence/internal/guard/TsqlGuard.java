package io.fcn.persistence.internal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jooq.Query;
import org.jooq.impl.QOM;

/**
 * Recognises renderings of jOOQ's DEFAULT dialect that SQL Server rejects. H2 accepts most of them silently, so
 * tests on the embedded engine run every statement past this guard (see {@link TsqlGuardListener}).
 */
public final class TsqlGuard {

    private record Rule(String name, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule("LIMIT (use OFFSET … FETCH)", "\\blimit\\s+(\\?|\\d+)"),
            rule("RETURNING", "\\breturning\\b"),
            rule("SELECT EXISTS(…) (use a count or a select of a row)", "\\bselect\\s+exists\\s*\\("),
            rule("ON CONFLICT", "\\bon\\s+conflict\\b"),
            rule("ON DUPLICATE KEY", "\\bon\\s+duplicate\\s+key\\b"),
            rule("MERGE", "^\\s*merge\\b|\\bmerge\\s+into\\b"),
            rule("FOR UPDATE (use table hints)", "\\bfor\\s+update\\b"),
            rule("row-value comparison (write out a > ? or (a = ? and b > ?))",
                    "\\(\\s*[\\w.?]+(\\s*,\\s*[\\w.?]+)+\\s*\\)\\s*(<=|>=|<>|!=|<|>|=)\\s*\\("),
            rule("boolean literal comparison (bind the value instead)",
                    "(=|<>|!=|\\bis(\\s+not)?)\\s*(true|false)\\b"),
            rule("TIMESTAMP WITH TIME ZONE (take time from the Clock)", "\\btimestamp\\s*(\\(\\s*\\d+\\s*\\))?\\s+with\\s+time\\s+zone\\b"),
            rule("FETCH without OFFSET", "^(?!.*\\boffset\\s+\\S+\\s+rows?\\b).*\\bfetch\\s+(first|next)\\b"));

    private static final Pattern LITERALS = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\\[[^\\]]*\\]");

    private TsqlGuard() {
    }

    private static Rule rule(String name, String regex) {
        return new Rule(name, Pattern.compile(regex, Pattern.DOTALL));
    }

    /**
     * The constructs of {@code query} that T-SQL rejects or that the DEFAULT dialect silently drops: it renders
     * {@code onConflictDoNothing()} and {@code onDuplicateKeyIgnore()} as a plain INSERT, which no look at the SQL
     * can catch.
     */
    public static List<String> violations(Query query, String sql) {
        List<String> found = new ArrayList<>(violations(sql));
        if (query instanceof QOM.Insert<?> insert && (insert.$onDuplicateKeyIgnore() || insert.$onDuplicateKeyUpdate()
                || !insert.$onConflict().isEmpty())) {
            found.add("ON CONFLICT / ON DUPLICATE KEY (insert, catch the unique violation, read)");
        }
        return found;
    }

    /** The constructs in {@code sql} that T-SQL rejects, by name; empty when the statement is fine. */
    public static List<String> violations(String sql) {
        // Names and string literals may contain anything; replace them before looking at the syntax.
        String shape = LITERALS.matcher(sql).replaceAll("x").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<String> found = new ArrayList<>();
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(shape).find()) {
                found.add(rule.name());
            }
        }
        return found;
    }
}
