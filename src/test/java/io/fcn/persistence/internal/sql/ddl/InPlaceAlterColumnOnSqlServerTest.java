package io.fcn.persistence.internal.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.database.ExternalSqlServer;
import io.fcn.persistence.internal.database.SqlServerDatabase;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableFilter;
import io.fcn.persistence.schema.model.TableModel;
import io.fcn.persistence.schema.model.TypeFamily;

/**
 * The statement only SQL Server runs: the reconcile script's in-place {@code ALTER COLUMN} (VARCHAR(MAX) NULL →
 * NVARCHAR(MAX) NOT NULL) on a populated column keeps every row. Babelfish has no {@code ALTER COLUMN … NOT NULL}
 * and the embedded engine is not SQL Server, so this needs a real SQL Server behind FCN_TEST_MSSQL_URL.
 */
class InPlaceAlterColumnOnSqlServerTest {

    private static final String TABLE = "fcn_alter_probe";

    @Test
    void anInPlaceAlterColumnOnAPopulatedColumnKeepsTheRows() throws Exception {
        Assumptions.assumeTrue(ExternalSqlServer.fromEnvironment().isPresent(),
                "needs a real SQL Server: FCN_TEST_MSSQL_URL is not set");
        try (SqlServerDatabase database = ExternalSqlServer.fromEnvironment().orElseThrow().newDatabase()) {
            DataSource ds = database.dataSource();
            Assumptions.assumeTrue(TsqlTarget.of(ds) == TsqlTarget.SQL_SERVER,
                    "needs a real SQL Server: FCN_TEST_MSSQL_URL names " + TsqlTarget.of(ds).label()
                            + ", which cannot ALTER COLUMN … NOT NULL");
            execute(ds, List.of("CREATE TABLE dbo." + TABLE + " (id INT NOT NULL CONSTRAINT pk_" + TABLE
                    + " PRIMARY KEY CLUSTERED, note VARCHAR(MAX) NULL)",
                    "INSERT INTO dbo." + TABLE + " (id, note) VALUES (1, 'first'), (2, REPLICATE('x', 9000))"));
            List<String> before = rows(ds);
            TableFilter probe = new TableFilter(TABLE, TABLE::equals);
            SchemaModel live = SchemaReader.live(ds, probe, List.of()).read();
            TableModel t = live.table(TABLE).orElseThrow();
            List<ColumnModel> columns = new ArrayList<>(t.columns());
            columns.replaceAll(c -> c.name().equals("note") ? new ColumnModel("note",
                    ColumnType.of(TypeFamily.NVARCHAR, Length.MAX, null, null), false, false) : c);
            SchemaModel wanted = new SchemaModel("wanted", List.of(new TableModel(TABLE, columns, t.primaryKey(),
                    t.uniqueKeys(), t.foreignKeys(), t.indexes(), t.checks(), t.defaults())));

            DdlScript script = DdlRenderer.render(live, wanted, DdlRenderer.Options.script(TsqlTarget.SQL_SERVER));
            assertEquals(List.of("ALTER TABLE dbo." + TABLE + " ALTER COLUMN note NVARCHAR(MAX) NOT NULL"),
                    script.statements().stream().map(DdlStatement::sql).toList(), script.body());
            execute(ds, List.of(script.body().replaceAll("(?m)^GO$", "")));

            assertEquals(before, rows(ds));
            ColumnModel note = SchemaReader.live(ds, probe, List.of()).read().table(TABLE).orElseThrow()
                    .column("note").orElseThrow();
            assertEquals("NVARCHAR(MAX)", note.type().sql());
            assertTrue(Boolean.FALSE.equals(note.nullable()));
        }
    }

    private static void execute(DataSource ds, List<String> sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static List<String> rows(DataSource ds) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, note FROM dbo." + TABLE + " ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return out;
    }
}
