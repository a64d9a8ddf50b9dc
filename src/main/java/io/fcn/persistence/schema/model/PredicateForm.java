package io.fcn.persistence.schema.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One canonical text for a CHECK predicate, however an engine's catalog words it, so that the same predicate read
 * from SQL Server ({@code ([status]='a' OR [status]='b')}, {@code [notional]>(0)}), Babelfish, H2
 * ({@code "STATUS" IN('a', 'b')}, {@code notional > CAST(0 AS NUMERIC(1))}) and the migration files compares equal.
 * A small parser of the predicate subset catalogs show: AND/OR (flattened, operands sorted), NOT, comparisons, IS [NOT] NULL,
 * [NOT] IN (as ORs of equalities), [NOT] BETWEEN (as two comparisons), LIKE, function calls, CASE, CAST (dropped
 * around a literal), arithmetic; quotes, {@code dbo.}, case, white space and redundant parentheses go. H2's
 * reading of {@code ISJSON(x)} ({@code CASE x IS JSON WHEN TRUE THEN 1 WHEN FALSE THEN 0 END}) is read back as
 * {@code isjson(x)}. Text it cannot parse has no canonical form.
 */
final class PredicateForm {

    private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

    private PredicateForm() {
    }

    static Optional<String> canonical(String predicate) {
        if (predicate == null) {
            return Optional.empty();
        }
        return CACHE.computeIfAbsent(predicate, p -> {
            try {
                Parser parser = new Parser(tokens(SqlText.normalize(p)));
                Node node = parser.or();
                parser.expectEnd();
                String text = node.render();
                return Optional.of(node instanceof Junction ? text.substring(1, text.length() - 1) : text);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    // ---------------------------------------------------------------- tokens

    private enum T { WORD, NUMBER, STRING, SYMBOL }

    private record Token(T type, String text) {
        boolean is(String word) {
            return (type == T.WORD || type == T.SYMBOL) && text.equals(word);
        }
    }

    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || (c == 'n' && i + 1 < s.length() && s.charAt(i + 1) == '\''
                    && (i == 0 || !isWord(s.charAt(i - 1))))) {
                int start = c == 'n' ? i + 1 : i;
                int end = start + 1;
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (end >= s.length()) {
                        throw new IllegalArgumentException("unterminated literal");
                    }
                    if (s.charAt(end) == '\'') {
                        if (end + 1 < s.length() && s.charAt(end + 1) == '\'') {
                            value.append("''");
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    value.append(s.charAt(end++));
                }
                out.add(new Token(T.STRING, value.toString()));
                i = end + 1;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int end = i;
                while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
                    end++;
                }
                out.add(new Token(T.NUMBER, s.substring(i, end)));
                i = end;
            } else if (isWord(c)) {
                int end = i;
                while (end < s.length() && (isWord(s.charAt(end)) || s.charAt(end) == '.')) {
                    end++;
                }
                String word = s.substring(i, end);
                out.add(new Token(T.WORD, word.substring(word.lastIndexOf('.') + 1)));
                i = end;
            } else {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("<>") || two.equals("!=") || two.equals("<=") || two.equals(">=")
                        || two.equals("::")) {
                    out.add(new Token(T.SYMBOL, two.equals("!=") ? "<>" : two));
                    i += 2;
                } else if ("()=<>,+-*/%".indexOf(c) >= 0) {
                    out.add(new Token(T.SYMBOL, String.valueOf(c)));
                    i++;
                } else {
                    throw new IllegalArgumentException("unexpected " + c);
                }
            }
        }
        return out;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == '$';
    }

    // ---------------------------------------------------------------- the tree

    private interface Node {
        String render();
    }

    /** AND or OR, flattened: {@code (a and (b and c))} is {@code (a and b and c)}. */
    private record Junction(String op, List<Node> parts) implements Node {
        static Node of(String op, List<Node> parts) {
            List<Node> flat = new ArrayList<>();
            for (Node p : parts) {
                if (p instanceof Junction j && j.op.equals(op)) {
                    flat.addAll(j.parts);
                } else {
                    flat.add(p);
                }
            }
            // Commutative: engines reorder the operands (H2 puts the cheaper test first).
            flat.sort(java.util.Comparator.comparing(Node::render));
            return flat.size() == 1 ? flat.get(0) : new Junction(op, flat);
        }

        @Override
        public String render() {
            return "(" + String.join(" " + op + " ", parts.stream().map(Node::render).toList()) + ")";
        }
    }

    private record Not(Node operand) implements Node {
        @Override
        public String render() {
            return "not " + operand.render();
        }
    }

    private record Binary(Node left, String op, Node right) implements Node {
        @Override
        public String render() {
            String text = left.render() + " " + op + " " + right.render();
            return "=<><=>=".contains(op) ? text : "(" + text + ")";
        }
    }

    private record Postfix(Node operand, String text) implements Node {
        @Override
        public String render() {
            return operand.render() + " " + text;
        }
    }

    private record Atom(String text) implements Node {
        @Override
        public String render() {
            return text;
        }
    }

    private record Literal(String text) implements Node {
        @Override
        public String render() {
            return text;
        }
    }

    private record Call(String name, List<Node> args) implements Node {
        @Override
        public String render() {
            if (name.endsWith("cast") && args.size() == 2) {
                return name + "(" + args.get(0).render() + " as " + args.get(1).render() + ")";
            }
            return name + "(" + String.join(",", args.stream().map(Node::render).toList()) + ")";
        }
    }

    private record Case(Node operand, List<Node[]> whens, Node otherwise) implements Node {
        @Override
        public String render() {
            StringBuilder out = new StringBuilder("case");
            if (operand != null) {
                out.append(' ').append(operand.render());
            }
            for (Node[] w : whens) {
                out.append(" when ").append(w[0].render()).append(" then ").append(w[1].render());
            }
            if (otherwise != null) {
                out.append(" else ").append(otherwise.render());
            }
            return out.append(" end").toString();
        }
    }

    // ---------------------------------------------------------------- the parser

    private static final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        private Token peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        private boolean peekIs(String word) {
            return peek() != null && peek().is(word);
        }

        private boolean accept(String word) {
            if (peekIs(word)) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String word) {
            if (!accept(word)) {
                throw new IllegalArgumentException("expected " + word);
            }
        }

        void expectEnd() {
            if (peek() != null) {
                throw new IllegalArgumentException("unexpected " + peek().text());
            }
        }

        Node or() {
            List<Node> parts = new ArrayList<>(List.of(and()));
            while (accept("or")) {
                parts.add(and());
            }
            return Junction.of("or", parts);
        }

        private Node and() {
            List<Node> parts = new ArrayList<>(List.of(not()));
            while (accept("and")) {
                parts.add(not());
            }
            return Junction.of("and", parts);
        }

        private Node not() {
            if (accept("not")) {
                return new Not(not());
            }
            return predicate();
        }

        private Node predicate() {
            Node left = additive();
            Token t = peek();
            if (t == null) {
                return left;
            }
            if (t.type() == T.SYMBOL && List.of("=", "<>", "<", ">", "<=", ">=").contains(t.text())) {
                at++;
                return new Binary(left, t.text(), additive());
            }
            if (accept("is")) {
                boolean negated = accept("not");
                if (accept("null")) {
                    return new Postfix(left, negated ? "is not null" : "is null");
                }
                if (accept("json")) {
                    Node json = new Call("isjson", List.of(left));
                    return negated ? new Not(json) : json;
                }
                throw new IllegalArgumentException("expected null or json");
            }
            boolean negated = accept("not");
            if (accept("in")) {
                expect("(");
                List<Node> parts = new ArrayList<>();
                do {
                    parts.add(new Binary(left, negated ? "<>" : "=", additive()));
                } while (accept(","));
                expect(")");
                return Junction.of(negated ? "and" : "or", parts);
            }
            if (accept("between")) {
                Node low = additive();
                expect("and");
                Node high = additive();
                return negated ? Junction.of("or", List.of(new Binary(left, "<", low), new Binary(left, ">", high)))
                        : Junction.of("and", List.of(new Binary(left, ">=", low), new Binary(left, "<=", high)));
            }
            if (accept("like")) {
                Node like = new Binary(left, "like", additive());
                return negated ? new Not(like) : like;
            }
            if (negated) {
                throw new IllegalArgumentException("expected in, between or like after not");
            }
            return left;
        }

        private Node additive() {
            Node left = multiplicative();
            while (peekIs("+") || peekIs("-")) {
                String op = tokens.get(at++).text();
                left = new Binary(left, op, multiplicative());
            }
            return left;
        }

        private Node multiplicative() {
            Node left = unary();
            while (peekIs("*") || peekIs("/") || peekIs("%")) {
                String op = tokens.get(at++).text();
                left = new Binary(left, op, unary());
            }
            return left;
        }

        private Node unary() {
            if (accept("-")) {
                Node operand = unary();
                return operand instanceof Literal l && !l.text().startsWith("'")
                        ? new Literal(l.text().startsWith("-") ? l.text().substring(1) : "-" + l.text())
                        : new Binary(new Literal("0"), "-", operand);
            }
            Node node = primary();
            while (accept("::")) {
                type();
            }
            return node;
        }

        private Node primary() {
            Token t = peek();
            if (t == null) {
                throw new IllegalArgumentException("unexpected end");
            }
            at++;
            switch (t.type()) {
                case STRING -> {
                    return new Literal("'" + t.text() + "'");
                }
                case NUMBER -> {
                    return new Literal(new BigDecimal(t.text()).stripTrailingZeros().toPlainString());
                }
                case SYMBOL -> {
                    if (t.text().equals("(")) {
                        Node inner = or();
                        expect(")");
                        return inner;
                    }
                    throw new IllegalArgumentException("unexpected " + t.text());
                }
                default -> {
                    return word(t.text());
                }
            }
        }

        private Node word(String word) {
            switch (word) {
                case "null", "true", "false" -> {
                    return new Literal(word);
                }
                case "case" -> {
                    return caseExpression();
                }
                case "cast", "convert", "try_cast" -> {
                    if (peekIs("(") && !word.equals("convert")) {
                        expect("(");
                        Node value = or();
                        expect("as");
                        String type = type();
                        expect(")");
                        return value instanceof Literal ? value : new Call(word, List.of(value, new Atom(type)));
                    }
                }
                default -> {
                }
            }
            if (accept("(")) {
                List<Node> args = new ArrayList<>();
                if (!accept(")")) {
                    do {
                        args.add(or());
                    } while (accept(",") || accept("from") || accept("for"));
                    expect(")");
                }
                return new Call(word, args);
            }
            return new Atom(word);
        }

        private String type() {
            Token t = peek();
            if (t == null || t.type() != T.WORD) {
                throw new IllegalArgumentException("expected a type");
            }
            at++;
            StringBuilder type = new StringBuilder(t.text());
            while (peek() != null && peek().type() == T.WORD && List.of("varying", "precision", "with", "without",
                    "time", "zone").contains(peek().text())) {
                type.append(' ').append(tokens.get(at++).text());
            }
            if (accept("(")) {
                type.append('(');
                while (!accept(")")) {
                    if (peek() == null) {
                        throw new IllegalArgumentException("unterminated type");
                    }
                    type.append(tokens.get(at++).text());
                }
                type.append(')');
            }
            return type.toString().toLowerCase(Locale.ROOT);
        }

        private Node caseExpression() {
            Node operand = peekIs("when") ? null : or();
            List<Node[]> whens = new ArrayList<>();
            while (accept("when")) {
                Node when = or();
                expect("then");
                whens.add(new Node[] {when, or()});
            }
            Node otherwise = accept("else") ? or() : null;
            expect("end");
            // The embedded engine's reading of ISJSON(x): CASE x IS JSON WHEN TRUE THEN 1 WHEN FALSE THEN 0 END.
            if (operand instanceof Call c && c.name().equals("isjson") && otherwise == null && whens.size() == 2
                    && whens.get(0)[0].render().equals("true") && whens.get(0)[1].render().equals("1")
                    && whens.get(1)[0].render().equals("false") && whens.get(1)[1].render().equals("0")) {
                return c;
            }
            if (whens.isEmpty()) {
                throw new IllegalArgumentException("case without when");
            }
            return new Case(operand, whens, otherwise);
        }
    }
}
