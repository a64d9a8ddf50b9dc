package io.fcn.persistence.observation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonSemanticsTest {

    @Test
    void whitespaceMemberOrderAndNumberSpellingDoNotMatter() {
        assertTrue(JsonSemantics.same("{\"a\":1,\"b\":[1,2]}", " { \"b\" : [ 1 , 2 ] , \"a\" : 1 } "));
        assertTrue(JsonSemantics.same("{\"p\": 182.50}", "{\"p\": 182.5}"));
        assertTrue(JsonSemantics.same("{\"p\": 1e2}", "{\"p\": 100}"));
        assertTrue(JsonSemantics.same("{\"p\": 0.0}", "{\"p\": -0}"));
        assertTrue(JsonSemantics.same("{\"x\": {\"z\": null, \"y\": true}}", "{\"x\":{\"y\":true,\"z\":null}}"));
        assertTrue(JsonSemantics.same(null, null));
    }

    @Test
    void valuesTypesAndArrayOrderDo() {
        assertFalse(JsonSemantics.same("{\"p\": 182.5}", "{\"p\": 182.51}"));
        assertFalse(JsonSemantics.same("{\"p\": 1}", "{\"p\": \"1\"}"), "a number is not a string");
        assertFalse(JsonSemantics.same("[1, 2]", "[2, 1]"));
        assertFalse(JsonSemantics.same("{\"s\": \"A\"}", "{\"s\": \"a\"}"));
        assertFalse(JsonSemantics.same("{\"a\": null}", "{}"));
        assertFalse(JsonSemantics.same("{\"a\": true}", "{\"a\": 1}"));
        assertFalse(JsonSemantics.same("{}", null), "no JSON is not an empty object");
        assertFalse(JsonSemantics.same("null", null), "JSON null text is not a missing value");
    }

    @Test
    void aTextWithDuplicateMemberNamesOnlyEqualsItself() {
        String duplicate = "{\"a\": 1, \"a\": 2}";
        assertTrue(JsonSemantics.same(duplicate, duplicate));
        assertFalse(JsonSemantics.same(duplicate, "{\"a\": 1,\"a\": 2}"));
        assertFalse(JsonSemantics.same(duplicate, "{\"a\": 2}"));
    }
}
