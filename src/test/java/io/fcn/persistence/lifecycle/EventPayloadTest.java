package io.fcn.persistence.lifecycle;

import static io.fcn.persistence.jooq.Tables.FCN_LIFECYCLE_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jooq.Converter;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.validation.Validate;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.internal.errors.SqlErrors;
import io.fcn.persistence.support.StoredEnums;
import io.fcn.persistence.exceptions.DatabaseException;

class EventPayloadTest {

    @Test
    void writesAFlatObjectWithEveryValueEscaped() {
        String json = EventPayload.object()
                .put("reason", "a \"quoted\" \\ reason\nwith ภาษาไทย")
                .put("amount", new BigDecimal("1E+3"))
                .put("small", new BigDecimal("0.00010"))
                .put("date", LocalDate.of(2026, 3, 1))
                .put("count", 3)
                .put("flag", true)
                .put("none", (String) null)
                .toJson();
        assertEquals("{\"reason\":\"a \\\"quoted\\\" \\\\ reason\\nwith ภาษาไทย\",\"amount\":1000,"
                + "\"small\":0.00010,\"date\":\"2026-03-01\",\"count\":3,\"flag\":true,\"none\":null}", json);
        assertEquals(json, Validate.json("event_payload", json), "valid JSON text");
    }

    @Test
    void anEmptyPayloadIsAnEmptyObjectAndNamesAreNotRepeated() {
        assertEquals("{}", EventPayload.object().toJson());
        assertThrows(IllegalArgumentException.class, () -> EventPayload.object().put("a", 1).put("a", 2));
    }

    @Test
    void typesMapToTheValuesOfTheSchemasCheck() {
        // ck_fcn_lifecycle_event_type in V20251101_0002.
        List<String> check = List.of("created", "observation_posted", "coupon_paid", "knocked_in", "knocked_out",
                "terminated", "matured", "autocall", "coupon_payment", "ki_breach", "maturity", "autocalled",
                "settled");
        assertEquals(check, Arrays.stream(LifecycleEventType.values()).map(LifecycleEventType::getLiteral).toList());
        Converter<String, LifecycleEventType> column = StoredEnums.converter(FCN_LIFECYCLE_EVENT.EVENT_TYPE);
        for (LifecycleEventType t : LifecycleEventType.values()) {
            assertEquals(t.getLiteral(), column.to(t));
            assertEquals(t, column.from(t.getLiteral()));
        }
        assertThrows(DatabaseException.class,
                () -> SqlErrors.known(column.from("CREATED"), FCN_LIFECYCLE_EVENT.EVENT_TYPE));
    }
}
