package io.fcn.examples.springboot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON request body read field by field against the contract's schema: every broken rule is collected, then
 * {@link #orFail()} throws one 400 naming them all ({@code violations[].field}).
 */
final class JsonBody {

    private final JsonNode node;
    private final List<ApiError.Violation> violations = new ArrayList<>();

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    static JsonBody parse(JsonMapper json, byte[] body) {
        JsonNode node;
        try {
            // numbers as BigDecimal: a notional is never rounded through a double
            node = json.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readValue(body);
        } catch (JacksonException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw ApiError.invalid(HttpStatus.BAD_REQUEST,
                    List.of(ApiError.Violation.of("body", "is not a JSON object")));
        }
        return new JsonBody(node);
    }

    String text(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            return fail(field, "must be a non-empty string");
        }
        return value.stringValue();
    }

    String oneOf(String field, Set<String> allowed, boolean required) {
        String value = text(field, required);
        return value == null || allowed.contains(value) ? value : fail(field, "must be one of " + allowed);
    }

    LocalDate date(String field, boolean required) {
        String value = text(field, required);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return fail(field, "must be a date (YYYY-MM-DD)");
        }
    }

    BigDecimal number(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return null;
        }
        return value.isNumber() ? value.decimalValue() : fail(field, "must be a number");
    }

    /** An optional JSON object; {@code numbers}: each of its values must be a number. */
    JsonNode object(String field, boolean numbers) {
        JsonNode value = present(field, false);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            return fail(field, "must be an object");
        }
        if (numbers) {
            for (var entry : value.properties()) {
                if (!entry.getValue().isNumber()) {
                    fail(field + "." + entry.getKey(), "must be a number");
                }
            }
        }
        return value;
    }

    void check(boolean ok, String field, String message) {
        if (!ok) {
            fail(field, message);
        }
    }

    /** Throws the 400 of every rule broken so far. */
    void orFail() {
        if (!violations.isEmpty()) {
            throw ApiError.invalid(HttpStatus.BAD_REQUEST, violations);
        }
    }

    private JsonNode present(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                fail(field, "is required");
            }
            return null;
        }
        return value;
    }

    private <T> T fail(String field, String message) {
        violations.add(ApiError.Violation.of(field, message));
        return null;
    }
}
