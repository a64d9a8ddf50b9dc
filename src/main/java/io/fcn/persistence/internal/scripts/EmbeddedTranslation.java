package io.fcn.persistence.internal.scripts;

import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * Translates the T-SQL migrations to H2 through jOOQ's parser, so the embedded engine runs the same files that
 * SQL Server runs. Nothing is maintained twice: the migration file is the input, always.
 */
public final class EmbeddedTranslation {

    private static final DSLContext H2 = DSL.using(SQLDialect.H2, new Settings()
            .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
            .withParseIgnoreComments(true)
            .withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withRenderFormatted(true));

    private EmbeddedTranslation() {
    }

    public static String toH2(String tsql) {
        StringJoiner out = new StringJoiner(";\n\n", "", ";\n");
        statements(tsql).forEach(out::add);
        return out.toString();
    }

    /** The H2 statements of {@code tsql}, one per statement of the script, in order (what Flyway runs on H2). */
    public static List<String> statements(String tsql) {
        List<String> out = new java.util.ArrayList<>();
        for (Query query : H2.parser().parse(tsql)) {
            out.add(withoutNamedDefault(H2.render(embeddable(query))));
        }
        return out;
    }

    private static final Pattern DROP_DEFAULT_CONSTRAINT = Pattern.compile(
            "(?is)\\s*alter\\s+table\\s+(\\S+)\\s+drop\\s+constraint\\s+(?:if\\s+exists\\s+)?(df_\\S+)\\s*");

    /**
     * H2 keeps a column default without the name T-SQL gives it ({@code CONSTRAINT df_x DEFAULT …}), so
     * {@code DROP CONSTRAINT df_<table>_<column>} would fail there: it becomes {@code ALTER COLUMN <column> DROP
     * DEFAULT}, the column taken from the naming rule; a name off the rule is dropped only if it exists.
     */
    public static String withoutNamedDefault(String h2Sql) {
        Matcher m = DROP_DEFAULT_CONSTRAINT.matcher(h2Sql);
        if (!m.matches()) {
            return generatedName(h2Sql);
        }
        String table = m.group(1);
        String constraint = m.group(2);
        String prefix = "df_" + table.substring(table.lastIndexOf('.') + 1) + "_";
        if (constraint.regionMatches(true, 0, prefix, 0, prefix.length()) && constraint.length() > prefix.length()) {
            return "alter table " + table + " alter column " + constraint.substring(prefix.length()) + " drop default";
        }
        return "alter table " + table + " drop constraint if exists " + constraint;
    }

    private static final Pattern GENERATED_NAME = Pattern.compile("(?i)(drop\\s+constraint\\s+(?:if\\s+exists\\s+)?)"
            + "(constraint_[0-9a-f]+)\\b");

    /**
     * H2 names an unnamed constraint {@code CONSTRAINT_<n>} in upper case, which an unquoted name (folded to lower
     * case here) does not find: such a name is dropped quoted, as H2 stores it.
     */
    private static String generatedName(String h2Sql) {
        Matcher m = GENERATED_NAME.matcher(h2Sql);
        return m.find() ? m.replaceAll(r -> r.group(1) + "\"" + r.group(2).toUpperCase(java.util.Locale.ROOT) + "\"")
                : h2Sql;
    }

    private static Query embeddable(Query query) {
        // H2 has no filtered indexes, and a unique index there treats NULLs as equal, as SQL Server does:
        // without its filter the index must lose its uniqueness too, or it would reject valid rows.
        if (query instanceof QOM.CreateIndex index) {
            // H2 has no INCLUDE either: jOOQ would append the included columns to the key, which changes the
            // index's columns; without them the index has the key SQL Server has.
            QOM.CreateIndex out = index.$include().isEmpty() ? index : index.$include(List.of());
            return out.$where() != null ? out.$where(null).$unique(false) : out;
        }
        // sp_rename 'dbo.table.old', 'new', 'INDEX' parses as ALTER INDEX dbo.table.old, which H2 rejects: its
        // index names are qualified by the schema alone.
        if (query instanceof QOM.AlterIndex alter && alter.$renameTo() != null) {
            Name[] parts = alter.$index().getQualifiedName().parts();
            if (parts.length == 3) {
                return DSL.alterIndex(DSL.name(parts[0], parts[2])).renameTo(alter.$renameTo().getUnqualifiedName());
            }
        }
        return query;
    }
}
