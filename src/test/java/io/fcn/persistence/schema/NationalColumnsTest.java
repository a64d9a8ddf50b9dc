package io.fcn.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.jooq.DefaultSchema;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;

/**
 * Keeps pom.xml's NVARCHAR forced types honest: jOOQ's code generator reads NVARCHAR as VARCHAR, and only a column
 * the generated classes declare NVARCHAR is bound as a national string (Unicode under
 * {@code sendStringParametersAsUnicode=false}). The NVARCHAR columns are taken from the shipped schema snapshot, so
 * a new one without its forced type fails here, and so does a forced type on a VARCHAR column.
 */
class NationalColumnsTest {

    private static final SchemaModel EXPECTED = ExpectedSchemas.latest();

    @Test
    void everyNvarcharColumnIsNationalInTheGeneratedClassesAndNoOtherIs() {
        List<String> wrong = new ArrayList<>();
        for (TableModel table : EXPECTED.tables()) {
            Table<?> generated = DefaultSchema.DEFAULT_SCHEMA.getTable(table.name());
            for (ColumnModel column : table.columns()) {
                if (!column.type().family().isCharacter()) {
                    continue;
                }
                Field<?> field = generated.field(column.name());
                boolean national = column.type().family().isNational();
                if (field.getDataType().isNString() != national) {
                    wrong.add(table.name() + "." + column.name() + " is " + column.type().sql()
                            + " but generated as " + field.getDataType().getTypeName());
                }
            }
        }
        assertEquals(List.of(), wrong, "pom.xml <forcedTypes> must list exactly the NVARCHAR columns");
    }

    @Test
    void theForcedTypesKeepTheDeclaredLengths() {
        for (TableModel table : EXPECTED.tables()) {
            for (ColumnModel column : table.columns()) {
                if (column.type().family().isNational()) {
                    DataType<?> type = DefaultSchema.DEFAULT_SCHEMA.getTable(table.name()).field(column.name())
                            .getDataType();
                    Length generated = type.lengthDefined() && type.length() > 0 ? Length.of(type.length())
                            : Length.MAX;
                    assertEquals(column.type().length(), generated, table.name() + "." + column.name());
                }
            }
        }
    }

    /** The snapshot shows N-ness (else the test above would pass for nothing): today's NVARCHAR columns are in it. */
    @Test
    void theSnapshotKnowsTheNvarcharColumns() {
        Set<String> national = new TreeSet<>();
        EXPECTED.tables().forEach(t -> t.columns().stream().filter(c -> c.type().family().isNational())
                .forEach(c -> national.add(t.name() + "." + c.name())));
        assertTrue(national.containsAll(Set.of("fcn_template.name", "fcn_template.parameters",
                "fcn_template.deprecation_reason", "fcn_trade.trade_params", "fcn_observation.underlying_prices",
                "fcn_observation.observation_data", "fcn_lifecycle_event.event_payload",
                "fcn_idempotency_key.response_snapshot")), national::toString);
    }
}
