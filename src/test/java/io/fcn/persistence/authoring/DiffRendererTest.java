package io.fcn.persistence.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.SchemaChange;
import io.fcn.persistence.schema.model.SchemaChange.Kind;
import io.fcn.persistence.schema.model.SchemaChange.ObjectType;
import io.fcn.persistence.schema.model.SchemaDiff;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;
import io.fcn.persistence.schema.model.TypeFamily;

/** What a migration changes, for review: the diff between two versions and its three renderings. */
class DiffRendererTest {

    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?im)^\\s*CREATE\\s+INDEX\\s+(\\w+)\\s+ON\\s+dbo\\.(\\w+)\\s*\\(([^)]*)\\)");

    private static final ColumnType INT = ColumnType.of(TypeFamily.INT);

    /** The indexes V20261124_0003 creates, read from the file: table, index and columns. */
    private static List<String[]> indexesOfV3() throws Exception {
        String text = Files.readString(Path.of("db/migration/V20261124_0003__list_indexes.sql"));
        List<String[]> found = new ArrayList<>();
        Matcher m = CREATE_INDEX.matcher(text);
        while (m.find()) {
            found.add(new String[] {m.group(2).toLowerCase(), m.group(1).toLowerCase(),
                    String.join(",", Arrays.stream(m.group(3).split(",")).map(String::strip).toList())});
        }
        return found;
    }

    @Test
    void theDiffBetweenTwoVersionsIsExactlyWhatTheMigrationAdds() throws Exception {
        SchemaDiff diff = SchemaDiff.between(ExpectedSchemas.forVersion("20251101.0002"),
                ExpectedSchemas.forVersion("20261124.0003"));

        List<String[]> created = indexesOfV3();
        assertEquals(5, created.size(), "the file's CREATE INDEX statements");
        assertEquals(created.size(), diff.differences().size(), () -> DiffRenderer.text(diff));
        for (String[] index : created) {
            String path = index[0] + "." + index[1];
            SchemaChange change = diff.differences().stream().filter(c -> c.path().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError(path + " not in\n" + DiffRenderer.text(diff)));
            assertEquals(Kind.ADDED, change.kind());
            assertEquals(ObjectType.INDEX, change.object());
            assertEquals(index[0], change.table());
            assertEquals(null, change.from());
            assertEquals(List.of(index[2].split(",")), ((IndexModel) change.to()).columns());
            assertEquals("(" + index[2].replace(",", ", ") + ")", change.toText());
        }
        assertEquals(List.of(), diff.notComparable(), "both snapshots show every property");

        String text = DiffRenderer.text(diff);
        assertTrue(text.startsWith("Schema diff: 5 added, 0 removed, 0 changed (from: migrations up to "
                + "20251101.0002; to: migrations up to 20261124.0003)\n"), text);
        assertTrue(text.contains("ADDED   INDEX   fcn_trade.ix_fcn_trade_status_id"), text);
        String markdown = DiffRenderer.markdown(diff);
        assertTrue(markdown.contains("| ➕ added | index | `fcn_trade.ix_fcn_trade_status_id` |  |  | "
                + "`(status, id)` |"), markdown);
        String json = DiffRenderer.json(diff);
        assertTrue(json.contains("\"added\":5,\"removed\":0,\"changed\":0,"), json);
        assertEquals(5, json.split("\"kind\":\"ADDED\"", -1).length - 1, json);
    }

    @Test
    void theReverseDiffRemovesThem() {
        SchemaDiff diff = SchemaDiff.between(ExpectedSchemas.forVersion("20261124.0003"),
                ExpectedSchemas.forVersion("20251101.0002"));

        assertEquals(5, diff.differences().size());
        assertTrue(diff.differences().stream().allMatch(c -> c.kind() == Kind.REMOVED
                && c.object() == ObjectType.INDEX && c.to() == null && c.toText() == null));
    }

    private static final ColumnModel ID = new ColumnModel("id", INT, false, true);
    private static final ColumnModel NOTE = new ColumnModel("note",
            ColumnType.of(TypeFamily.NVARCHAR, Length.of(200), null, null), true, false);

    private static TableModel table(String name, ColumnModel... columns) {
        return new TableModel(name, List.of(columns), new KeyModel("pk_" + name, List.of("id")), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    /** A changed column, an added table, and a column whose N the H2 side cannot show. */
    private static SchemaDiff sample() {
        ColumnModel h2Note = new ColumnModel("note",
                new ColumnType(TypeFamily.VARCHAR, false, Length.of(200), null, null, null), true, false);
        ColumnModel count = new ColumnModel("n", INT, false, false);
        ColumnModel bigger = new ColumnModel("n", ColumnType.of(TypeFamily.BIGINT), false, false);
        return SchemaDiff.between(
                new SchemaModel("expected", List.of(table("fcn_a", ID, NOTE, count))),
                new SchemaModel("embedded H2", List.of(table("fcn_a", ID, h2Note, bigger),
                        table("fcn_b", ID))));
    }

    @Test
    void textShowsBothSidesAndWhatIsNotComparable() {
        assertEquals("""
                Schema diff: 1 added, 0 removed, 1 changed (from: expected; to: embedded H2)
                CHANGE   OBJECT  PATH     PROPERTY  FROM      TO
                CHANGED  COLUMN  fcn_a.n  type      INT       BIGINT
                ADDED    TABLE   fcn_b    -         (absent)  table (1 columns)
                Not comparable (one side cannot show it): 1
                OBJECT  PATH        PROPERTY  FROM      TO
                COLUMN  fcn_a.note  national  NVARCHAR  not shown
                """, DiffRenderer.text(sample()));
    }

    @Test
    void jsonForMachines() {
        assertEquals("{\"from\":\"expected\",\"to\":\"embedded H2\",\"added\":1,\"removed\":0,\"changed\":1,"
                + "\"changes\":["
                + "{\"kind\":\"CHANGED\",\"object\":\"COLUMN\",\"table\":\"fcn_a\",\"path\":\"fcn_a.n\","
                + "\"property\":\"type\",\"from\":\"INT\",\"to\":\"BIGINT\"},"
                + "{\"kind\":\"ADDED\",\"object\":\"TABLE\",\"table\":\"fcn_b\",\"path\":\"fcn_b\","
                + "\"property\":null,\"from\":null,\"to\":\"table (1 columns)\"}],"
                + "\"notComparable\":["
                + "{\"object\":\"COLUMN\",\"table\":\"fcn_a\",\"path\":\"fcn_a.note\",\"property\":\"national\","
                + "\"key\":\"column.national\",\"from\":\"NVARCHAR\",\"to\":\"not shown\"}]}",
                DiffRenderer.json(sample()));
    }

    @Test
    void markdownMarksAddedRemovedAndChanged() {
        SchemaDiff withRemoval = SchemaDiff.between(new SchemaModel("a", List.of(table("fcn_a", ID, NOTE))),
                new SchemaModel("b", List.of(table("fcn_a", ID))));

        assertEquals("""
                ### Schema diff: expected → embedded H2

                1 added, 0 removed, 1 changed.

                | | Object | Path | Property | From | To |
                |---|---|---|---|---|---|
                | ✏️ changed | column | `fcn_a.n` | type | `INT` | `BIGINT` |
                | ➕ added | table | `fcn_b` |  |  | `table (1 columns)` |

                <details><summary>Not comparable: 1 properties one side cannot show</summary>

                | Object | Path | Property | From | To |
                |---|---|---|---|---|
                | column | `fcn_a.note` | national | NVARCHAR | not shown |

                </details>
                """, DiffRenderer.markdown(sample()));
        assertTrue(DiffRenderer.markdown(withRemoval).contains(
                "| ➖ removed | column | `fcn_a.note` |  | `NVARCHAR(200) NULL` |  |"), DiffRenderer.markdown(withRemoval));
    }

    @Test
    void noDifferencesSaySo() {
        SchemaModel m = new SchemaModel("a", List.of(table("fcn_a", ID)));
        SchemaDiff diff = SchemaDiff.between(m, new SchemaModel("b", List.of(table("fcn_a", ID))));

        assertEquals("No differences (from: a; to: b)\n", DiffRenderer.text(diff));
        assertFalse(DiffRenderer.markdown(diff).contains("|"));
        assertTrue(DiffRenderer.json(diff).contains("\"changes\":[]"));
    }

}
