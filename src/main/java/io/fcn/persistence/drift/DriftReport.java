package io.fcn.persistence.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.fcn.persistence.internal.format.Json;
import io.fcn.persistence.internal.format.TextTable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.fcn.persistence.schema.model.SchemaDiff;
import io.fcn.persistence.schema.model.SchemaModel;

/**
 * Drift: a {@link SchemaDiff} from the expected schema to the actual one seen as findings with severities (see
 * {@link #of(SchemaDiff)}), in a stable order, and how often a property could not be compared because one side
 * cannot show it ("not checkable here", e.g. {@code column.national} on H2), which is never drift.
 *
 * @param expectedSource where the expected schema came from (e.g. the jar's version)
 * @param actualSource where the actual schema came from (e.g. the live catalog)
 * @param findings the drift, one finding per difference
 * @param notCheckable per property, how often it could not be compared here
 */
public record DriftReport(String expectedSource, String actualSource, List<Finding> findings,
        SortedMap<String, Integer> notCheckable) {

    private static final String ABSENT = "(absent)";

    /**
     * Sorts the findings into the stable order and copies both collections, unmodifiable.
     * @param expectedSource where the expected schema came from
     * @param actualSource where the actual schema came from
     * @param findings the drift, any order
     * @param notCheckable per property, how often it could not be compared here
     */
    public DriftReport {
        findings = findings.stream().sorted(Finding.ORDER).toList();
        notCheckable = Collections.unmodifiableSortedMap(new TreeMap<>(notCheckable));
    }

    /**
     * The drift of {@code actual} against {@code expected}: {@code DriftReport.of(SchemaDiff.between(expected,
     * actual))}.
     * @param expected the schema the version should have
     * @param actual the schema found
     * @return the drift, empty when they match
     */
    public static DriftReport compare(SchemaModel expected, SchemaModel actual) {
        return of(SchemaDiff.between(expected, actual));
    }

    /**
     * {@code diff} (from the expected schema to the actual one) as drift: a removed object is MISSING, an added one
     * UNEXPECTED, a changed property CHANGED, and a not-comparable property counts as not checkable. An unexpected
     * table, index or default, or an unexpected column the library's inserts can ignore (nullable, defaulted or
     * identity), is a WARNING; everything else is an ERROR.
     * @param diff the diff from the expected schema to the actual one
     * @return the diff's findings
     */
    public static DriftReport of(SchemaDiff diff) {
        return DriftView.of(diff);
    }

    /**
     * Whether {@code policy} fails this report: any finding it counts as a failure.
     * @param policy the policy to judge by
     * @return true if a finding fails under it
     */
    public boolean failsUnder(DriftPolicy policy) {
        return findings.stream().anyMatch(policy::fails);
    }

    /**
     * The findings {@code policy} counts as failures.
     * @param policy the policy to judge by
     * @return those findings, in the report's order
     */
    public List<Finding> failures(DriftPolicy policy) {
        return findings.stream().filter(policy::fails).toList();
    }

    /**
     * This report and {@code other} as one (e.g. structure and history); sources from this one.
     * @param other the report to add
     * @return a new report with both reports' findings and not-checkable counts
     */
    public DriftReport plus(DriftReport other) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(other.findings);
        SortedMap<String, Integer> unknown = new TreeMap<>(notCheckable);
        other.notCheckable.forEach((k, v) -> unknown.merge(k, v, Integer::sum));
        return new DriftReport(expectedSource, actualSource, all, unknown);
    }

    /** {@return whether there are no findings at all, warnings included} */
    public boolean isEmpty() {
        return findings.isEmpty();
    }

    /** {@return whether any finding is an ERROR} */
    public boolean hasErrors() {
        return errors() > 0;
    }

    /** {@return how many findings are ERRORs} */
    public long errors() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
    }

    /** {@return how many findings are WARNINGs} */
    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
    }

    /**
     * A table for people: a summary line, one line per finding (severity, kind, object, path, property, expected,
     * actual), and what could not be checked.
     * @return the text, one line per row, ending with a newline
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        String sources = "expected: " + expectedSource + "; actual: " + actualSource;
        if (isEmpty()) {
            out.append("No schema drift (").append(sources).append(")\n");
        } else {
            out.append("Schema drift: ").append(count(errors(), "error")).append(", ")
                    .append(count(warnings(), "warning")).append(" (").append(sources).append(")\n");
            TextTable table = new TextTable("SEVERITY", "KIND", "OBJECT", "PATH", "PROPERTY", "EXPECTED", "ACTUAL");
            for (Finding f : findings) {
                table.row(f.severity().name(), f.kind().name(), f.object().name(), f.path(),
                        f.property() == null ? "-" : f.property(),
                        f.expected() == null ? ABSENT : f.expected(), f.actual() == null ? ABSENT : f.actual());
            }
            out.append(table.render());
        }
        if (!notCheckable.isEmpty()) {
            out.append("Not checkable here: ");
            List<String> parts = new ArrayList<>();
            notCheckable.forEach((what, n) -> parts.add(what + " (" + n + ")"));
            out.append(String.join(", ", parts)).append('\n');
        }
        return out.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * The same as JSON: {@code {"expected", "actual", "errors", "warnings", "findings": [{"severity", "kind",
     * "object", "path", "property", "expected", "actual"}], "notCheckable": {name: count}}}; absent values are null.
     * @return the JSON text
     */
    public String toJson() {
        ObjectNode json = Json.object();
        json.put("expected", expectedSource);
        json.put("actual", actualSource);
        json.put("errors", errors());
        json.put("warnings", warnings());
        ArrayNode rows = json.putArray("findings");
        for (Finding f : findings) {
            rows.addObject()
                    .put("severity", f.severity().name())
                    .put("kind", f.kind().name())
                    .put("object", f.object().name())
                    .put("path", f.path())
                    .put("property", f.property())
                    .put("expected", f.expected())
                    .put("actual", f.actual());
        }
        ObjectNode unknown = json.putObject("notCheckable");
        notCheckable.forEach(unknown::put);
        return Json.write(json);
    }

    @Override
    public String toString() {
        return toText();
    }
}
