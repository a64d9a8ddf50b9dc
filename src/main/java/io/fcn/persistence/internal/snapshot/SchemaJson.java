package io.fcn.persistence.internal.snapshot;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import io.fcn.persistence.internal.format.Json;
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
 * A {@link SchemaModel} as JSON, for the per-version snapshots shipped in the jar. Keys are written in a fixed
 * order and lists in the model's (sorted) order, so the same schema gives byte-identical files. A property that is
 * not known is written as null and read back as null ("not checkable").
 */
public final class SchemaJson {

    private SchemaJson() {
    }

    public static String write(SchemaModel model) {
        ObjectNode root = Json.object();
        root.put("source", model.source());
        ArrayNode tables = root.putArray("tables");
        model.tables().forEach(t -> table(tables.addObject(), t));
        return Json.write(root);
    }

    private static void table(ObjectNode o, TableModel t) {
        o.put("name", t.name());
        ArrayNode columns = o.putArray("columns");
        for (ColumnModel c : t.columns()) {
            ColumnType type = c.type();
            columns.addObject()
                    .put("name", c.name())
                    .put("family", type.family().name())
                    .put("nationalKnown", type.nationalKnown())
                    .put("length", type.length() == null ? null : type.length().toString())
                    .put("precision", type.precision())
                    .put("scale", type.scale())
                    .put("otherName", type.otherName())
                    .put("nullable", c.nullable())
                    .put("identity", c.identity());
        }
        if (t.primaryKey() == null) {
            o.putNull("primaryKey");
        } else {
            key(o.putObject("primaryKey"), t.primaryKey());
        }
        ArrayNode uniqueKeys = o.putArray("uniqueKeys");
        t.uniqueKeys().forEach(k -> key(uniqueKeys.addObject(), k));
        ArrayNode foreignKeys = o.putArray("foreignKeys");
        for (ForeignKeyModel fk : t.foreignKeys()) {
            ObjectNode f = foreignKeys.addObject().put("name", fk.name());
            strings(f, "columns", fk.columns());
            f.put("referencedTable", fk.referencedTable());
            strings(f, "referencedColumns", fk.referencedColumns());
        }
        ArrayNode indexes = o.putArray("indexes");
        for (IndexModel i : t.indexes()) {
            ObjectNode x = indexes.addObject().put("name", i.name());
            strings(x, "columns", i.columns());
            x.put("unique", i.unique());
            strings(x, "includedColumns", i.includedColumns());
            x.put("filterKnown", i.filter() != null);
            x.put("filter", i.filter() == null ? null : i.filter().orElse(null));
        }
        if (t.checks() == null) {
            o.putNull("checks");
        } else {
            ArrayNode checks = o.putArray("checks");
            t.checks().forEach(c -> checks.addObject().put("name", c.name()).put("expression", c.expression()));
        }
        if (t.defaults() == null) {
            o.putNull("defaults");
        } else {
            ArrayNode defaults = o.putArray("defaults");
            t.defaults().forEach(d -> defaults.addObject().put("column", d.column()).put("name", d.name())
                    .put("expression", d.expression()));
        }
    }

    private static void key(ObjectNode o, KeyModel k) {
        o.put("name", k.name());
        strings(o, "columns", k.columns());
    }

    private static void strings(ObjectNode o, String name, List<String> values) {
        if (values == null) {
            o.putNull(name);
        } else {
            values.forEach(o.putArray(name)::add);
        }
    }

    // Reading: what write wrote; a JSON null is read back as null ("not known").

    public static SchemaModel read(String json) {
        JsonNode root = Json.read(json);
        return new SchemaModel(string(root, "source"), list(root, "tables").stream().map(SchemaJson::table).toList());
    }

    private static TableModel table(JsonNode t) {
        List<ColumnModel> columns = list(t, "columns").stream().map(c -> {
            String length = string(c, "length");
            ColumnType type = new ColumnType(TypeFamily.valueOf(string(c, "family")), bool(c, "nationalKnown"),
                    length == null ? null : length.equals("MAX") ? Length.MAX : Length.of(Integer.parseInt(length)),
                    integer(c, "precision"), integer(c, "scale"), string(c, "otherName"));
            return new ColumnModel(string(c, "name"), type, bool(c, "nullable"), bool(c, "identity"));
        }).toList();
        JsonNode pk = t.get("primaryKey");
        List<ForeignKeyModel> fks = list(t, "foreignKeys").stream()
                .map(f -> new ForeignKeyModel(string(f, "name"), strings(f, "columns"), string(f, "referencedTable"),
                        strings(f, "referencedColumns")))
                .toList();
        List<IndexModel> indexes = list(t, "indexes").stream().map(i -> {
            Optional<String> filter = Boolean.TRUE.equals(bool(i, "filterKnown"))
                    ? Optional.ofNullable(string(i, "filter")) : null;
            return new IndexModel(string(i, "name"), strings(i, "columns"), bool(i, "unique"),
                    strings(i, "includedColumns"), filter);
        }).toList();
        List<CheckModel> checks = list(t, "checks") == null ? null : list(t, "checks").stream()
                .map(c -> new CheckModel(string(c, "name"), string(c, "expression"))).toList();
        List<DefaultModel> defaults = list(t, "defaults") == null ? null : list(t, "defaults").stream()
                .map(d -> new DefaultModel(string(d, "column"), string(d, "name"), string(d, "expression")))
                .toList();
        return new TableModel(string(t, "name"), columns, absent(pk) ? null : key(pk),
                list(t, "uniqueKeys").stream().map(SchemaJson::key).toList(), fks, indexes, checks, defaults);
    }

    private static KeyModel key(JsonNode k) {
        return new KeyModel(string(k, "name"), strings(k, "columns"));
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull();
    }

    private static List<JsonNode> list(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return absent(n) ? null : List.copyOf(n.values());
    }

    private static List<String> strings(JsonNode o, String name) {
        List<JsonNode> values = list(o, name);
        return values == null ? null : values.stream().map(JsonNode::stringValue).toList();
    }

    private static String string(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return absent(n) ? null : n.stringValue();
    }

    private static Integer integer(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return absent(n) ? null : n.intValue();
    }

    private static Boolean bool(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return absent(n) ? null : n.booleanValue();
    }
}
