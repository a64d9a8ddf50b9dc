package io.fcn.persistence.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.ForeignKeyModel;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;

/**
 * A picture of a {@link SchemaModel} for reviewers and DBAs: a Mermaid {@code erDiagram} (which code hosts render)
 * and a Markdown table reference. A property the model does not know (null) is left out, never guessed.
 */
public final class SchemaPicture {

    private SchemaPicture() {
    }

    /**
     * {@code erDiagram} with one entity per table: each column as {@code TYPE name [PK, FK, UK] "NOT NULL"}, and one
     * relationship per foreign key, labelled with its name. Mermaid allows no comma or space in an attribute
     * type, so {@code DECIMAL(18,4)} is written {@code DECIMAL_18_4} there (the reference has the exact type).
     * @param model the schema to draw
     * @return the diagram's Mermaid source
     */
    public static String mermaid(SchemaModel model) {
        StringBuilder out = new StringBuilder("erDiagram\n");
        for (TableModel t : model.tables()) {
            for (ForeignKeyModel fk : t.foreignKeys()) {
                out.append("    ").append(fk.referencedTable()).append(' ').append(parentEnd(t, fk)).append("--")
                        .append(childEnd(t, fk)).append(' ').append(t.name()).append(" : \"").append(fk.name())
                        .append("\"\n");
            }
        }
        for (TableModel t : model.tables()) {
            out.append("    ").append(t.name()).append(" {\n");
            for (ColumnModel c : t.columns()) {
                out.append("        ").append(mermaidType(c)).append(' ').append(c.name());
                List<String> keys = keys(t, c.name());
                if (!keys.isEmpty()) {
                    out.append(' ').append(String.join(", ", keys));
                }
                String note = nullability(c);
                if (!note.isEmpty()) {
                    out.append(" \"").append(note).append('"');
                }
                out.append('\n');
            }
            out.append("    }\n");
        }
        return out.toString();
    }

    /** Exactly one parent when every column of the key is NOT NULL, else zero or one. */
    private static String parentEnd(TableModel child, ForeignKeyModel fk) {
        boolean required = fk.columns().stream()
                .allMatch(name -> child.column(name).map(c -> Boolean.FALSE.equals(c.nullable())).orElse(false));
        return required ? "||" : "|o";
    }

    /** At most one child when the key's columns are the child's primary or a unique key, else many. */
    private static String childEnd(TableModel child, ForeignKeyModel fk) {
        Set<String> columns = new TreeSet<>(fk.columns());
        boolean unique = (child.primaryKey() != null && new TreeSet<>(child.primaryKey().columns()).equals(columns))
                || child.uniqueKeys().stream().anyMatch(k -> new TreeSet<>(k.columns()).equals(columns));
        return unique ? "o|" : "o{";
    }

    private static String mermaidType(ColumnModel c) {
        return c.type().sql().replace("(N)", "N_").replace("(", "_").replace(")", "").replace(",", "_");
    }

    private static List<String> keys(TableModel t, String column) {
        List<String> keys = new ArrayList<>();
        if (t.primaryKey() != null && t.primaryKey().columns().contains(column)) {
            keys.add("PK");
        }
        if (t.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column))) {
            keys.add("FK");
        }
        if (t.uniqueKeys().stream().anyMatch(k -> k.columns().contains(column))) {
            keys.add("UK");
        }
        return keys;
    }

    private static String nullability(ColumnModel c) {
        String n = c.nullable() == null ? "" : c.nullable() ? "NULL" : "NOT NULL";
        return Boolean.TRUE.equals(c.identity()) ? (n + " IDENTITY").strip() : n;
    }

    /**
     * One section per table: its columns (type, nullability, default, keys), then its primary, unique and foreign
     * keys, indexes and checks.
     * @param model the schema to describe
     * @return the reference as Markdown
     */
    public static String markdown(SchemaModel model) {
        StringBuilder out = new StringBuilder();
        for (TableModel t : model.tables()) {
            out.append("### `").append(t.name()).append("`\n\n");
            out.append("| Column | Type | Null | Default | Keys |\n");
            out.append("|---|---|---|---|---|\n");
            for (ColumnModel c : t.columns()) {
                String def = t.defaultOf(c.name()).map(DefaultModel::expression).map(SchemaPicture::code).orElse("");
                out.append("| `").append(c.name()).append("` | `").append(c.type().sql()).append("` | ")
                        .append(nullability(c)).append(" | ").append(def).append(" | ")
                        .append(String.join(", ", keys(t, c.name()))).append(" |\n");
            }
            out.append('\n');
            if (t.primaryKey() != null) {
                out.append("- Primary key ").append(key(t.primaryKey())).append('\n');
            }
            for (KeyModel k : t.uniqueKeys()) {
                out.append("- Unique ").append(key(k)).append('\n');
            }
            for (ForeignKeyModel fk : t.foreignKeys()) {
                out.append("- Foreign key `").append(fk.name()).append("` (").append(String.join(", ", fk.columns()))
                        .append(") → `").append(fk.referencedTable()).append("` (")
                        .append(String.join(", ", fk.referencedColumns())).append(")\n");
            }
            for (IndexModel i : t.indexes()) {
                out.append("- Index `").append(i.name()).append("` ").append(i.describe()).append('\n');
            }
            if (t.checks() != null) {
                for (CheckModel c : t.checks()) {
                    out.append("- Check `").append(c.name()).append('`')
                            .append(c.expression() == null ? "" : ": " + code(c.expression())).append('\n');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String key(KeyModel k) {
        return "`" + k.name() + "` (" + String.join(", ", k.columns()) + ")";
    }

    private static String code(String s) {
        return "`" + s.replace("|", "\\|").replace("`", "'") + "`";
    }

    /**
     * The page {@code docs/schema.md} holds: the diagram and the reference of the expected schema of
     * {@code version}, with how to regenerate it.
     * @param model the expected schema of {@code version}
     * @param version the migration version it belongs to
     * @return the whole page
     */
    public static String document(SchemaModel model, String version) {
        return "# Schema\n\n"
                + "<!-- Generated from the expected schema of migration " + version + " by "
                + SchemaPicture.class.getName() + "; do not edit.\n"
                + "     Regenerate: ./mvnw -B -o test -Dtest=SchemaDocsTest -Dfcn.updateDocs=true -->\n\n"
                + "The library's tables after migration `" + version + "`, as the build derives them from "
                + "`db/migration` (the jar's expected schema of that version). Columns are listed by name; keys: "
                + "PK primary, FK foreign, UK unique. Defaults are shown as the build's interpretation normalizes them, "
                + "CHECK predicates as the migration files word them (lower case, single spaces).\n\n"
                + "## Diagram\n\n```mermaid\n" + mermaid(model) + "```\n\n"
                + "## Tables\n\n" + markdown(model).stripTrailing() + "\n";
    }
}
