package io.fcn.persistence.observation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import io.fcn.persistence.internal.validation.Validate;

/**
 * Whether two JSON texts say the same thing. Re-sending an observation must not conflict because a client
 * serialised it differently, so the comparison is semantic: whitespace and the order of object members do not
 * matter, numbers compare by value ({@code 182.50} equals {@code 182.5}, {@code 1e2} equals {@code 100}); strings,
 * booleans, nulls and array order must match exactly. A text with a duplicate member name has no single meaning,
 * so it only equals the very same text.
 */
final class JsonSemantics {

    private static final JsonFactory JSON = Validate.jsonFactory();
    private static final Object JSON_NULL = new Object();

    /** A JSON string, kept apart from numbers and member names. */
    private record JsonString(String value) {
    }

    /** A duplicate member name was read; never escapes this class. */
    private static final class DuplicateMember extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateMember() {
            super(null, null, false, false);
        }
    }

    private JsonSemantics() {
    }

    /** Both null (no JSON at all), or both JSON texts with the same meaning. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        Object left = canonical(a);
        Object right = canonical(b);
        return left != null && right != null && left.equals(right);
    }

    /** The value as comparable Java objects, or null when the text has duplicate member names or is not JSON. */
    private static Object canonical(String text) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Object value = read(parser, first);
            return parser.nextToken() == null ? value : null;
        } catch (JacksonException | DuplicateMember e) {
            return null;
        }
    }

    private static Object read(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> members = new TreeMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    Object value = read(parser, parser.nextToken());
                    if (members.put(name, value) != null) {
                        throw new DuplicateMember();
                    }
                }
                return members;
            }
            case START_ARRAY: {
                List<Object> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(read(parser, t));
                }
                return items;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return normalise(parser.getDecimalValue());
            case VALUE_STRING:
                return new JsonString(parser.getString());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return JSON_NULL;
            default:
                throw new IllegalStateException("Unexpected JSON token " + token);
        }
    }

    private static BigDecimal normalise(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.signum() == 0 ? BigDecimal.ZERO : stripped;
    }

    /** For messages: the text, shortened. */
    static String abbreviate(String text) {
        String shown = Objects.toString(text);
        return shown.length() <= 80 ? shown : shown.substring(0, 77) + "...";
    }
}
