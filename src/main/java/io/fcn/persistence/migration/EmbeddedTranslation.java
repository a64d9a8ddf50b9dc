package io.fcn.persistence.migration;

import java.util.StringJoiner;

import org.jooq.DSLContext;
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
final class EmbeddedTranslation {

    private static final DSLContext H2 = DSL.using(SQLDialect.H2, new Settings()
            .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
            .withParseIgnoreComments(true)
            .withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withRenderFormatted(true));

    private EmbeddedTranslation() {
    }

    static String toH2(String tsql) {
        StringJoiner out = new StringJoiner(";\n\n", "", ";\n");
        for (Query query : H2.parser().parse(tsql)) {
            out.add(H2.render(embeddable(query)));
        }
        return out.toString();
    }

    private static Query embeddable(Query query) {
        // H2 has no filtered indexes, and a unique index there treats NULLs as equal, as SQL Server does:
        // without its filter the index must lose its uniqueness too, or it would reject valid rows.
        if (query instanceof QOM.CreateIndex index && index.$where() != null) {
            return index.$where(null).$unique(false);
        }
        return query;
    }
}
