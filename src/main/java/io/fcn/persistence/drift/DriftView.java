package io.fcn.persistence.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.drift.Finding.Severity;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.SchemaChange;
import io.fcn.persistence.schema.model.SchemaDiff;
import io.fcn.persistence.schema.model.TableModel;

/**
 * Drift as a view over a {@link SchemaDiff} from the expected schema to the actual one: a removed object is
 * missing, an added one unexpected, a not-comparable property is counted as not checkable. Severities: an
 * unexpected table, index or default, or an unexpected column the library's inserts can ignore (nullable,
 * defaulted or identity), is a WARNING; everything else is an ERROR.
 */
final class DriftView {

    private DriftView() {
    }

    static DriftReport of(SchemaDiff diff) {
        List<Finding> findings = new ArrayList<>();
        SortedMap<String, Integer> notCheckable = new TreeMap<>();
        for (SchemaChange c : diff.changes()) {
            ObjectType object = ObjectType.valueOf(c.object().name());
            switch (c.kind()) {
                case NOT_COMPARABLE -> notCheckable.merge(c.propertyKey(), 1, Integer::sum);
                case REMOVED -> findings.add(new Finding(Severity.ERROR, Kind.MISSING, object, c.path(), null,
                        c.fromText(), null));
                case ADDED -> findings.add(new Finding(unexpectedSeverity(diff, c), Kind.UNEXPECTED, object,
                        c.path(), null, null, c.toText()));
                case CHANGED -> findings.add(new Finding(Severity.ERROR, Kind.CHANGED, object, c.path(),
                        c.property(), c.fromText(), c.toText()));
            }
        }
        return new DriftReport(diff.from().source(), diff.to().source(), findings, notCheckable);
    }

    private static Severity unexpectedSeverity(SchemaDiff diff, SchemaChange c) {
        return switch (c.object()) {
            case TABLE, INDEX, DEFAULT -> Severity.WARNING;
            case COLUMN -> insertsIgnore(diff.to().table(c.table()).orElseThrow(), (ColumnModel) c.to())
                    ? Severity.WARNING : Severity.ERROR;
            default -> Severity.ERROR;
        };
    }

    /** An unexpected column the library's inserts need not fill. */
    private static boolean insertsIgnore(TableModel table, ColumnModel column) {
        return !Boolean.FALSE.equals(column.nullable()) || Boolean.TRUE.equals(column.identity())
                || table.defaultOf(column.name()).isPresent();
    }
}
