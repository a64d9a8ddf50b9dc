package io.fcn.persistence.lint;

import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * What {@link MigrationLint} found, in file and line order. Lint fails when an error is not allowed.
 *
 * @param findings the findings, allowed ones included
 */
public record LintReport(List<LintFinding> findings) {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Copies the findings, unmodifiable.
     * @param findings the findings, in file and line order
     */
    public LintReport {
        findings = List.copyOf(findings);
    }

    /** {@return the errors that are not allowed} */
    public List<LintFinding> errors() {
        return findings.stream().filter(LintFinding::failing).toList();
    }

    /** {@return whether lint passed: no error that is not allowed} */
    public boolean passed() {
        return errors().isEmpty();
    }

    /**
     * {@return the report as JSON: {@code {"findings": [{"code", "severity", "file", "line", "statement", "rule",
     * "fix", "allowed"}]}}}
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeName("findings");
            json.writeStartArray();
            for (LintFinding f : findings) {
                json.writeStartObject();
                json.writeStringProperty("code", f.code());
                json.writeStringProperty("severity", f.severity().label());
                json.writeStringProperty("file", f.file());
                json.writeNumberProperty("line", f.line());
                json.writeStringProperty("statement", f.statement());
                json.writeStringProperty("rule", f.rule());
                json.writeStringProperty("fix", f.fix());
                json.writeBooleanProperty("allowed", f.allowed());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toString();
    }

    /** One finding a line, for people. */
    @Override
    public String toString() {
        return findings.isEmpty() ? "no findings"
                : findings.stream().map(LintFinding::describe).collect(Collectors.joining("\n"));
    }
}
