package io.fcn.persistence.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.scripts.FlywayStatements;

/**
 * A migration's text read for lint: Flyway's batches (split at {@code GO} by Flyway's own parser), each split at
 * {@code ;} into statements with their lines, the {@code -- fcn:} directives, and the {@code [jooq ignore]} fences.
 * String literals, bracketed names and (nested) block comments are skipped while splitting.
 */
final class ScriptText {

    private static final char CODE = 'c';
    private static final char COMMENT = '-';
    private static final char LITERAL = '\'';

    private static final Pattern DIRECTIVE = Pattern.compile("^--\\s*fcn:(\\S*)\\s*(.*?)\\s*$");

    /** One statement: its batch, its text as written (code only, from its first code character), its lines. */
    record Statement(int batch, int start, int end, String text, int firstLine, int lastLine, boolean fenced) {
    }

    /** A {@code -- fcn:<word> <args>} comment. */
    record Directive(int line, String word, String args) {
    }

    private final String text;
    private final char[] mask;
    private final int[] lineStarts;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Directive> directives = new ArrayList<>();
    private final List<int[]> fences = new ArrayList<>();

    ScriptText(String filename, String text) {
        this.text = text;
        this.mask = new char[text.length()];
        this.lineStarts = lineStarts(text);
        lex();
        int cursor = 0;
        int batchNumber = 0;
        for (FlywayStatements.Batch batch : FlywayStatements.batches(filename, text, EngineFamily.SQL_SERVER)) {
            String sql = batch.sql().strip();
            int at = sql.isEmpty() ? -1 : text.indexOf(sql, cursor);
            if (at < 0) {
                // Not found verbatim: read from the line Flyway names to the next GO.
                at = lineStarts[Math.min(Math.max(batch.line(), 1), lineStarts.length) - 1];
                int end = text.indexOf("\nGO", at);
                sql = text.substring(at, end < 0 ? text.length() : end);
            }
            split(batchNumber++, at, at + sql.length());
            cursor = at + sql.length();
        }
    }

    List<Statement> statements() {
        return statements;
    }

    List<Directive> directives() {
        return directives;
    }

    /** The statement's text with comments removed and string literals blanked, for finding names in it. */
    String codeOnly(Statement s) {
        StringBuilder out = new StringBuilder(s.end() - s.start());
        for (int i = s.start(); i < s.end(); i++) {
            out.append(mask[i] == CODE ? text.charAt(i) : ' ');
        }
        return out.toString();
    }

    /** The 1-based line of an offset. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** Whether the line holds nothing but a {@code --} comment. */
    boolean commentLine(int line) {
        if (line < 1 || line > lineStarts.length) {
            return false;
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        return text.substring(start, end).strip().startsWith("--");
    }

    private void split(int batch, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && (mask[i] != CODE || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            if (i >= to) {
                return;
            }
            int start = i;
            while (i < to && !(mask[i] == CODE && text.charAt(i) == ';')) {
                i++;
            }
            int end = Math.min(i + 1, to);
            int last = end;
            while (last > start && (mask[last - 1] != CODE || Character.isWhitespace(text.charAt(last - 1)))) {
                last--;
            }
            statements.add(new Statement(batch, start, end, text.substring(start, last), lineOf(start),
                    lineOf(last - 1), fenced(start)));
            i = end;
        }
    }

    private boolean fenced(int offset) {
        return fences.stream().anyMatch(f -> offset > f[0] && offset < f[1]);
    }

    private void lex() {
        int n = text.length();
        int i = 0;
        int fenceStart = -1;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c == '-' && next == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                mark(i, end, COMMENT);
                Matcher m = DIRECTIVE.matcher(text.substring(i, end));
                if (m.matches()) {
                    directives.add(new Directive(lineOf(i), m.group(1), m.group(2)));
                }
                i = end;
            } else if (c == '/' && next == '*') {
                int depth = 0;
                int j = i;
                while (j < n) {
                    if (text.startsWith("/*", j)) {
                        depth++;
                        j += 2;
                    } else if (text.startsWith("*/", j)) {
                        depth--;
                        j += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        j++;
                    }
                }
                String body = text.substring(i + 2, Math.max(i + 2, j - 2)).strip();
                if (body.equals("[jooq ignore start]")) {
                    fenceStart = i;
                } else if (body.equals("[jooq ignore stop]") && fenceStart >= 0) {
                    fences.add(new int[] {fenceStart, j});
                    fenceStart = -1;
                }
                mark(i, j, COMMENT);
                i = j;
            } else if (c == '\'' || c == '[' || c == '"') {
                char close = c == '[' ? ']' : c;
                int j = i + 1;
                while (j < n) {
                    if (text.charAt(j) == close) {
                        if (j + 1 < n && text.charAt(j + 1) == close) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                j = Math.min(j + 1, n);
                // Names stay code (lint looks for them); only string literals are blanked.
                mark(i, j, c == '\'' ? LITERAL : CODE);
                i = j;
            } else {
                mask[i] = CODE;
                i++;
            }
        }
        if (fenceStart >= 0) {
            fences.add(new int[] {fenceStart, n});
        }
    }

    private void mark(int from, int to, char kind) {
        Arrays.fill(mask, from, to, kind);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
