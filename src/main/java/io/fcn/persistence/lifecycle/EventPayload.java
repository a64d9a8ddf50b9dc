package io.fcn.persistence.lifecycle;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Builds an event payload: a flat JSON object, written by Jackson's generator so every value is escaped correctly.
 * Amounts are written as plain JSON numbers exactly as given (no exponent, no rounding); dates as ISO strings.
 */
public final class EventPayload {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Object> properties = new LinkedHashMap<>();

    private EventPayload() {
    }

    /** {@return an empty payload to add properties to} */
    public static EventPayload object() {
        return new EventPayload();
    }

    /**
     * Adds a string property.
     * @param name the property's name, not yet in the payload
     * @param value its value; null is written as JSON null
     * @return this payload
     * @throws IllegalArgumentException when {@code name} is already set
     */
    public EventPayload put(String name, String value) {
        return add(name, value);
    }

    /**
     * Adds an amount, written exactly as given (no exponent, no rounding).
     * @param name the property's name, not yet in the payload
     * @param value its value; null is written as JSON null
     * @return this payload
     * @throws IllegalArgumentException when {@code name} is already set
     */
    public EventPayload put(String name, BigDecimal value) {
        return add(name, value);
    }

    /**
     * Adds a date, written as an ISO string ({@code 2026-04-15}).
     * @param name the property's name, not yet in the payload
     * @param value its value; null is written as JSON null
     * @return this payload
     * @throws IllegalArgumentException when {@code name} is already set
     */
    public EventPayload put(String name, LocalDate value) {
        return add(name, value);
    }

    /**
     * Adds an integer property.
     * @param name the property's name, not yet in the payload
     * @param value its value
     * @return this payload
     * @throws IllegalArgumentException when {@code name} is already set
     */
    public EventPayload put(String name, long value) {
        return add(name, value);
    }

    /**
     * Adds a boolean property.
     * @param name the property's name, not yet in the payload
     * @param value its value
     * @return this payload
     * @throws IllegalArgumentException when {@code name} is already set
     */
    public EventPayload put(String name, boolean value) {
        return add(name, value);
    }

    private EventPayload add(String name, Object value) {
        if (properties.containsKey(name)) {
            throw new IllegalArgumentException("Payload property '" + name + "' is set twice");
        }
        properties.put(name, value);
        return this;
    }

    /**
     * The JSON text: {@code {"name":value,…}} in insertion order; a null value is written as JSON null.
     * @return the payload as JSON text
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, Object> p : properties.entrySet()) {
                g.writeName(p.getKey());
                Object v = p.getValue();
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof BigDecimal amount) {
                    g.writeNumber(amount.toPlainString());
                } else if (v instanceof Long n) {
                    g.writeNumber(n);
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else {
                    g.writeString(v.toString());
                }
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
