package io.fcn.persistence.internal.snapshot;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
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

    private static final JsonFactory JSON = new JsonFactory();

    private SchemaJson() {
    }

    public static String write(SchemaModel model) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)
                .configure(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET, true)) {
            g.writeStartObject();
            g.writeStringProperty("source", model.source());
            g.writeArrayPropertyStart("tables");
            for (TableModel t : model.tables()) {
                table(g, t);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void table(JsonGenerator g, TableModel t) {
        g.writeStartObject();
        g.writeStringProperty("name", t.name());
        g.writeArrayPropertyStart("columns");
        for (ColumnModel c : t.columns()) {
            g.writeStartObject();
            g.writeStringProperty("name", c.name());
            ColumnType type = c.type();
            g.writeStringProperty("family", type.family().name());
            g.writeBooleanProperty("nationalKnown", type.nationalKnown());
            g.writeStringProperty("length", type.length() == null ? null : type.length().toString());
            number(g, "precision", type.precision());
            number(g, "scale", type.scale());
            g.writeStringProperty("otherName", type.otherName());
            bool(g, "nullable", c.nullable());
            bool(g, "identity", c.identity());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeName("primaryKey");
        if (t.primaryKey() == null) {
            g.writeNull();
        } else {
            key(g, t.primaryKey());
        }
        g.writeArrayPropertyStart("uniqueKeys");
        t.uniqueKeys().forEach(k -> key(g, k));
        g.writeEndArray();
        g.writeArrayPropertyStart("foreignKeys");
        for (ForeignKeyModel fk : t.foreignKeys()) {
            g.writeStartObject();
            g.writeStringProperty("name", fk.name());
            strings(g, "columns", fk.columns());
            g.writeStringProperty("referencedTable", fk.referencedTable());
            strings(g, "referencedColumns", fk.referencedColumns());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("indexes");
        for (IndexModel i : t.indexes()) {
            g.writeStartObject();
            g.writeStringProperty("name", i.name());
            strings(g, "columns", i.columns());
            bool(g, "unique", i.unique());
            strings(g, "includedColumns", i.includedColumns());
            g.writeBooleanProperty("filterKnown", i.filter() != null);
            g.writeStringProperty("filter", i.filter() == null ? null : i.filter().orElse(null));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeName("checks");
        if (t.checks() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (CheckModel c : t.checks()) {
                g.writeStartObject();
                g.writeStringProperty("name", c.name());
                g.writeStringProperty("expression", c.expression());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeName("defaults");
        if (t.defaults() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (DefaultModel d : t.defaults()) {
                g.writeStartObject();
                g.writeStringProperty("column", d.column());
                g.writeStringProperty("name", d.name());
                g.writeStringProperty("expression", d.expression());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void key(JsonGenerator g, KeyModel k) {
        g.writeStartObject();
        g.writeStringProperty("name", k.name());
        strings(g, "columns", k.columns());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String name, Integer value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }

    private static void bool(JsonGenerator g, String name, Boolean value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeBooleanProperty(name, value);
        }
    }

    // Reading: a tiny tree (Map, List, String, Integer, Boolean, null), then the records.

    public static SchemaModel read(String json) {
        Map<String, Object> root;
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
            p.nextToken();
            root = object(value(p));
        }
        return new SchemaModel(string(root, "source"), list(root, "tables").stream()
                .map(t -> table(object(t))).toList());
    }

    private static Object value(JsonParser p) {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_NUMBER_INT -> {
                return p.getIntValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("Unexpected JSON token " + token);
        }
    }

    private static TableModel table(Map<String, Object> t) {
        List<ColumnModel> columns = list(t, "columns").stream().map(o -> {
            Map<String, Object> c = object(o);
            String length = string(c, "length");
            ColumnType type = new ColumnType(TypeFamily.valueOf(string(c, "family")),
                    (Boolean) c.get("nationalKnown"),
                    length == null ? null : length.equals("MAX") ? Length.MAX : Length.of(Integer.parseInt(length)),
                    (Integer) c.get("precision"), (Integer) c.get("scale"), string(c, "otherName"));
            return new ColumnModel(string(c, "name"), type, (Boolean) c.get("nullable"),
                    (Boolean) c.get("identity"));
        }).toList();
        Object pk = t.get("primaryKey");
        List<ForeignKeyModel> fks = list(t, "foreignKeys").stream().map(o -> {
            Map<String, Object> f = object(o);
            return new ForeignKeyModel(string(f, "name"), strings(f, "columns"), string(f, "referencedTable"),
                    strings(f, "referencedColumns"));
        }).toList();
        List<IndexModel> indexes = list(t, "indexes").stream().map(o -> {
            Map<String, Object> i = object(o);
            Optional<String> filter = Boolean.TRUE.equals(i.get("filterKnown"))
                    ? Optional.ofNullable(string(i, "filter")) : null;
            return new IndexModel(string(i, "name"), strings(i, "columns"), (Boolean) i.get("unique"),
                    strings(i, "includedColumns"), filter);
        }).toList();
        List<CheckModel> checks = t.get("checks") == null ? null : list(t, "checks").stream().map(o -> {
            Map<String, Object> c = object(o);
            return new CheckModel(string(c, "name"), string(c, "expression"));
        }).toList();
        List<DefaultModel> defaults = t.get("defaults") == null ? null : list(t, "defaults").stream().map(o -> {
            Map<String, Object> d = object(o);
            return new DefaultModel(string(d, "column"), string(d, "name"), string(d, "expression"));
        }).toList();
        return new TableModel(string(t, "name"), columns, pk == null ? null : key(object(pk)),
                list(t, "uniqueKeys").stream().map(o -> key(object(o))).toList(), fks, indexes, checks, defaults);
    }

    private static KeyModel key(Map<String, Object> k) {
        return new KeyModel(string(k, "name"), strings(k, "columns"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String name) {
        return (List<Object>) m.get(name);
    }

    private static List<String> strings(Map<String, Object> m, String name) {
        List<Object> values = list(m, name);
        return values == null ? null : values.stream().map(String.class::cast).toList();
    }

    private static String string(Map<String, Object> m, String name) {
        return (String) m.get(name);
    }
}
