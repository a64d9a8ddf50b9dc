package io.fcn.persistence.internal.format;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON writer of the library (drift reports, event payloads, the command line, the schema snapshots, which
 * it also reads back): trees built in a fixed key order, written as one compact line, so the same content gives the
 * same bytes. Callers' JSON is read by the streaming parsers of {@code Validate} and {@code JsonSemantics}.
 */
public final class Json {

    /** Amounts exactly as given: {@code 1E+3} is written as {@code 1000}, {@code 0.00010} keeps its zeros. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static String write(JsonNode tree) {
        return MAPPER.writeValueAsString(tree);
    }

    /** Fails with Jackson's (unchecked) exception when {@code json} is not one JSON value. */
    public static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }
}
