package io.fcn.persistence.internal.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rewriting of the statements marked {@code -- fcn:online} and {@code -- fcn:nocheck}, applied to a batch as
 * Flyway sends it (so after Flyway has checksummed the file, which stays as written). A marker belongs to the
 * statement whose comment lines directly above it (or whose own lines) hold it, as lint reads it.
 *
 * <ul>
 *   <li>{@code -- fcn:online CREATE INDEX …}: {@code WITH (ONLINE = ON)} appended (or added to an existing
 *       {@code WITH (…)}) where {@link ServerTraits#onlineIndexes()}.</li>
 *   <li>{@code -- fcn:nocheck ALTER TABLE t ADD CONSTRAINT c CHECK|FOREIGN KEY …}: {@code ALTER TABLE t WITH NOCHECK
 *       ADD CONSTRAINT c …}, then {@code ALTER TABLE t WITH CHECK CHECK CONSTRAINT c} as a batch of its own, where
 *       {@link ServerTraits#deferredValidation()}.</li>
 * </ul>
 * Anything else, or a statement of a shape not recognised here, runs as written.
 */
public final class MarkedStatements {

    private static final String NAME_PART = "(?:\\[[^\\]]+\\]|\"[^\"]+\"|[\\w@#$]+)";
    private static final String NAME = NAME_PART + "(?:\\s*\\.\\s*" + NAME_PART + ")*";
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?is)\\s*CREATE\\s+(?:UNIQUE\\s+)?(?:(?:NON)?CLUSTERED\\s+)?INDEX\\b.*");
    private static final Pattern ONLINE_OPTION = Pattern.compile("(?i)\\bONLINE\\s*=");
    private static final Pattern WITH_OPTIONS = Pattern.compile("(?i)\\bWITH\\s*\\(");
    private static final Pattern ON_KEYWORD = Pattern.compile("(?i)\\bON\\b");
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "(?is)\\s*ALTER\\s+TABLE\\s+(" + NAME + ")\\s+ADD\\s+CONSTRAINT\\s+(" + NAME
                    + ")\\s+(?:CHECK|FOREIGN\\s+KEY)\\b.*");
    private static final Pattern CONSTRAINT_KEYWORD = Pattern.compile("(?i)\\bCONSTRAINT\\b|\\bWITH\\b");
    private static final Pattern MARKER = Pattern.compile("^--\\s*fcn:(online|nocheck)(?:\\s.*)?$");

    private MarkedStatements() {
    }

    /**
     * What runs in place of {@code batch} on {@code traits}: the batch (rewritten or as it is), then one batch per
     * constraint to validate. A batch without markers, or on an engine that takes neither form, is returned alone
     * and unchanged.
     */
    public static List<String> rewrite(String batch, ServerTraits traits) {
        if (!batch.contains("fcn:") || !(traits.onlineIndexes() || traits.deferredValidation())) {
            return List.of(batch);
        }
        Lexed lexed = new Lexed(batch);
        StringBuilder out = new StringBuilder(batch);
        List<String> validations = new ArrayList<>();
        // Right to left, so the offsets of the statements not yet rewritten stay valid.
        List<int[]> statements = lexed.statements();
        for (int k = statements.size() - 1; k >= 0; k--) {
            int start = statements.get(k)[0];
            int end = statements.get(k)[1];
            String code = lexed.code(start, end);
            String markers = lexed.markersOf(start, end);
            if (markers.contains("online") && traits.onlineIndexes()) {
                online(out, start, code);
            }
            if (markers.contains("nocheck") && traits.deferredValidation()) {
                String validation = nocheck(out, batch, start, code);
                if (validation != null) {
                    validations.add(0, validation);
                }
            }
        }
        List<String> result = new ArrayList<>();
        result.add(out.toString());
        result.addAll(validations);
        return List.copyOf(result);
    }

    private static void online(StringBuilder out, int start, String code) {
        if (!CREATE_INDEX.matcher(code).matches() || ONLINE_OPTION.matcher(code).find()) {
            return;
        }
        Matcher with = WITH_OPTIONS.matcher(code);
        if (with.find()) {
            int close = closing(code, with.end() - 1);
            if (close > 0) {
                out.insert(start + close, ", ONLINE = ON");
            }
            return;
        }
        Matcher on = ON_KEYWORD.matcher(code);
        int ons = 0;
        while (on.find()) {
            ons++;
        }
        if (ons != 1) {
            return; // a storage clause (ON filegroup) after the columns: not rewritten
        }
        out.insert(start + code.stripTrailing().length(), " WITH (ONLINE = ON)");
    }

    private static String nocheck(StringBuilder out, String batch, int start, String code) {
        Matcher m = ADD_CONSTRAINT.matcher(code);
        if (!m.matches() || CONSTRAINT_KEYWORD.matcher(code.substring(m.end(2))).find()) {
            return null; // several constraints in one ADD, or WITH already written
        }
        String table = batch.substring(start + m.start(1), start + m.end(1));
        String constraint = batch.substring(start + m.start(2), start + m.end(2));
        out.insert(start + m.end(1), " WITH NOCHECK");
        return "ALTER TABLE " + table + " WITH CHECK CHECK CONSTRAINT " + constraint;
    }

    /** The offset of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A batch's text with its comments and literals told apart from code, split at {@code ;}. */
    private static final class Lexed {
        private final String text;
        private final boolean[] code;

        Lexed(String text) {
            this.text = text;
            this.code = new boolean[text.length()];
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                char next = i + 1 < n ? text.charAt(i + 1) : 0;
                if (c == '-' && next == '-') {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? n : end;
                } else if (c == '/' && next == '*') {
                    int depth = 0;
                    while (i < n) {
                        if (text.startsWith("/*", i)) {
                            depth++;
                            i += 2;
                        } else if (text.startsWith("*/", i)) {
                            i += 2;
                            if (--depth == 0) {
                                break;
                            }
                        } else {
                            i++;
                        }
                    }
                } else if (c == '\'' || c == '[' || c == '"') {
                    char close = c == '[' ? ']' : c;
                    int j = i + 1;
                    while (j < n && !(text.charAt(j) == close && !(j + 1 < n && text.charAt(j + 1) == close))) {
                        j += text.charAt(j) == close ? 2 : 1;
                    }
                    j = Math.min(j + 1, n);
                    // names stay code; a string literal is blanked so nothing in it is read as a keyword
                    for (int k = i; k < j; k++) {
                        code[k] = c != '\'';
                    }
                    i = j;
                } else {
                    code[i] = true;
                    i++;
                }
            }
        }

        /** [start, end) of each statement: from its first code character to its {@code ;} (excluded) or the end. */
        List<int[]> statements() {
            List<int[]> list = new ArrayList<>();
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && (!code[i] || Character.isWhitespace(text.charAt(i)))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                int start = i;
                while (i < n && !(code[i] && text.charAt(i) == ';')) {
                    i++;
                }
                int end = i;
                while (end > start && (!code[end - 1] || Character.isWhitespace(text.charAt(end - 1)))) {
                    end--;
                }
                list.add(new int[] {start, end});
                i++;
            }
            return list;
        }

        /** The statement with comments and literals blanked (same length, same offsets). */
        String code(int start, int end) {
            StringBuilder b = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                b.append(code[i] ? text.charAt(i) : ' ');
            }
            return b.toString();
        }

        /** The marker words in the comment lines directly above the statement and on its own lines. */
        String markersOf(int start, int end) {
            int lineStart = text.lastIndexOf('\n', start - 1) + 1;
            int from = lineStart;
            while (from > 0) {
                int prev = text.lastIndexOf('\n', from - 2) + 1;
                if (!text.substring(prev, from).strip().startsWith("--")) {
                    break;
                }
                from = prev;
            }
            int to = text.indexOf('\n', end);
            to = to < 0 ? text.length() : to;
            StringBuilder words = new StringBuilder();
            for (String line : text.substring(from, to).split("\n", -1)) {
                int dash = line.indexOf("--");
                while (dash >= 0) {
                    // a line comment starts at code-free "--"; the rest of the line is the comment
                    Matcher m = MARKER.matcher(line.substring(dash).strip());
                    if (m.matches()) {
                        words.append(m.group(1)).append(' ');
                        break;
                    }
                    dash = line.indexOf("--", dash + 2);
                }
            }
            return words.toString();
        }
    }
}
