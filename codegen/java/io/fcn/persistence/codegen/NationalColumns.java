package io.fcn.persistence.codegen;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The NVARCHAR and NCHAR columns the migrations declare, for jOOQ's code generator: its DDL parser runs on H2 and
 * reads them as VARCHAR/CHAR, so they would bind as plain strings. The build runs this before code generation
 * (pom.xml, {@code codegen-input}) and hands the result to jOOQ as a configuration file of forced types, one per
 * declared type ({@code NVARCHAR(255)}, {@code NVARCHAR} for MAX, {@code NCHAR(3)} …).
 *
 * <p>A token scan of T-SQL, not a parser: comments (nested block comments too), string literals and
 * {@code [jooq ignore start]}…{@code [jooq ignore stop]} fences are skipped; it follows {@code CREATE TABLE},
 * {@code ALTER TABLE … ADD / ALTER COLUMN / DROP COLUMN}, {@code DROP TABLE} and {@code sp_rename} in Flyway's
 * version order, so a column's last declared type is the one that counts. JDK only: it runs before anything of the
 * project is compiled.
 */
public final class NationalColumns {

    /** A national column: lower-case names (the generator's defaultNameCase), its type as jOOQ names it. */
    public record Column(String table, String column, String type) {
    }

    /** Words that start a statement, ending an {@code ALTER TABLE … ADD} list (T-SQL needs no semicolons). */
    private static final Set<String> STATEMENT_STARTS = Set.of("CREATE", "ALTER", "DROP", "EXEC", "EXECUTE",
            "INSERT", "UPDATE", "DELETE", "SELECT", "GO", "IF", "BEGIN", "END", "DECLARE", "PRINT", "MERGE",
            "TRUNCATE", "GRANT", "REVOKE", "DENY", "USE", "RAISERROR", "THROW", "RETURN", "WHILE");
    /** Words that start a table element or {@code ADD} item that is not a column. */
    private static final Set<String> NOT_A_COLUMN = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK",
            "DEFAULT", "INDEX", "PERIOD");

    private NationalColumns() {
    }

    /** {@code <migration folder> <output file>}: writes the forced types of the folder's national columns. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: NationalColumns <migration folder> <output file>");
        }
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, forcedTypes(scan(Path.of(args[0]))), StandardCharsets.UTF_8);
    }

    /** The national columns after every versioned migration ({@code V*.sql}) of {@code folder}, in order. */
    public static List<Column> scan(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> version(f.getFileName().toString()) != null)
                    .sorted(Comparator.comparing(f -> version(f.getFileName().toString()), NationalColumns::compare))
                    .toList();
        }
        List<String> scripts = new ArrayList<>();
        for (Path file : files) {
            scripts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
        return scan(scripts);
    }

    /** The national columns after {@code scripts}, applied in the order given; sorted by table and column. */
    public static List<Column> scan(List<String> scripts) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (String script : scripts) {
            new Scan(tokens(script), tables).run();
        }
        List<Column> national = new ArrayList<>();
        new TreeMap<>(tables).forEach((table, columns) -> new TreeMap<>(columns).forEach((column, type) -> {
            if (type != null) {
                national.add(new Column(table, column, type));
            }
        }));
        return national;
    }

    /** jOOQ's code-generation configuration with one forced type per national type, matching its columns. */
    public static String forcedTypes(List<Column> columns) {
        Map<String, Set<String>> byType = new TreeMap<>();
        for (Column c : columns) {
            byType.computeIfAbsent(c.type(), t -> new TreeSet<>()).add(regex(c.table()) + "\\." + regex(c.column()));
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- Written by codegen/java/io/fcn/persistence/codegen/NationalColumns.java from the ")
                .append("migrations: do not edit. -->\n")
                .append("<configuration xmlns=\"http://www.jooq.org/xsd/jooq-codegen-3.19.0.xsd\">\n");
        if (!byType.isEmpty()) {
            xml.append("  <generator>\n    <database>\n      <forcedTypes>\n");
            byType.forEach((type, names) -> xml.append("        <forcedType>\n")
                    .append("          <name>").append(type).append("</name>\n")
                    .append("          <includeExpression>")
                    .append(xmlText("(?i:(.*\\.)?(" + String.join("|", names) + "))"))
                    .append("</includeExpression>\n")
                    .append("        </forcedType>\n"));
            xml.append("      </forcedTypes>\n    </database>\n  </generator>\n");
        }
        return xml.append("</configuration>\n").toString();
    }

    // ---- file order: Flyway's, by version

    /** The version parts of {@code V<version>__<description>.sql}, or null for any other file. */
    static List<BigInteger> version(String fileName) {
        if (!fileName.startsWith("V") || !fileName.endsWith(".sql") || !fileName.contains("__")) {
            return null;
        }
        String version = fileName.substring(1, fileName.indexOf("__"));
        List<BigInteger> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            if (!part.matches("\\d+")) {
                return null;
            }
            parts.add(new BigInteger(part));
        }
        return parts;
    }

    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    // ---- tokens

    enum Kind { WORD, QUOTED, STRING, NUMBER, PUNCT }

    record Token(Kind kind, String text) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isPunct(char c) {
            return kind == Kind.PUNCT && text.charAt(0) == c;
        }

        boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }
    }

    /** {@code sql}'s tokens, without comments, and without what jOOQ's ignore fences hide from the generator. */
    static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        boolean ignoring = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                ignoring = fence(sql.substring(i, end), ignoring);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = blockCommentEnd(sql, i);
                ignoring = fence(sql.substring(i, end), ignoring);
                i = end;
            } else {
                int start = i;
                Kind kind;
                if (c == '\'' || ((c == 'N' || c == 'n') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
                    i = quotedEnd(sql, c == '\'' ? i : i + 1, '\'');
                    kind = Kind.STRING;
                } else if (c == '[') {
                    i = quotedEnd(sql, i, ']');
                    kind = Kind.QUOTED;
                } else if (c == '"') {
                    i = quotedEnd(sql, i, '"');
                    kind = Kind.QUOTED;
                } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '#') {
                    while (i < n && wordPart(sql.charAt(i))) {
                        i++;
                    }
                    kind = Kind.WORD;
                } else if (Character.isDigit(c)) {
                    while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                        i++;
                    }
                    kind = Kind.NUMBER;
                } else {
                    i++;
                    kind = Kind.PUNCT;
                }
                if (!ignoring) {
                    tokens.add(new Token(kind, sql.substring(start, i)));
                }
            }
        }
        return tokens;
    }

    private static boolean wordPart(char c) {
        return Character.isLetterOrDigit(c) || "_@#$".indexOf(c) >= 0;
    }

    private static boolean fence(String comment, boolean ignoring) {
        if (comment.contains("[jooq ignore start]")) {
            return true;
        }
        return ignoring && !comment.contains("[jooq ignore stop]");
    }

    /** The index after the block comment starting at {@code start}; T-SQL block comments nest. */
    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The index after the quoted text opening at {@code start}; a doubled closing character is an escaped one. */
    private static int quotedEnd(String sql, int start, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** An identifier's name: brackets or quotes removed, lower-case (SQL Server compares names so). */
    private static String name(Token t) {
        String text = t.text();
        if (t.kind() == Kind.QUOTED) {
            char close = text.charAt(0) == '[' ? ']' : '"';
            text = text.substring(1, text.length() - 1).replace("" + close + close, "" + close);
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** The names in {@code 'dbo.t.col'} or {@code '[dbo].[t]'}, as sp_rename takes them. */
    private static List<String> dottedNames(String text) {
        List<Token> parts = tokens(text);
        List<String> names = new ArrayList<>();
        for (Token part : parts) {
            if (part.isIdentifier()) {
                names.add(name(part));
            }
        }
        return names;
    }

    private static String stringValue(Token t) {
        String text = t.text();
        int open = text.indexOf('\'');
        return text.substring(open + 1, text.length() - 1).replace("''", "'");
    }

    private static String regex(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---- statements

    /** One script's walk over its tokens, updating the tables' columns: type for national ones, null otherwise. */
    private static final class Scan {
        private final List<Token> tokens;
        private final Map<String, Map<String, String>> tables;
        private int i;

        Scan(List<Token> tokens, Map<String, Map<String, String>> tables) {
            this.tokens = tokens;
            this.tables = tables;
        }

        void run() {
            while (i < tokens.size()) {
                if (at(0, "CREATE") && at(1, "TABLE")) {
                    i += 2;
                    createTable();
                } else if (at(0, "ALTER") && at(1, "TABLE")) {
                    i += 2;
                    alterTable();
                } else if (at(0, "DROP") && at(1, "TABLE")) {
                    i += 2;
                    dropTable();
                } else if ((at(0, "EXEC") || at(0, "EXECUTE")) && i + 1 < tokens.size()) {
                    i++;
                    exec();
                } else {
                    i++;
                }
            }
        }

        private void createTable() {
            String table = qualifiedName();
            if (table == null || !peek().isPunct('(')) {
                return;
            }
            i++;
            Map<String, String> columns = new LinkedHashMap<>();
            while (i < tokens.size()) {
                column(columns);
                skipElement();
                if (i < tokens.size() && peek().isPunct(',')) {
                    i++;
                } else {
                    break; // the closing parenthesis (or a statement: the script is not T-SQL)
                }
            }
            if (i < tokens.size() && peek().isPunct(')')) {
                i++;
            }
            if (!table.startsWith("#")) { // temporary tables are not the schema's
                tables.put(table, columns);
            }
        }

        private void alterTable() {
            String table = qualifiedName();
            if (table == null) {
                return;
            }
            Map<String, String> columns = tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
            if (at(0, "WITH") && (at(1, "CHECK") || at(1, "NOCHECK"))) {
                i += 2;
            }
            if (at(0, "ADD")) {
                i++;
                while (i < tokens.size()) {
                    if (at(0, "COLUMN")) {
                        i++;
                    }
                    column(columns);
                    skipElement();
                    if (i < tokens.size() && peek().isPunct(',')) {
                        i++;
                    } else {
                        return;
                    }
                }
            } else if (at(0, "ALTER") && at(1, "COLUMN")) {
                i += 2;
                column(columns);
            } else if (at(0, "DROP")) {
                i++;
                boolean dropsColumns = false;
                while (i < tokens.size()) {
                    if (at(0, "COLUMN")) {
                        dropsColumns = true;
                        i++;
                    } else if (at(0, "CONSTRAINT")) {
                        dropsColumns = false;
                        i++;
                    }
                    if (at(0, "IF") && at(1, "EXISTS")) {
                        i += 2;
                    }
                    if (i < tokens.size() && peek().isIdentifier() && dropsColumns) {
                        columns.remove(name(peek()));
                    }
                    skipElement();
                    if (i < tokens.size() && peek().isPunct(',')) {
                        i++;
                    } else {
                        return;
                    }
                }
            }
        }

        private void dropTable() {
            if (at(0, "IF") && at(1, "EXISTS")) {
                i += 2;
            }
            while (i < tokens.size()) {
                String table = qualifiedName();
                if (table == null) {
                    return;
                }
                tables.remove(table);
                if (i < tokens.size() && peek().isPunct(',')) {
                    i++;
                } else {
                    return;
                }
            }
        }

        /** {@code EXEC [sys.]sp_rename 'old', 'new'[, 'COLUMN']}, positional or named arguments. */
        private void exec() {
            String procedure = qualifiedName();
            if (!"sp_rename".equals(procedure)) {
                return;
            }
            List<String> arguments = new ArrayList<>();
            while (i < tokens.size() && !statementEnd(peek())) {
                if (peek().kind() == Kind.STRING) {
                    arguments.add(stringValue(peek()));
                }
                i++;
            }
            if (arguments.size() < 2) {
                return;
            }
            List<String> from = dottedNames(arguments.get(0));
            String to = dottedNames(arguments.get(1)).stream().reduce((a, b) -> b).orElse(null);
            String type = arguments.size() > 2 ? arguments.get(2).toUpperCase(Locale.ROOT) : "OBJECT";
            if (from.isEmpty() || to == null) {
                return;
            }
            if (type.equals("COLUMN") && from.size() >= 2) {
                Map<String, String> columns = tables.get(from.get(from.size() - 2));
                String column = from.get(from.size() - 1);
                if (columns != null && columns.containsKey(column)) {
                    String declared = columns.remove(column);
                    columns.put(to, declared);
                }
            } else if (type.equals("OBJECT") && tables.containsKey(from.get(from.size() - 1))) {
                tables.put(to, tables.remove(from.get(from.size() - 1)));
            }
        }

        /** At a column definition ({@code name type …}): records the column; anything else is left alone. */
        private void column(Map<String, String> columns) {
            if (i >= tokens.size() || !peek().isIdentifier()
                    || (peek().kind() == Kind.WORD && NOT_A_COLUMN.contains(peek().text().toUpperCase(Locale.ROOT)))) {
                return;
            }
            String column = name(peek());
            i++;
            if (at(0, "AS")) { // computed: no declared type
                return;
            }
            columns.put(column, nationalType());
        }

        /** The type at the cursor as jOOQ names it if it is NVARCHAR or NCHAR (T-SQL's synonyms too), else null. */
        private String nationalType() {
            if (i >= tokens.size() || !peek().isIdentifier()) {
                return null;
            }
            String type = name(peek()).toUpperCase(Locale.ROOT);
            i++;
            if (type.equals("NATIONAL") && (at(0, "CHAR") || at(0, "CHARACTER"))) {
                i++;
                type = "NCHAR";
                if (at(0, "VARYING")) {
                    i++;
                    type = "NVARCHAR";
                }
            }
            if (!type.equals("NVARCHAR") && !type.equals("NCHAR")) {
                return null;
            }
            // Without a length a column is (N)CHAR(1) / NVARCHAR(1) in T-SQL; MAX has no length for jOOQ.
            String length = "1";
            if (i + 2 < tokens.size() && peek().isPunct('(') && tokens.get(i + 2).isPunct(')')) {
                length = tokens.get(i + 1).is("MAX") ? null : tokens.get(i + 1).text();
                i += 3;
            }
            return length == null ? type : type + "(" + length + ")";
        }

        /** Skips to the comma or closing parenthesis ending this element, or to the next statement. */
        private void skipElement() {
            int depth = 0;
            while (i < tokens.size()) {
                Token t = peek();
                if (t.isPunct('(')) {
                    depth++;
                } else if (t.isPunct(')')) {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                } else if (depth == 0 && (t.isPunct(',') || statementEnd(t))) {
                    return;
                } else if (depth == 0 && t.is("ON") && (at(1, "DELETE") || at(1, "UPDATE"))) {
                    i++; // a foreign key's action, not a statement
                }
                i++;
            }
        }

        private boolean statementEnd(Token t) {
            return t.isPunct(';')
                    || (t.kind() == Kind.WORD && STATEMENT_STARTS.contains(t.text().toUpperCase(Locale.ROOT)));
        }

        /** {@code [server.][db.][schema.]name}: the last part (the schema is dbo), or null if none is here. */
        private String qualifiedName() {
            String last = null;
            while (i < tokens.size() && peek().isIdentifier()) {
                last = name(peek());
                i++;
                if (i < tokens.size() && peek().isPunct('.')) {
                    i++;
                } else {
                    break;
                }
            }
            return last;
        }

        private Token peek() {
            return tokens.get(i);
        }

        private boolean at(int offset, String word) {
            return i + offset < tokens.size() && tokens.get(i + offset).is(word);
        }
    }
}
