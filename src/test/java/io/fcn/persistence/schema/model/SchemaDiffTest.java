package io.fcn.persistence.schema.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.schema.model.SchemaChange.Kind;
import io.fcn.persistence.schema.model.SchemaChange.ObjectType;

/** The structural diff itself: typed changes with both sides, and what one side cannot show. */
class SchemaDiffTest {

    private static final ColumnType INT = ColumnType.of(TypeFamily.INT);
    private static final ColumnModel ID = new ColumnModel("id", INT, false, true);
    private static final ColumnModel NOTE = new ColumnModel("note",
            ColumnType.of(TypeFamily.NVARCHAR, Length.of(200), null, null), true, false);
    private static final IndexModel BY_NOTE = new IndexModel("ix_fcn_x_note", List.of("note"), false, List.of(),
            Optional.empty());

    private static TableModel table(String name, List<ColumnModel> columns, List<IndexModel> indexes,
            List<DefaultModel> defaults) {
        return new TableModel(name, columns, new KeyModel("pk_" + name, List.of("id")), List.of(), List.of(),
                indexes, List.of(), defaults);
    }

    private static SchemaModel model(String source, TableModel... tables) {
        return new SchemaModel(source, List.of(tables));
    }

    @Test
    void identicalModelsHaveNoChanges() {
        SchemaModel m = model("a", table("fcn_x", List.of(ID, NOTE), List.of(BY_NOTE), List.of()));

        SchemaDiff diff = SchemaDiff.between(m, model("b", table("fcn_x", List.of(ID, NOTE), List.of(BY_NOTE),
                List.of())));

        assertTrue(diff.isEmpty());
        assertEquals(List.of(), diff.changes());
    }

    @Test
    void addedRemovedAndChangedObjectsCarryBothSides() {
        ColumnModel wider = new ColumnModel("note", ColumnType.of(TypeFamily.NVARCHAR, Length.of(400), null, null),
                true, false);
        TableModel fromX = table("fcn_x", List.of(ID, NOTE), List.of(), List.of());
        TableModel toX = table("fcn_x", List.of(ID, wider), List.of(BY_NOTE), List.of());
        TableModel gone = table("fcn_gone", List.of(ID), List.of(), List.of());

        SchemaDiff diff = SchemaDiff.between(model("from", fromX, gone), model("to", toX));

        assertEquals(List.of(
                new SchemaChange(Kind.REMOVED, ObjectType.TABLE, "fcn_gone", "fcn_gone", null, gone, null,
                        "table (1 columns)", null),
                new SchemaChange(Kind.CHANGED, ObjectType.COLUMN, "fcn_x", "fcn_x.note", "type", NOTE, wider,
                        "NVARCHAR(200)", "NVARCHAR(400)"),
                new SchemaChange(Kind.ADDED, ObjectType.INDEX, "fcn_x", "fcn_x.ix_fcn_x_note", null, null, BY_NOTE,
                        null, "(note)")), diff.changes());
        assertEquals(diff.changes(), diff.differences());
        assertSame(gone, diff.changes().get(0).from());
    }

    @Test
    void addedColumnsAndDefaultsAreTheirOwnEntries() {
        DefaultModel zero = new DefaultModel("version", "df_fcn_x_version", "((0))");
        ColumnModel version = new ColumnModel("version", INT, false, false);
        SchemaDiff diff = SchemaDiff.between(model("from", table("fcn_x", List.of(ID), List.of(), List.of())),
                model("to", table("fcn_x", List.of(ID, version), List.of(), List.of(zero))));

        assertEquals(List.of("ADDED COLUMN fcn_x.version INT NOT NULL",
                "ADDED DEFAULT fcn_x.version CONSTRAINT df_fcn_x_version DEFAULT 0"),
                diff.changes().stream().map(c -> c.kind() + " " + c.object() + " " + c.path() + " " + c.toText())
                        .toList());
    }

    @Test
    void aSideWithoutNvarcharKnowledgeIsNotComparableNeverChanged() {
        // As H2 shows it: VARCHAR or NVARCHAR cannot be told apart, default names and index details are not shown.
        ColumnModel h2Note = new ColumnModel("note",
                new ColumnType(TypeFamily.VARCHAR, false, Length.of(200), null, null, null), true, false);
        IndexModel h2Index = new IndexModel("ix_fcn_x_note", List.of("note"), false, null, null);
        TableModel sqlServer = table("fcn_x", List.of(ID, NOTE), List.of(BY_NOTE),
                List.of(new DefaultModel("note", "df_fcn_x_note", "''")));
        TableModel h2 = table("fcn_x", List.of(ID, h2Note), List.of(h2Index), List.of(new DefaultModel("note", null,
                "''")));

        SchemaDiff diff = SchemaDiff.between(model("SQL Server", sqlServer), model("H2", h2));

        assertTrue(diff.isEmpty(), diff::toString);
        assertEquals(List.of(
                "COLUMN fcn_x.note national NVARCHAR -> not shown (column.national)",
                "INDEX fcn_x.ix_fcn_x_note included_columns () -> not shown (index.included_columns)",
                "INDEX fcn_x.ix_fcn_x_note filter (none) -> not shown (index.filter)",
                "DEFAULT fcn_x.note name df_fcn_x_note -> not shown (default.name)"),
                diff.notComparable().stream().map(c -> c.object() + " " + c.path() + " " + c.property() + " "
                        + c.fromText() + " -> " + c.toText() + " (" + c.propertyKey() + ")").toList());
        assertTrue(diff.changes().stream().noneMatch(c -> c.kind() == Kind.CHANGED));
        SchemaChange national = diff.notComparable().get(0);
        assertSame(NOTE, national.from());
        assertSame(h2Note, national.to());
    }

    @Test
    void anUnknownNationalityDoesNotHideADifferentLength() {
        ColumnModel h2Note = new ColumnModel("note",
                new ColumnType(TypeFamily.VARCHAR, false, Length.of(100), null, null, null), true, false);

        SchemaDiff diff = SchemaDiff.between(model("a", table("fcn_x", List.of(ID, NOTE), List.of(), List.of())),
                model("b", table("fcn_x", List.of(ID, h2Note), List.of(), List.of())));

        assertFalse(diff.isEmpty());
        assertEquals(List.of("NOT_COMPARABLE national", "CHANGED type NVARCHAR(200) -> (N)VARCHAR(100)"),
                diff.changes().stream().map(c -> c.kind() + " " + c.property()
                        + (c.kind() == Kind.CHANGED ? " " + c.fromText() + " -> " + c.toText() : "")).toList());
    }

    @Test
    void aSideWithoutChecksOrDefaultsIsNotComparableForThemPerTable() {
        TableModel known = table("fcn_x", List.of(ID), List.of(), List.of());
        TableModel unknown = new TableModel("fcn_x", List.of(ID), new KeyModel("pk_fcn_x", List.of("id")),
                List.of(), List.of(), List.of(), null, null);

        SchemaDiff diff = SchemaDiff.between(model("a", known), model("b", unknown));

        assertTrue(diff.isEmpty());
        assertEquals(List.of("checks", "defaults"),
                diff.notComparable().stream().map(SchemaChange::propertyKey).toList());
        assertEquals(ObjectType.TABLE, diff.notComparable().get(0).object());
    }

    private static TableModel withChecks(CheckModel... checks) {
        return new TableModel("fcn_x", List.of(ID, new ColumnModel("status", ColumnType.of(TypeFamily.VARCHAR,
                Length.of(20), null, null), false, false)), new KeyModel("pk_fcn_x", List.of("id")), List.of(),
                List.of(), List.of(), List.of(checks), List.of());
    }

    @Test
    void aCheckWhosePredicateChangedUnderTheSameNameIsChangedHoweverEachSideWordsIt() {
        CheckModel migration = new CheckModel("ck_fcn_x_status", "status IN ('draft', 'active')");
        CheckModel sqlServer = new CheckModel("ck_fcn_x_status", "([status]='draft' OR [status]='active')");
        CheckModel widened = new CheckModel("ck_fcn_x_status",
                "([status]='draft' OR [status]='active' OR [status]='deprecated')");

        assertEquals(List.of(), SchemaDiff.between(model("a", withChecks(migration)),
                model("b", withChecks(sqlServer))).changes(), "the same predicate, worded by another engine");
        SchemaDiff diff = SchemaDiff.between(model("a", withChecks(migration)), model("b", withChecks(widened)));
        assertEquals(List.of(new SchemaChange(Kind.CHANGED, ObjectType.CHECK, "fcn_x", "fcn_x.ck_fcn_x_status",
                "expression", migration, widened, "status in ('draft','active')",
                "status='draft' or status='active' or status='deprecated'")), diff.changes());
    }

    @Test
    void aPredicateOneSideCannotShowOrReadIsNotComparableNeverChanged() {
        CheckModel known = new CheckModel("ck_fcn_x_status", "status IN ('draft')");
        for (CheckModel other : List.of(new CheckModel("ck_fcn_x_status", null),
                new CheckModel("ck_fcn_x_status", "status IN ('draft'"))) {
            SchemaDiff diff = SchemaDiff.between(model("a", withChecks(known)), model("b", withChecks(other)));
            assertTrue(diff.isEmpty(), diff::toString);
            assertEquals(List.of("check.expression"),
                    diff.notComparable().stream().map(SchemaChange::propertyKey).toList());
        }
    }
}
