package io.fcn.persistence.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.schema.ExpectedSchemas;
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

/** The ER diagram and the table reference of a model. */
class SchemaPictureTest {

    private static final ColumnType INT = ColumnType.of(TypeFamily.INT);
    private static final ColumnType CODE = ColumnType.of(TypeFamily.VARCHAR, Length.of(100), null, null);

    /** A parent, a child with a required key, a 1:1 extension, and a column whose nullability is not known. */
    private static SchemaModel model() {
        TableModel parent = new TableModel("fcn_parent", List.of(new ColumnModel("id", INT, false, true),
                new ColumnModel("code", CODE, false, false),
                new ColumnModel("amount", ColumnType.of(TypeFamily.DECIMAL, null, 18, 4), null, false)),
                new KeyModel("pk_fcn_parent", List.of("id")), List.of(new KeyModel("uq_fcn_parent_code",
                        List.of("code"))), List.of(), List.of(), List.of(), List.of());
        TableModel child = new TableModel("fcn_child", List.of(new ColumnModel("id", INT, false, true),
                new ColumnModel("parent_code", CODE, false, false),
                new ColumnModel("note", ColumnType.of(TypeFamily.NVARCHAR, Length.MAX, null, null), true, false)),
                new KeyModel("pk_fcn_child", List.of("id")), List.of(),
                List.of(new ForeignKeyModel("fk_fcn_child_parent", List.of("parent_code"), "fcn_parent",
                        List.of("code"))),
                List.of(new IndexModel("ix_fcn_child_parent_code", List.of("parent_code"), false, List.of("note"),
                        Optional.empty())),
                List.of(new CheckModel("ck_fcn_child_note", "note <> ''")),
                List.of(new DefaultModel("note", "df_fcn_child_note", "'-'")));
        TableModel extension = new TableModel("fcn_extra", List.of(new ColumnModel("id", INT, false, false),
                new ColumnModel("parent_id", INT, true, false)), new KeyModel("pk_fcn_extra", List.of("id")),
                List.of(new KeyModel("uq_fcn_extra_parent_id", List.of("parent_id"))),
                List.of(new ForeignKeyModel("fk_fcn_extra_parent", List.of("parent_id"), "fcn_parent",
                        List.of("id"))), List.of(), null, null);
        return new SchemaModel("hand-built", List.of(parent, child, extension));
    }

    @Test
    void mermaidHasEntitiesKeysAndOneRelationshipPerForeignKey() {
        assertEquals("""
                erDiagram
                    fcn_parent ||--o{ fcn_child : "fk_fcn_child_parent"
                    fcn_parent |o--o| fcn_extra : "fk_fcn_extra_parent"
                    fcn_child {
                        INT id PK "NOT NULL IDENTITY"
                        NVARCHAR_MAX note "NULL"
                        VARCHAR_100 parent_code FK "NOT NULL"
                    }
                    fcn_extra {
                        INT id PK "NOT NULL"
                        INT parent_id FK, UK "NULL"
                    }
                    fcn_parent {
                        DECIMAL_18_4 amount
                        VARCHAR_100 code UK "NOT NULL"
                        INT id PK "NOT NULL IDENTITY"
                    }
                """, SchemaPicture.mermaid(model()));
    }

    @Test
    void markdownReferenceListsColumnsAndEveryConstraint() {
        String md = SchemaPicture.markdown(model());

        assertTrue(md.contains("""
                ### `fcn_child`

                | Column | Type | Null | Default | Keys |
                |---|---|---|---|---|
                | `id` | `INT` | NOT NULL IDENTITY |  | PK |
                | `note` | `NVARCHAR(MAX)` | NULL | `'-'` |  |
                | `parent_code` | `VARCHAR(100)` | NOT NULL |  | FK |

                - Primary key `pk_fcn_child` (id)
                - Foreign key `fk_fcn_child_parent` (parent_code) → `fcn_parent` (code)
                - Index `ix_fcn_child_parent_code` (parent_code) INCLUDE (note)
                - Check `ck_fcn_child_note`: `note <> ''`
                """), md);
        assertTrue(md.contains("| `amount` | `DECIMAL(18,4)` |  |  |  |"), "an unknown nullability stays blank: " + md);
        assertTrue(md.contains("- Unique `uq_fcn_extra_parent_id` (parent_id)\n- Foreign key"), md);
    }

    @Test
    void theLatestVersionDrawsEveryTableAndForeignKey() {
        SchemaModel latest = ExpectedSchemas.latest();
        String mermaid = SchemaPicture.mermaid(latest);

        for (TableModel t : latest.tables()) {
            assertTrue(mermaid.contains("    " + t.name() + " {\n"), t.name());
            for (ForeignKeyModel fk : t.foreignKeys()) {
                assertTrue(mermaid.contains(" " + t.name() + " : \"" + fk.name() + "\"\n"), fk.name());
            }
        }
        assertTrue(mermaid.contains("fcn_template ||--o{ fcn_trade : \"fk_fcn_trade_template\""), mermaid);
    }
}
