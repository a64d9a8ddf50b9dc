package io.fcn.persistence.internal.format;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON writer and reader of the library (reports, the command line's output, the schema snapshots): trees
 * built in a fixed key order, written as one compact line, so the same content gives the same bytes.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

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
