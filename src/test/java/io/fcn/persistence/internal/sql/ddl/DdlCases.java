package io.fcn.persistence.internal.sql.ddl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fcn.persistence.internal.scripts.MigrationScripts.Script;
import io.fcn.persistence.internal.snapshot.MigrationInterpreter;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;

/**
 * Each kind of change as a base schema and a hand-written change script: the renderer's input is the base model and
 * the model after the change (both derived by the build's interpretation), its output is compared to golden SQL and
 * applied for real.
 */
final class DdlCases {

    static final String BASE = """
            CREATE TABLE dbo.fcn_a (
                id      INT IDENTITY(1,1) NOT NULL,
                code    VARCHAR(20)       NOT NULL,
                label   NVARCHAR(100)     NULL,
                amount  DECIMAL(18,4)     NOT NULL CONSTRAINT df_fcn_a_amount DEFAULT 0,
                CONSTRAINT pk_fcn_a PRIMARY KEY CLUSTERED (id),
                CONSTRAINT uq_fcn_a_code UNIQUE (code),
                CONSTRAINT ck_fcn_a_amount CHECK (amount >= 0)
            );
            CREATE INDEX ix_fcn_a_label ON dbo.fcn_a (label);
            CREATE TABLE dbo.fcn_b (
                id      INT IDENTITY(1,1) NOT NULL,
                a_code  VARCHAR(20)       NOT NULL,
                note    VARCHAR(50)       NULL,
                CONSTRAINT pk_fcn_b PRIMARY KEY CLUSTERED (id),
                CONSTRAINT fk_fcn_b_a FOREIGN KEY (a_code) REFERENCES dbo.fcn_a (code)
            );
            """;

    /** Rows in both tables, which every change keeps (a dropped column's values aside). */
    static final List<String> ROWS = List.of(
            "INSERT INTO dbo.fcn_a (code, label, amount) VALUES ('A1', N'first', 1.5)",
            "INSERT INTO dbo.fcn_a (code, label, amount) VALUES ('A2', N'second', 2)",
            "INSERT INTO dbo.fcn_b (a_code, note) VALUES ('A1', 'one')");

    record Case(String change, Renames renames) {
    }

    static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        add("table added with a foreign key and an index", """
                CREATE TABLE dbo.fcn_c (
                    id      INT IDENTITY(1,1) NOT NULL,
                    a_code  VARCHAR(20)       NOT NULL,
                    placed  DATETIMEOFFSET(7) NOT NULL CONSTRAINT df_fcn_c_placed DEFAULT SYSDATETIMEOFFSET(),
                    CONSTRAINT pk_fcn_c PRIMARY KEY CLUSTERED (id),
                    CONSTRAINT ck_fcn_c_a_code CHECK (a_code <> 'none')
                );
                CREATE INDEX ix_fcn_c_a_code_id ON dbo.fcn_c (a_code, id);
                ALTER TABLE dbo.fcn_c ADD CONSTRAINT fk_fcn_c_a FOREIGN KEY (a_code) REFERENCES dbo.fcn_a (code);
                """);
        add("table dropped", "DROP TABLE dbo.fcn_b;");
        add("columns added", """
                ALTER TABLE dbo.fcn_a ADD remark NVARCHAR(200) NULL;
                ALTER TABLE dbo.fcn_a ADD version INT NOT NULL CONSTRAINT df_fcn_a_version DEFAULT 0;
                GO
                ALTER TABLE dbo.fcn_a ADD CONSTRAINT ck_fcn_a_version CHECK (version >= 0);
                """);
        add("column dropped", "ALTER TABLE dbo.fcn_b DROP COLUMN note;");
        add("column length and nullability changed", """
                ALTER TABLE dbo.fcn_a ALTER COLUMN label NVARCHAR(200) NULL;
                ALTER TABLE dbo.fcn_b ALTER COLUMN note VARCHAR(50) NOT NULL;
                """);
        add("column under keys and a foreign key changed", """
                ALTER TABLE dbo.fcn_b DROP CONSTRAINT fk_fcn_b_a;
                ALTER TABLE dbo.fcn_a DROP CONSTRAINT uq_fcn_a_code;
                ALTER TABLE dbo.fcn_a ALTER COLUMN code VARCHAR(40) NOT NULL;
                ALTER TABLE dbo.fcn_a ADD CONSTRAINT uq_fcn_a_code UNIQUE (code);
                ALTER TABLE dbo.fcn_b ADD CONSTRAINT fk_fcn_b_a FOREIGN KEY (a_code) REFERENCES dbo.fcn_a (code);
                """);
        add("indexes added, dropped and changed", """
                DROP INDEX ix_fcn_a_label ON dbo.fcn_a;
                CREATE INDEX ix_fcn_a_label ON dbo.fcn_a (label, id);
                CREATE UNIQUE INDEX ux_fcn_b_note ON dbo.fcn_b (note) INCLUDE (a_code) WHERE note IS NOT NULL;
                CREATE INDEX ix_fcn_b_a_code ON dbo.fcn_b (a_code) INCLUDE (note);
                """);
        add("index dropped", "DROP INDEX ix_fcn_a_label ON dbo.fcn_a;");
        add("checks added, dropped and changed", """
                ALTER TABLE dbo.fcn_a DROP CONSTRAINT ck_fcn_a_amount;
                ALTER TABLE dbo.fcn_a ADD CONSTRAINT ck_fcn_a_amount CHECK (amount > 0);
                ALTER TABLE dbo.fcn_b ADD CONSTRAINT ck_fcn_b_note CHECK (note <> 'none');
                """);
        add("default dropped", """
                EXEC sp_rename 'dbo.fcn_a.amount', 'amount_swap', 'COLUMN';
                ALTER TABLE dbo.fcn_a DROP CONSTRAINT ck_fcn_a_amount;
                ALTER TABLE dbo.fcn_a ADD amount DECIMAL(18,4) NULL;
                GO
                UPDATE dbo.fcn_a SET amount = amount_swap;
                ALTER TABLE dbo.fcn_a DROP COLUMN amount_swap;
                ALTER TABLE dbo.fcn_a ADD CONSTRAINT ck_fcn_a_amount CHECK (amount >= 0);
                """);
        add("default added to an existing column", """
                EXEC sp_rename 'dbo.fcn_b.note', 'note_swap', 'COLUMN';
                ALTER TABLE dbo.fcn_b ADD note VARCHAR(50) NULL CONSTRAINT df_fcn_b_note DEFAULT 'none';
                GO
                UPDATE dbo.fcn_b SET note = note_swap;
                ALTER TABLE dbo.fcn_b DROP COLUMN note_swap;
                """);
        add("unique key added and dropped, foreign key dropped", """
                ALTER TABLE dbo.fcn_b DROP CONSTRAINT fk_fcn_b_a;
                ALTER TABLE dbo.fcn_b ADD CONSTRAINT uq_fcn_b_a_code_note UNIQUE (a_code, note);
                """);
        add("foreign key added to an existing table", """
                ALTER TABLE dbo.fcn_a ADD parent_code VARCHAR(20) NULL;
                GO
                ALTER TABLE dbo.fcn_a ADD CONSTRAINT fk_fcn_a_parent FOREIGN KEY (parent_code) REFERENCES dbo.fcn_a (code);
                """);
        // jOOQ's interpreter cannot rename an indexed column: the model after is the renames applied to the base.
        CASES.put("renames", new Case(null, new Renames(Map.of("fcn_b", "fcn_item"), Map.of("fcn_a", Map.of("label", "title")),
                Map.of("fcn_a", Map.of("ix_fcn_a_label", "ix_fcn_a_title")))));
    }

    private static void add(String name, String change) {
        CASES.put(name, new Case(change, Renames.NONE));
    }

    static SchemaModel base() {
        return MigrationInterpreter.expectedAt(List.of(script(1, BASE)), "20990101.0001");
    }

    static SchemaModel after(Case c) {
        return c.change() == null ? c.renames().apply(base()) : after(c.change());
    }

    static SchemaModel after(String change) {
        return MigrationInterpreter.expectedAt(List.of(script(1, BASE), script(2, change)), "20990101.0002");
    }

    static Script script(int n, String text) {
        return new Script("V20990101_000" + n + "__case.sql", "20990101.000" + n, "case", text);
    }

    /** Check predicates compare within one engine family only (as DriftCheck compares them). */
    static SchemaModel withoutCheckText(SchemaModel model) {
        return new SchemaModel(model.source(), model.tables().stream().map(t -> new TableModel(t.name(), t.columns(),
                t.primaryKey(), t.uniqueKeys(), t.foreignKeys(), t.indexes(),
                t.checks() == null ? null : t.checks().stream().map(c -> new CheckModel(c.name(), null)).toList(),
                t.defaults())).toList());
    }

    private DdlCases() {
    }
}
