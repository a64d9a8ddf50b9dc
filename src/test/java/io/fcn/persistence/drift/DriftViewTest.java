package io.fcn.persistence.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.drift.Finding.Severity;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.ForeignKeyModel;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;
import io.fcn.persistence.schema.model.TypeFamily;

/**
 * Drift as a view over SchemaDiff ({@link DriftReport#compare}) on hand-built models: each kind of drift, what is
 * not checkable, and both output formats.
 */
class DriftViewTest {

    private static final ColumnType INT = ColumnType.of(TypeFamily.INT);
    private static final ColumnType NOTIONAL = ColumnType.of(TypeFamily.DECIMAL, null, 18, 4);
    private static final ColumnType CURRENCY = ColumnType.of(TypeFamily.CHAR, Length.of(3), null, null);
    private static final ColumnType PARAMS = ColumnType.of(TypeFamily.NVARCHAR, Length.MAX, null, null);

    /** fcn_trade as SQL Server shows it: everything known. */
    private static TableModel trade(List<ColumnModel> columns, List<IndexModel> indexes) {
        return new TableModel("fcn_trade", columns,
                new KeyModel("pk_fcn_trade", List.of("id")),
                List.of(new KeyModel("uq_fcn_trade_trade_id", List.of("trade_id"))),
                List.of(new ForeignKeyModel("fk_fcn_trade_template", List.of("template_id"), "fcn_template",
                        List.of("template_id"))),
                indexes,
                List.of(new CheckModel("ck_fcn_trade_notional_positive", "([notional]>(0))")),
                List.of(new DefaultModel("version", "df_fcn_trade_version", "((0))")));
    }

    private static List<ColumnModel> tradeColumns() {
        return List.of(
                new ColumnModel("id", INT, false, true),
                new ColumnModel("trade_id", ColumnType.of(TypeFamily.VARCHAR, Length.of(100), null, null), false,
                        false),
                new ColumnModel("template_id", ColumnType.of(TypeFamily.VARCHAR, Length.of(100), null, null),
                        false, false),
                new ColumnModel("notional", NOTIONAL, false, false),
                new ColumnModel("currency", CURRENCY, false, false),
                new ColumnModel("trade_params", PARAMS, false, false),
                new ColumnModel("version", INT, false, false));
    }

    private static List<IndexModel> tradeIndexes() {
        return List.of(new IndexModel("ix_fcn_trade_template_id", List.of("template_id"), false, List.of(),
                Optional.empty()));
    }

    private static SchemaModel model(String source, TableModel... tables) {
        return new SchemaModel(source, List.of(tables));
    }

    private static final SchemaModel EXPECTED = model("expected model", trade(tradeColumns(), tradeIndexes()));

    @Test
    void identicalModelsHaveNoDrift() {
        DriftReport report = DriftReport.compare(EXPECTED,
                model("actual model", trade(tradeColumns(), tradeIndexes())));

        assertTrue(report.isEmpty());
        assertFalse(report.hasErrors());
        assertEquals(Map.of(), report.notCheckable());
        assertEquals("No schema drift (expected: expected model; actual: actual model)\n", report.toText());
    }

    @Test
    void aMissingColumnIsAnError() {
        List<ColumnModel> columns = tradeColumns().stream().filter(c -> !c.name().equals("currency")).toList();

        DriftReport report = DriftReport.compare(EXPECTED, model("actual", trade(columns, tradeIndexes())));

        assertEquals(List.of(new Finding(Severity.ERROR, Kind.MISSING, ObjectType.COLUMN, "fcn_trade.currency", null,
                "CHAR(3) NOT NULL", null)), report.findings());
    }

    @Test
    void aChangedTypeNamesTableColumnAndBothSides() {
        List<ColumnModel> columns = replace(tradeColumns(), new ColumnModel("notional",
                ColumnType.of(TypeFamily.DECIMAL, null, 19, 2), false, false));

        DriftReport report = DriftReport.compare(EXPECTED, model("actual", trade(columns, tradeIndexes())));

        assertEquals(List.of(new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.COLUMN, "fcn_trade.notional",
                "type", "DECIMAL(18,4)", "DECIMAL(19,2)")), report.findings());
    }

    @Test
    void nullabilityAndIdentityAreCompared() {
        List<ColumnModel> columns = replace(tradeColumns(), new ColumnModel("id", INT, true, false));

        DriftReport report = DriftReport.compare(EXPECTED, model("actual", trade(columns, tradeIndexes())));

        assertEquals(List.of(
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.COLUMN, "fcn_trade.id", "identity", "IDENTITY",
                        "not IDENTITY"),
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.COLUMN, "fcn_trade.id", "nullable", "NOT NULL",
                        "NULL")), report.findings());
    }

    @Test
    void nvarcharAgainstVarcharIsDriftWhereBothSidesShowIt() {
        List<ColumnModel> columns = replace(tradeColumns(), new ColumnModel("trade_params",
                ColumnType.of(TypeFamily.VARCHAR, Length.MAX, null, null), false, false));

        DriftReport report = DriftReport.compare(EXPECTED, model("actual", trade(columns, tradeIndexes())));

        assertEquals(List.of(new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.COLUMN, "fcn_trade.trade_params",
                "type", "NVARCHAR(MAX)", "VARCHAR(MAX)")), report.findings());
    }

    @Test
    void whatOneSideCannotShowIsNotCheckableRatherThanDrift() {
        // As H2 shows it: no N-ness, no default names, no index filters or included columns.
        List<ColumnModel> columns = replace(tradeColumns(), new ColumnModel("trade_params",
                new ColumnType(TypeFamily.VARCHAR, false, Length.MAX, null, null, null), false, false));
        TableModel h2Like = new TableModel("fcn_trade", columns,
                new KeyModel("pk_fcn_trade", List.of("id")),
                List.of(new KeyModel("uq_fcn_trade_trade_id", List.of("trade_id"))),
                List.of(new ForeignKeyModel("fk_fcn_trade_template", List.of("template_id"), "fcn_template",
                        List.of("template_id"))),
                List.of(new IndexModel("ix_fcn_trade_template_id", List.of("template_id"), false, null, null)),
                List.of(new CheckModel("ck_fcn_trade_notional_positive", null)),
                List.of(new DefaultModel("version", null, "0")));

        DriftReport report = DriftReport.compare(EXPECTED, model("h2-like", h2Like));

        assertTrue(report.isEmpty(), report::toText);
        assertEquals(Map.of("check.expression", 1, "column.national", 1, "default.name", 1,
                "index.filter", 1, "index.included_columns", 1), report.notCheckable());
        assertEquals("""
                No schema drift (expected: expected model; actual: h2-like)
                Not checkable here: check.expression (1), column.national (1), default.name (1), index.filter (1), \
                index.included_columns (1)
                """, report.toText());
        assertTrue(report.toJson().endsWith("\"notCheckable\":{\"check.expression\":1,\"column.national\":1,"
                + "\"default.name\":1,\"index.filter\":1,\"index.included_columns\":1}}"), report::toJson);
    }

    @Test
    void aFractionalSecondsScaleOneSideCannotShowIsNotCheckable() {
        // As Babelfish shows a DATETIMEOFFSET(7): it keeps 6 digits at most, so the declared scale is unknown.
        List<ColumnModel> expected = new ArrayList<>(tradeColumns());
        expected.add(new ColumnModel("created_at", ColumnType.of(TypeFamily.DATETIMEOFFSET, null, null, 7), false,
                false));
        List<ColumnModel> actual = new ArrayList<>(tradeColumns());
        actual.add(new ColumnModel("created_at", ColumnType.of(TypeFamily.DATETIMEOFFSET), false, false));

        DriftReport report = DriftReport.compare(model("expected", trade(expected, tradeIndexes())),
                model("babelfish-like", trade(actual, tradeIndexes())));

        assertTrue(report.isEmpty(), report::toText);
        assertEquals(Map.of("column.scale", 1), report.notCheckable());
    }

    @Test
    void anUnknownScaleDoesNotHideAChangedType() {
        List<ColumnModel> expected = new ArrayList<>(tradeColumns());
        expected.add(new ColumnModel("created_at", ColumnType.of(TypeFamily.DATETIMEOFFSET, null, null, 7), false,
                false));
        List<ColumnModel> actual = new ArrayList<>(tradeColumns());
        actual.add(new ColumnModel("created_at", ColumnType.of(TypeFamily.DATETIME2), false, false));

        DriftReport report = DriftReport.compare(model("expected", trade(expected, tradeIndexes())),
                model("babelfish-like", trade(actual, tradeIndexes())));

        assertEquals(List.of(new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.COLUMN, "fcn_trade.created_at",
                "type", "DATETIMEOFFSET(7)", "DATETIME2")), report.findings());
    }

    @Test
    void aModelWithoutDefaultsOrChecksIsNotCheckedForThem() {
        TableModel generatedLike = new TableModel("fcn_trade", tradeColumns(), new KeyModel("pk_fcn_trade",
                List.of("id")), List.of(new KeyModel("uq_fcn_trade_trade_id", List.of("trade_id"))),
                List.of(new ForeignKeyModel("fk_fcn_trade_template", List.of("template_id"), "fcn_template",
                        List.of("template_id"))), tradeIndexes(), null, null);

        DriftReport report = DriftReport.compare(model("generated-like", generatedLike), EXPECTED);

        assertTrue(report.isEmpty(), report::toText);
        assertEquals(Map.of("checks", 1, "defaults", 1), report.notCheckable());
    }

    @Test
    void anExtraIndexIsAWarningAndAMissingOneAnError() {
        List<IndexModel> indexes = List.of(new IndexModel("ix_fcn_trade_currency", List.of("currency"), false,
                List.of(), Optional.empty()));

        DriftReport report = DriftReport.compare(EXPECTED, model("actual", trade(tradeColumns(), indexes)));

        assertEquals(List.of(
                new Finding(Severity.WARNING, Kind.UNEXPECTED, ObjectType.INDEX, "fcn_trade.ix_fcn_trade_currency",
                        null, null, "(currency)"),
                new Finding(Severity.ERROR, Kind.MISSING, ObjectType.INDEX, "fcn_trade.ix_fcn_trade_template_id",
                        null, "(template_id)", null)), report.findings());
        assertEquals(1, report.errors());
        assertEquals(1, report.warnings());
    }

    @Test
    void indexUniquenessIncludedColumnsAndFilterAreCompared() {
        List<IndexModel> indexes = List.of(new IndexModel("ix_fcn_trade_template_id", List.of("template_id"), true,
                List.of("currency"), Optional.of("([template_id] IS NOT NULL)")));

        DriftReport report = DriftReport.compare(EXPECTED, model("actual", trade(tradeColumns(), indexes)));

        assertEquals(List.of(
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.INDEX, "fcn_trade.ix_fcn_trade_template_id",
                        "filter", "(none)", "template_id is not null"),
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.INDEX, "fcn_trade.ix_fcn_trade_template_id",
                        "included_columns", "()", "(currency)"),
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.INDEX, "fcn_trade.ix_fcn_trade_template_id",
                        "unique", "false", "true")), report.findings());
    }

    @Test
    void keysChecksAndDefaultsAreComparedByName() {
        TableModel actual = new TableModel("fcn_trade", tradeColumns(),
                new KeyModel("pk_trade", List.of("id")),
                List.of(new KeyModel("uq_fcn_trade_trade_id", List.of("trade_id", "template_id"))),
                List.of(new ForeignKeyModel("fk_fcn_trade_template", List.of("template_id"), "fcn_template",
                        List.of("id"))),
                tradeIndexes(),
                List.of(new CheckModel("ck_fcn_trade_notional_positive", "([notional]>=(0))"),
                        new CheckModel("ck_extra", "([version]>(0))")),
                List.of(new DefaultModel("version", "DF__fcn_trade__versi__1234", "((1))")));

        DriftReport report = DriftReport.compare(EXPECTED, model("actual", actual));

        assertEquals(List.of(
                new Finding(Severity.ERROR, Kind.UNEXPECTED, ObjectType.CHECK, "fcn_trade.ck_extra", null, null,
                        "CHECK (version>(0))"),
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.CHECK, "fcn_trade.ck_fcn_trade_notional_positive",
                        "expression", "notional>(0)", "notional>=(0)"),
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.FOREIGN_KEY, "fcn_trade.fk_fcn_trade_template",
                        "references", "fcn_template(template_id)", "fcn_template(id)"),
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.PRIMARY_KEY, "fcn_trade.pk_fcn_trade", "name",
                        "pk_fcn_trade", "pk_trade"),
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.UNIQUE_KEY, "fcn_trade.uq_fcn_trade_trade_id",
                        "columns", "(trade_id)", "(trade_id, template_id)"),
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.DEFAULT, "fcn_trade.version", "expression", "0",
                        "1"),
                new Finding(Severity.ERROR, Kind.CHANGED, ObjectType.DEFAULT, "fcn_trade.version", "name",
                        "df_fcn_trade_version", "df__fcn_trade__versi__1234")), report.findings());
    }

    @Test
    void unexpectedColumnsAreWarningsOnlyWhenInsertsCanIgnoreThem() {
        List<ColumnModel> columns = new ArrayList<>(tradeColumns());
        columns.add(new ColumnModel("note", ColumnType.of(TypeFamily.NVARCHAR, Length.of(50), null, null), true,
                false));
        columns.add(new ColumnModel("desk", ColumnType.of(TypeFamily.VARCHAR, Length.of(20), null, null), false,
                false));

        DriftReport report = DriftReport.compare(EXPECTED, model("actual", trade(columns, tradeIndexes())));

        assertEquals(List.of(
                new Finding(Severity.ERROR, Kind.UNEXPECTED, ObjectType.COLUMN, "fcn_trade.desk", null, null,
                        "VARCHAR(20) NOT NULL"),
                new Finding(Severity.WARNING, Kind.UNEXPECTED, ObjectType.COLUMN, "fcn_trade.note", null, null,
                        "NVARCHAR(50) NULL")), report.findings());
    }

    @Test
    void missingAndUnexpectedTablesAreReportedOnceNotPerColumn() {
        TableModel other = new TableModel("fcn_other", List.of(new ColumnModel("id", INT, false, true)), null,
                List.of(), List.of(), List.of(), List.of(), List.of());

        DriftReport report = DriftReport.compare(EXPECTED, model("actual", other));

        assertEquals(List.of(
                new Finding(Severity.WARNING, Kind.UNEXPECTED, ObjectType.TABLE, "fcn_other", null, null,
                        "table (1 columns)"),
                new Finding(Severity.ERROR, Kind.MISSING, ObjectType.TABLE, "fcn_trade", null, "table (7 columns)",
                        null)), report.findings());
    }

    @Test
    void textIsATableNamingTableColumnAndBothSides() {
        List<ColumnModel> columns = replace(tradeColumns(), new ColumnModel("notional",
                ColumnType.of(TypeFamily.DECIMAL, null, 19, 2), false, false)).stream()
                .filter(c -> !c.name().equals("currency")).toList();
        List<IndexModel> indexes = List.of(tradeIndexes().get(0), new IndexModel("ix_fcn_trade_currency",
                List.of("currency"), false, null, null));

        DriftReport report = DriftReport.compare(EXPECTED, model("SQL Server catalog", trade(columns, indexes)));

        assertEquals("""
                Schema drift: 2 errors, 1 warning (expected: expected model; actual: SQL Server catalog)
                SEVERITY  KIND        OBJECT  PATH                             PROPERTY  EXPECTED          ACTUAL
                ERROR     MISSING     COLUMN  fcn_trade.currency               -         CHAR(3) NOT NULL  (absent)
                WARNING   UNEXPECTED  INDEX   fcn_trade.ix_fcn_trade_currency  -         (absent)          (currency)
                ERROR     CHANGED     COLUMN  fcn_trade.notional               type      DECIMAL(18,4)     DECIMAL(19,2)
                """, report.toText());
    }

    @Test
    void jsonHasTheSameFindingsInTheSameOrder() {
        List<ColumnModel> columns = replace(tradeColumns(), new ColumnModel("notional",
                ColumnType.of(TypeFamily.DECIMAL, null, 19, 2), false, false)).stream()
                .filter(c -> !c.name().equals("currency")).toList();

        DriftReport report = DriftReport.compare(EXPECTED, model("actual \"live\"", trade(columns, tradeIndexes())));

        assertEquals("{\"expected\":\"expected model\",\"actual\":\"actual \\\"live\\\"\",\"errors\":2,\"warnings\":0,"
                + "\"findings\":["
                + "{\"severity\":\"ERROR\",\"kind\":\"MISSING\",\"object\":\"COLUMN\",\"path\":\"fcn_trade.currency\","
                + "\"property\":null,\"expected\":\"CHAR(3) NOT NULL\",\"actual\":null},"
                + "{\"severity\":\"ERROR\",\"kind\":\"CHANGED\",\"object\":\"COLUMN\",\"path\":\"fcn_trade.notional\","
                + "\"property\":\"type\",\"expected\":\"DECIMAL(18,4)\",\"actual\":\"DECIMAL(19,2)\"}],"
                + "\"notCheckable\":{}}", report.toJson());
    }

    private static List<ColumnModel> replace(List<ColumnModel> columns, ColumnModel replacement) {
        return columns.stream().map(c -> c.name().equals(replacement.name()) ? replacement : c).toList();
    }
}
