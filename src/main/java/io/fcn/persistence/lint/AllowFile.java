package io.fcn.persistence.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code db/lint-allow.txt}: the allows of released migrations, which are never edited (a comment added to one would
 * change its Flyway checksum, and every database at that version would fail validation). One entry a line:
 * {@code <version> | <code> | <the statement's first line> | <reason>}; {@code #} starts a comment line.
 */
final class AllowFile {

    private static final Pattern SEPARATOR = Pattern.compile("\\s+\\|\\s+");
    private static final Pattern CODE = Pattern.compile("[A-Z]+[0-9]+");

    /** One entry; {@code problem} is non-null when the line is malformed. */
    record Entry(String source, int line, String version, String code, String fingerprint, String reason,
            String problem) {

        boolean matches(String findingVersion, LintFinding finding) {
            return problem == null && version.equals(findingVersion) && code.equalsIgnoreCase(finding.code())
                    && fingerprint.equalsIgnoreCase(finding.fingerprint());
        }
    }

    private AllowFile() {
    }

    static List<Entry> parse(String source, String text) {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = SEPARATOR.split(line, 4);
            String problem = null;
            if (parts.length < 4 || parts[3].isBlank()) {
                problem = "is not <version> | <code> | <statement's first line> | <reason> (the reason not empty)";
            } else if (!CODE.matcher(parts[1]).matches()) {
                problem = "names no code of the form FCN123: " + parts[1];
            }
            entries.add(problem != null ? new Entry(source, number, null, null, null, null, problem)
                    : new Entry(source, number, parts[0], parts[1], LintFinding.fingerprint(parts[2]),
                            parts[3].strip(), null));
        }
        return entries;
    }
}
