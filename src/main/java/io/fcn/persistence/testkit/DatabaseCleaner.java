package io.fcn.persistence.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jooq.DSLContext;
import org.jooq.ForeignKey;
import org.jooq.Table;

import io.fcn.persistence.jooq.DefaultSchema;

/**
 * Empties the library's tables between tests: DELETE in reverse foreign-key order (TRUNCATE is refused on
 * referenced tables by SQL Server and H2 alike), derived from the generated keys so it never goes stale.
 */
public final class DatabaseCleaner {

    private static final List<Table<?>> DELETE_ORDER = deleteOrder(DefaultSchema.DEFAULT_SCHEMA.getTables());

    private DatabaseCleaner() {
    }

    /**
     * Empties every table of the library, children before parents.
     * @param dsl where to delete
     */
    public static void deleteAll(DSLContext dsl) {
        deleteAll(dsl, table -> true);
    }

    /**
     * Empties the tables {@code include} accepts (e.g. only those an older schema version has).
     * @param dsl where to delete
     * @param include which tables to empty
     */
    public static void deleteAll(DSLContext dsl, Predicate<Table<?>> include) {
        for (Table<?> table : DELETE_ORDER) {
            if (include.test(table)) {
                dsl.deleteFrom(table).execute();
            }
        }
    }

    /** Tables whose rows reference others come first; self-references are ignored. */
    static List<Table<?>> deleteOrder(List<Table<?>> tables) {
        Set<Table<?>> ordered = new LinkedHashSet<>();
        List<Table<?>> remaining = new ArrayList<>(tables);
        while (!remaining.isEmpty()) {
            Table<?> next = remaining.stream()
                    .filter(t -> remaining.stream().noneMatch(other -> other != t && references(other, t)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Foreign keys form a cycle: " + remaining));
            ordered.add(next);
            remaining.remove(next);
        }
        return List.copyOf(ordered);
    }

    private static boolean references(Table<?> from, Table<?> to) {
        for (ForeignKey<?, ?> fk : from.getReferences()) {
            if (fk.getKey().getTable().equals(to)) {
                return true;
            }
        }
        return false;
    }
}
