package io.fcn.persistence.authoring;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

import io.fcn.persistence.schema.model.SchemaChange;
import io.fcn.persistence.schema.model.SchemaChange.Kind;
import io.fcn.persistence.schema.model.SchemaDiff;

/**
 * A {@link SchemaDiff} for review: a text table for people, JSON for machines, Markdown for a pull-request
 * comment. Each shows the added, removed and changed objects with both sides, then what one side cannot show
 * ("not comparable": neither a change nor a match).
 */
public final class DiffRenderer {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String ABSENT = "(absent)";

    private DiffRenderer() {
    }

    /**
     * A summary line, one row per difference (change, object, path, property, from, to), and the not-comparable
     * properties as a second table.
     * @param diff the difference to show
     * @return the text, lines ending in a line feed
     */
    public static String text(SchemaDiff diff) {
        StringBuilder out = new StringBuilder();
        String sides = "from: " + diff.from().source() + "; to: " + diff.to().source();
        if (diff.isEmpty()) {
            out.append("No differences (").append(sides).append(")\n");
        } else {
            out.append("Schema diff: ").append(summary(diff)).append(" (").append(sides).append(")\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"CHANGE", "OBJECT", "PATH", "PROPERTY", "FROM", "TO"});
            for (SchemaChange c : diff.differences()) {
                rows.add(new String[] {c.kind().name(), c.object().name(), c.path(), orDash(c.property()),
                        orAbsent(c.fromText()), orAbsent(c.toText())});
            }
            table(out, rows);
        }
        if (!diff.notComparable().isEmpty()) {
            out.append("Not comparable (one side cannot show it): ").append(diff.notComparable().size()).append('\n');
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"OBJECT", "PATH", "PROPERTY", "FROM", "TO"});
            for (SchemaChange c : diff.notComparable()) {
                rows.add(new String[] {c.object().name(), c.path(), c.property(), c.fromText(), c.toText()});
            }
            table(out, rows);
        }
        return out.toString();
    }

    /**
     * {@code {"from", "to", "added", "removed", "changed", "changes": [{"kind", "object", "table", "path",
     * "property", "from", "to"}], "notComparable": [{"object", "table", "path", "property", "key", "from", "to"}]}};
     * absent values are null.
     * @param diff the difference to show
     * @return one JSON object
     */
    public static String json(SchemaDiff diff) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("from", diff.from().source());
            json.writeStringProperty("to", diff.to().source());
            json.writeNumberProperty("added", count(diff, Kind.ADDED));
            json.writeNumberProperty("removed", count(diff, Kind.REMOVED));
            json.writeNumberProperty("changed", count(diff, Kind.CHANGED));
            json.writeArrayPropertyStart("changes");
            for (SchemaChange c : diff.differences()) {
                json.writeStartObject();
                json.writeStringProperty("kind", c.kind().name());
                json.writeStringProperty("object", c.object().name());
                json.writeStringProperty("table", c.table());
                json.writeStringProperty("path", c.path());
                json.writeStringProperty("property", c.property());
                json.writeStringProperty("from", c.fromText());
                json.writeStringProperty("to", c.toText());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayPropertyStart("notComparable");
            for (SchemaChange c : diff.notComparable()) {
                json.writeStartObject();
                json.writeStringProperty("object", c.object().name());
                json.writeStringProperty("table", c.table());
                json.writeStringProperty("path", c.path());
                json.writeStringProperty("property", c.property());
                json.writeStringProperty("key", c.propertyKey());
                json.writeStringProperty("from", c.fromText());
                json.writeStringProperty("to", c.toText());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toString();
    }

    /**
     * A heading, a summary, a table with each difference marked (➕ added, ➖ removed, ✏️ changed), and the
     * not-comparable properties folded in a {@code <details>} block.
     * @param diff the difference to show
     * @return Markdown for a pull-request comment
     */
    public static String markdown(SchemaDiff diff) {
        StringBuilder out = new StringBuilder();
        out.append("### Schema diff: ").append(cell(diff.from().source())).append(" → ")
                .append(cell(diff.to().source())).append("\n\n");
        if (diff.isEmpty()) {
            out.append("No differences.\n");
        } else {
            out.append(summary(diff)).append(".\n\n");
            out.append("| | Object | Path | Property | From | To |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (SchemaChange c : diff.differences()) {
                out.append("| ").append(mark(c.kind())).append(" | ")
                        .append(c.object().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ")
                        .append(code(c.path())).append(" | ").append(c.property() == null ? "" : c.property())
                        .append(" | ").append(code(c.fromText())).append(" | ").append(code(c.toText()))
                        .append(" |\n");
            }
        }
        if (!diff.notComparable().isEmpty()) {
            out.append("\n<details><summary>Not comparable: ").append(diff.notComparable().size())
                    .append(" properties one side cannot show</summary>\n\n");
            out.append("| Object | Path | Property | From | To |\n");
            out.append("|---|---|---|---|---|\n");
            for (SchemaChange c : diff.notComparable()) {
                out.append("| ").append(c.object().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ")
                        .append(code(c.path())).append(" | ").append(c.property()).append(" | ")
                        .append(cell(c.fromText())).append(" | ").append(cell(c.toText())).append(" |\n");
            }
            out.append("\n</details>\n");
        }
        return out.toString();
    }

    private static String mark(Kind kind) {
        return switch (kind) {
            case ADDED -> "➕ added";
            case REMOVED -> "➖ removed";
            case CHANGED -> "✏️ changed";
            case NOT_COMPARABLE -> "not comparable";
        };
    }

    private static String summary(SchemaDiff diff) {
        return count(diff, Kind.ADDED) + " added, " + count(diff, Kind.REMOVED) + " removed, "
                + count(diff, Kind.CHANGED) + " changed";
    }

    private static long count(SchemaDiff diff, Kind kind) {
        return diff.changes().stream().filter(c -> c.kind() == kind).count();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String orAbsent(String s) {
        return s == null ? ABSENT : s;
    }

    /** Inline code in a table cell; empty for an absent side. */
    private static String code(String s) {
        return s == null ? "" : "`" + s.replace("|", "\\|").replace("`", "'") + "`";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    static void table(StringBuilder out, List<String[]> rows) {
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
                line.append(i == columns - 1 ? row[i] : row[i] + " ".repeat(widths[i] + 2 - row[i].length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
