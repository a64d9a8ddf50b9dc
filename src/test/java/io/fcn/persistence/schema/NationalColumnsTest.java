package io.fcn.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.codegen.NationalColumns;
import io.fcn.persistence.jooq.DefaultSchema;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;

/**
 * Keeps the build's national columns honest: jOOQ's code generator reads NVARCHAR as VARCHAR, and only a column the
 * generated classes declare NVARCHAR is bound as a national string (Unicode under
 * {@code sendStringParametersAsUnicode=false}). The build scans the migrations for them ({@link NationalColumns},
 * which writes the generator's forced types); the expected columns are taken from the shipped schema snapshot
 * (jOOQ's DDL interpreter, another reading of the same files), so a column the scan misses fails here, and so does
 * a VARCHAR column it takes for national.
 */
class NationalColumnsTest {

    private static final SchemaModel EXPECTED = ExpectedSchemas.latest();
    private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

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
        assertEquals(List.of(), wrong, "the generated classes must declare exactly the NVARCHAR columns national");
    }

    @Test
    void theBuildsScanOfTheMigrationsFindsTheSnapshotsNationalColumnsWithTheirTypes() throws Exception {
        Set<String> expected = new TreeSet<>();
        EXPECTED.tables().forEach(t -> t.columns().stream().filter(c -> c.type().family().isNational())
                .forEach(c -> expected.add(t.name() + "." + c.name() + " " + c.type().sql())));
        Set<String> scanned = new TreeSet<>();
        for (NationalColumns.Column c : NationalColumns.scan(ROOT.resolve("db/migration"))) {
            // The scan names types as jOOQ does: NVARCHAR without a length is MAX.
            String type = c.type().contains("(") ? c.type() : c.type() + "(MAX)";
            scanned.add(c.table() + "." + c.column() + " " + type);
        }
        assertEquals(expected, scanned);
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
