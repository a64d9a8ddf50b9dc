package io.fcn.persistence.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.SqlText;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;

/**
 * What a development database's catalog cannot show, taken from the expected schema where the object is unchanged:
 * the N of NVARCHAR, sizes, default names, INCLUDE columns and filters. A CHECK whose predicate is the expected one
 * (however the catalog words it) keeps the expected text; a new or changed one is written in its canonical form. What stays unknown is left null, and the renderer flags it for review.
 */
final class ExpectedFill {

    private ExpectedFill() {
    }

    static SchemaModel fill(SchemaModel dev, SchemaModel expected) {
        List<TableModel> tables = new ArrayList<>();
        for (TableModel t : dev.tables()) {
            Optional<TableModel> e = expected.table(t.name());
            tables.add(referencedTypes(e.isEmpty() ? portableChecks(t) : table(t, e.get()), expected));
        }
        return new SchemaModel(dev.source(), tables);
    }

    private static TableModel table(TableModel t, TableModel e) {
        List<ColumnModel> columns = t.columns().stream().map(c -> e.column(c.name())
                .filter(x -> x.type().matches(c.type()) && agree(x.nullable(), c.nullable())
                        && agree(x.identity(), c.identity()))
                .orElse(c)).toList();
        List<IndexModel> indexes = t.indexes().stream().map(i -> e.index(i.name())
                .filter(x -> x.columns().equals(i.columns()) && sameUniqueness(i, x))
                .orElse(i)).toList();
        List<CheckModel> checks = t.checks() == null ? e.checks() : t.checks().stream()
                .map(c -> e.checks() == null ? c : e.checks().stream().filter(x -> x.name().equals(c.name())
                        && samePredicate(x, c)).findFirst().orElse(portable(c)))
                .toList();
        List<DefaultModel> defaults = t.defaults() == null ? e.defaults() : t.defaults().stream()
                .map(d -> e.defaultOf(d.column()).filter(x -> agree(x.expression(), d.expression())
                        && agree(x.name(), d.name())).orElse(d))
                .toList();
        return new TableModel(t.name(), columns, t.primaryKey(), t.uniqueKeys(), t.foreignKeys(), indexes, checks,
                defaults);
    }

    /**
     * A foreign-key column whose N the source cannot show has the type of the column it references, where the
     * expected schema knows that one and the rest of the type matches.
     */
    private static TableModel referencedTypes(TableModel t, SchemaModel expected) {
        List<ColumnModel> columns = t.columns().stream().map(c -> {
            if (c.type().nationalKnown()) {
                return c;
            }
            for (var fk : t.foreignKeys()) {
                int i = fk.columns().indexOf(c.name());
                if (i >= 0) {
                    Optional<ColumnModel> ref = expected.table(fk.referencedTable())
                            .flatMap(r -> r.column(fk.referencedColumns().get(i)));
                    if (ref.isPresent() && ref.get().type().nationalKnown() && ref.get().type().matches(c.type())) {
                        return new ColumnModel(c.name(), ref.get().type(), c.nullable(), c.identity());
                    }
                }
            }
            return c;
        }).toList();
        return new TableModel(t.name(), columns, t.primaryKey(), t.uniqueKeys(), t.foreignKeys(), t.indexes(),
                t.checks(), t.defaults());
    }

    /** The same, or the embedded engine's form of a filtered unique index (no filter, not unique). */
    private static boolean sameUniqueness(IndexModel dev, IndexModel expected) {
        if (agree(dev.unique(), expected.unique())) {
            return true;
        }
        return dev.filter() == null && expected.filter() != null && expected.filter().isPresent()
                && Boolean.FALSE.equals(dev.unique());
    }

    private static TableModel portableChecks(TableModel t) {
        return new TableModel(t.name(), t.columns(), t.primaryKey(), t.uniqueKeys(), t.foreignKeys(), t.indexes(),
                t.checks() == null ? null : t.checks().stream().map(ExpectedFill::portable).toList(), t.defaults());
    }

    /** The same predicate however each side words it, or one side cannot show it. */
    private static boolean samePredicate(CheckModel a, CheckModel b) {
        if (a.expression() == null || b.expression() == null || a.expression().equals(b.expression())) {
            return true;
        }
        Optional<String> x = SqlText.canonicalPredicate(a.expression());
        return x.isEmpty() || x.equals(SqlText.canonicalPredicate(b.expression()));
    }

    /**
     * A new or changed predicate in its canonical form, which is T-SQL whichever engine showed it (H2 words
     * {@code ISJSON} and literals its own way); as the catalog shows it when that cannot be read.
     */
    private static CheckModel portable(CheckModel c) {
        return new CheckModel(c.name(), c.expression() == null ? null
                : SqlText.canonicalPredicate(c.expression()).orElse(c.expression()));
    }

    private static boolean agree(Object a, Object b) {
        return a == null || b == null || a.equals(b);
    }
}
