package io.fcn.persistence.drift;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * The outcome of a {@link SchemaDiff}: the findings in a stable order, and how often a property could not be
 * compared because one side cannot show it ("not checkable here", e.g. {@code column.national} on H2), which is
 * never drift.
 */
public record DriftReport(String expectedSource, String actualSource, List<Finding> findings,
        SortedMap<String, Integer> notCheckable) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String ABSENT = "(absent)";

    /**
     * A report; findings are sorted, the counts copied.
     * @param expectedSource where the expected schema came from, e.g. a version's snapshot
     * @param actualSource what was read, e.g. the live catalog
     * @param findings the differences
     * @param notCheckable per property, how often one side could not show it
     */
    public DriftReport {
        findings = findings.stream().sorted(Finding.ORDER).toList();
        notCheckable = Collections.unmodifiableSortedMap(new TreeMap<>(notCheckable));
    }

    /**
     * Whether {@code policy} fails this report: any finding it counts as a failure.
     * @param policy the policy
     * @return true if any finding fails under it
     */
    public boolean failsUnder(DriftPolicy policy) {
        return findings.stream().anyMatch(policy::fails);
    }

    /**
     * The findings {@code policy} counts as failures.
     * @param policy the policy
     * @return those findings, in the report's order
     */
    public List<Finding> failures(DriftPolicy policy) {
        return findings.stream().filter(policy::fails).toList();
    }

    /**
     * This report and {@code other} as one (e.g. structure and history); sources from this one.
     * @param other another report
     * @return the two as one
     */
    public DriftReport plus(DriftReport other) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(other.findings);
        SortedMap<String, Integer> unknown = new TreeMap<>(notCheckable);
        other.notCheckable.forEach((k, v) -> unknown.merge(k, v, Integer::sum));
        return new DriftReport(expectedSource, actualSource, all, unknown);
    }

    /**
     * No findings at all, warnings included.
     * @return true if there is no finding
     */
    public boolean isEmpty() {
        return findings.isEmpty();
    }

    /** {@return whether any finding is an ERROR} */
    public boolean hasErrors() {
        return errors() > 0;
    }

    /** {@return how many findings are errors} */
    public long errors() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
    }

    /** {@return how many findings are warnings} */
    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
    }

    /**
     * A table for people: a summary line, one line per finding (severity, kind, object, path, property, expected,
     * actual), and what could not be checked.
     * @return the text report
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        String sources = "expected: " + expectedSource + "; actual: " + actualSource;
        if (isEmpty()) {
            out.append("No schema drift (").append(sources).append(")\n");
        } else {
            out.append("Schema drift: ").append(count(errors(), "error")).append(", ")
                    .append(count(warnings(), "warning")).append(" (").append(sources).append(")\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SEVERITY", "KIND", "OBJECT", "PATH", "PROPERTY", "EXPECTED", "ACTUAL"});
            for (Finding f : findings) {
                rows.add(new String[] {f.severity().name(), f.kind().name(), f.object().name(), f.path(),
                        f.property() == null ? "-" : f.property(),
                        f.expected() == null ? ABSENT : f.expected(), f.actual() == null ? ABSENT : f.actual()});
            }
            appendTable(out, rows);
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

    private static void appendTable(StringBuilder out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : pad(row[i], widths[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    /**
     * The same as JSON: {@code {"expected", "actual", "errors", "warnings", "findings": [{"severity", "kind",
     * "object", "path", "property", "expected", "actual"}], "notCheckable": {name: count}}}; absent values are null.
     * @return the report as one JSON object
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("expected", expectedSource);
            json.writeStringProperty("actual", actualSource);
            json.writeNumberProperty("errors", errors());
            json.writeNumberProperty("warnings", warnings());
            json.writeArrayPropertyStart("findings");
            for (Finding f : findings) {
                json.writeStartObject();
                json.writeStringProperty("severity", f.severity().name());
                json.writeStringProperty("kind", f.kind().name());
                json.writeStringProperty("object", f.object().name());
                json.writeStringProperty("path", f.path());
                json.writeStringProperty("property", f.property());
                json.writeStringProperty("expected", f.expected());
                json.writeStringProperty("actual", f.actual());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectPropertyStart("notCheckable");
            for (Map.Entry<String, Integer> e : notCheckable.entrySet()) {
                json.writeNumberProperty(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
