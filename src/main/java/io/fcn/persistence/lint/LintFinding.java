package io.fcn.persistence.lint;

import java.util.Locale;
import java.util.Objects;

/**
 * One finding of {@link MigrationLint}.
 *
 * @param code      stable rule code, e.g. {@code FCN102} ({@link LintCode})
 * @param severity  the rule's severity ({@link LintCode#severity()})
 * @param file      the script's file name (or {@code lint-allow.txt})
 * @param line      1-based line of the statement's first code line (1 for a finding about the whole file)
 * @param statement the statement as written (its code, without the comments before it); null for a whole file
 * @param rule      what is wrong here, in one sentence
 * @param fix       the safe way to do it
 * @param allowed   silenced by {@code -- fcn:allow} or the allow file; an allowed error does not fail lint
 */
public record LintFinding(String code, Severity severity, String file, int line, String statement, String rule,
        String fix, boolean allowed) {

    /** How serious a finding is. */
    public enum Severity {
        /** Fails lint unless allowed. */
        ERROR,
        /** Reported; never fails lint. */
        WARNING;

        /** {@return {@code error} or {@code warning}, as the JSON shows it} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A finding; code, severity, file, rule and fix are required.
     * @param code      stable rule code
     * @param severity  the rule's severity
     * @param file      the script's file name
     * @param line      1-based line of the statement
     * @param statement the statement as written, or null for a whole file
     * @param rule      what is wrong here
     * @param fix       the safe way to do it
     * @param allowed   silenced by an allow
     */
    public LintFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(fix, "fix");
    }

    /** {@return whether this is an error that is not allowed: lint fails on it} */
    public boolean failing() {
        return severity == Severity.ERROR && !allowed;
    }

    /**
     * The statement's first line, white space folded and a trailing {@code ;} dropped: how {@code lint-allow.txt}
     * names a statement of a released migration. Empty for a finding about a whole file.
     * @return the statement's first line, folded
     */
    public String fingerprint() {
        return fingerprint(statement);
    }

    static String fingerprint(String statement) {
        if (statement == null) {
            return "";
        }
        String first = statement.strip().lines().findFirst().orElse("");
        int comment = first.indexOf("--");
        if (comment >= 0) {
            first = first.substring(0, comment);
        }
        first = first.replaceAll("\\s+", " ").strip();
        return first.endsWith(";") ? first.substring(0, first.length() - 1).strip() : first;
    }

    LintFinding asAllowed() {
        return new LintFinding(code, severity, file, line, statement, rule, fix, true);
    }

    /**
     * {@return the finding on one line: {@code file:line: FCN102 error: rule Fix: fix}, with {@code (allowed)} after
     * the severity when allowed}
     */
    public String describe() {
        return file + ":" + line + ": " + code + " " + severity.label() + (allowed ? " (allowed)" : "") + ": " + rule
                + " Fix: " + fix;
    }
}
