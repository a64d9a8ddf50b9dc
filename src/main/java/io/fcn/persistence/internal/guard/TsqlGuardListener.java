package io.fcn.persistence.internal.guard;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jooq.ExecuteContext;
import org.jooq.Query;
import org.jooq.impl.DefaultExecuteListener;

/**
 * Fails every statement that T-SQL would reject before it reaches the database, and records what ran.
 * Meant for tests: add it to the entry point with {@code FcnPersistence.builder(…).executeListener(…)}.
 */
public final class TsqlGuardListener extends DefaultExecuteListener {

    private static final long serialVersionUID = 1L;

    private final List<String> executed = new CopyOnWriteArrayList<>();

    @Override
    public void prepareStart(ExecuteContext ctx) {
        // Before the driver sees it: some engines would fail on preparing already, with a less helpful error.
        if (ctx.sql() != null) {
            check(ctx.query(), ctx.sql());
        }
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (ctx.sql() == null && ctx.batchSQL() != null) {
            // A batch of different statements carries each of them here.
            Query[] queries = ctx.batchQueries();
            for (int i = 0; i < ctx.batchSQL().length; i++) {
                check(i < queries.length ? queries[i] : null, ctx.batchSQL()[i]);
            }
        }
    }

    private void check(Query query, String sql) {
        List<String> violations = TsqlGuard.violations(query, sql);
        if (!violations.isEmpty()) {
            throw new NotTsqlException(sql, violations);
        }
        executed.add(sql);
    }

    /** The statements executed so far, as rendered. */
    public List<String> executed() {
        return List.copyOf(executed);
    }

    /** A statement the production dialect rendered that SQL Server would reject. */
    public static final class NotTsqlException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotTsqlException(String sql, List<String> violations) {
            super("Not valid T-SQL (" + String.join(", ", violations) + "): " + sql);
        }
    }
}
