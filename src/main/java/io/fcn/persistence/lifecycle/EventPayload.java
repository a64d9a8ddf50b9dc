package io.fcn.persistence.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fcn.persistence.internal.format.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds an event payload: a flat JSON object, written by the library's one JSON writer (Jackson), so every value is
 * escaped correctly.
 * Amounts are written as plain JSON numbers exactly as given (no exponent, no rounding); dates as ISO strings.
 */
public final class EventPayload {

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
        ObjectNode json = Json.object();
        properties.forEach((name, v) -> {
            if (v == null) {
                json.putNull(name);
            } else if (v instanceof BigDecimal amount) {
                json.put(name, amount);
            } else if (v instanceof Long n) {
                json.put(name, n);
            } else if (v instanceof Boolean b) {
                json.put(name, b);
            } else {
                json.put(name, v.toString());
            }
        });
        return Json.write(json);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
