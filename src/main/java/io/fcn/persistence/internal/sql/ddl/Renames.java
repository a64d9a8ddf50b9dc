package io.fcn.persistence.internal.sql.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.ForeignKeyModel;
import io.fcn.persistence.schema.model.Identifiers;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;

/**
 * Renames the renderer writes as {@code sp_rename} instead of drop and add: tables ({@code old → new}), columns and
 * indexes ({@code table → old → new}, the table by its name before any table rename). Names lower case.
 */
public record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns,
        Map<String, Map<String, String>> indexes) {

    public static final Renames NONE = new Renames(Map.of(), Map.of(), Map.of());

    public Renames {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
        indexes = Map.copyOf(indexes);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty() && indexes.isEmpty();
    }

    /** The same renames the other way round (for a rollback). */
    public Renames inverse() {
        Map<String, String> t = new LinkedHashMap<>();
        tables.forEach((o, n) -> t.put(n, o));
        return new Renames(t, invert(columns), invert(indexes));
    }

    /** Per-table maps are keyed by the table's name before the renames, so their inverse by the name after. */
    private Map<String, Map<String, String>> invert(Map<String, Map<String, String>> byTable) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        byTable.forEach((table, names) -> {
            Map<String, String> inv = new LinkedHashMap<>();
            names.forEach((o, n) -> inv.put(n, o));
            out.put(tables.getOrDefault(table, table), inv);
        });
        return out;
    }

    /** {@code model} with the renames applied: what it looks like once the {@code sp_rename}s ran. */
    public SchemaModel apply(SchemaModel model) {
        if (isEmpty()) {
            return model;
        }
        List<TableModel> out = new ArrayList<>();
        for (TableModel t : model.tables()) {
            Map<String, String> cols = columns.getOrDefault(t.name(), Map.of());
            Map<String, String> idx = indexes.getOrDefault(t.name(), Map.of());
            out.add(new TableModel(table(t.name()),
                    t.columns().stream().map(c -> new ColumnModel(col(cols, c.name()), c.type(), c.nullable(),
                            c.identity())).toList(),
                    t.primaryKey() == null ? null : key(t.primaryKey(), cols),
                    t.uniqueKeys().stream().map(k -> key(k, cols)).toList(),
                    t.foreignKeys().stream().map(f -> new ForeignKeyModel(f.name(), cols(cols, f.columns()),
                            table(f.referencedTable()),
                            cols(columns.getOrDefault(f.referencedTable(), Map.of()), f.referencedColumns())))
                            .toList(),
                    t.indexes().stream().map(i -> new IndexModel(idx.getOrDefault(i.name(), i.name()),
                            cols(cols, i.columns()), i.unique(),
                            i.includedColumns() == null ? null : cols(cols, i.includedColumns()), i.filter()))
                            .toList(),
                    t.checks() == null ? null
                            : t.checks().stream().map(c -> new CheckModel(c.name(), renamed(c.expression(), cols)))
                                    .toList(),
                    t.defaults() == null ? null : t.defaults().stream()
                            .map(d -> new DefaultModel(col(cols, d.column()), d.name(), d.expression())).toList()));
        }
        return new SchemaModel(model.source(), out);
    }

    /** A predicate's column names as renamed (names outside string literals). */
    private static String renamed(String expression, Map<String, String> cols) {
        if (expression == null || cols.isEmpty()) {
            return expression;
        }
        StringBuilder out = new StringBuilder();
        String[] parts = expression.split("(?=')|(?<=')");
        boolean literal = false;
        for (String part : parts) {
            if (part.equals("'")) {
                literal = !literal;
                out.append(part);
                continue;
            }
            String text = part;
            if (!literal) {
                for (Map.Entry<String, String> e : cols.entrySet()) {
                    text = text.replaceAll("(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(e.getKey())
                            + "(?![A-Za-z0-9_])", java.util.regex.Matcher.quoteReplacement(e.getValue()));
                }
            }
            out.append(text);
        }
        return out.toString();
    }

    private String table(String name) {
        return tables.getOrDefault(name, name);
    }

    private static String col(Map<String, String> cols, String name) {
        return cols.getOrDefault(name, name);
    }

    private static List<String> cols(Map<String, String> cols, List<String> names) {
        return names.stream().map(n -> col(cols, n)).toList();
    }

    private static KeyModel key(KeyModel k, Map<String, String> cols) {
        return new KeyModel(k.name(), cols(cols, k.columns()));
    }

    /** Parses hints {@code table.old=new} (a column or index of the table) and {@code old=new} (a table). */
    public static Renames parse(List<String> hints, SchemaModel from) {
        Map<String, String> t = new LinkedHashMap<>();
        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        Map<String, Map<String, String>> i = new LinkedHashMap<>();
        for (String hint : hints) {
            int eq = hint.indexOf('=');
            if (eq <= 0 || eq == hint.length() - 1) {
                throw new IllegalArgumentException("rename hint '" + hint + "': expected table.old=new or old=new");
            }
            String left = Identifiers.normalize(hint.substring(0, eq).strip());
            String right = Identifiers.normalize(hint.substring(eq + 1).strip());
            int dot = left.indexOf('.');
            if (dot < 0) {
                if (from.table(left).isEmpty()) {
                    throw new IllegalArgumentException("rename hint '" + hint + "': no table " + left);
                }
                t.put(left, right);
                continue;
            }
            String table = left.substring(0, dot);
            String old = left.substring(dot + 1);
            TableModel tm = from.table(table).orElseThrow(() -> new IllegalArgumentException(
                    "rename hint '" + hint + "': no table " + table));
            if (tm.column(old).isPresent()) {
                c.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(old, right);
            } else if (tm.index(old).isPresent()) {
                i.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(old, right);
            } else {
                throw new IllegalArgumentException("rename hint '" + hint + "': table " + table
                        + " has no column or index " + old);
            }
        }
        return new Renames(t, c, i);
    }
}
