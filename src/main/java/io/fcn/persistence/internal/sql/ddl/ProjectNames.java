package io.fcn.persistence.internal.sql.ddl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ForeignKeyModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;

/**
 * The project's names (DEVELOPERS.md: {@code pk_}, {@code uq_}, {@code fk_}, {@code ck_}, {@code df_}) for the
 * constraints an engine named itself, so a system name is never reproduced in a migration.
 */
public final class ProjectNames {

    /**
     * SQL Server ({@code PK__fcn_trad__3213E83F…}), H2 ({@code constraint_8}, {@code constraint_index_2}) and
     * Babelfish/PostgreSQL ({@code fcn_trade_pkey}, {@code …_key}, {@code …_fkey}, {@code …_check}).
     */
    private static final Pattern SYSTEM = Pattern.compile(
            "(?:pk|uq|fk|ck|df)__.+__[0-9a-f]{8,}|constraint_[0-9a-f]+|constraint_index_[0-9a-f]+|.+_(?:pkey|key|fkey|check)");

    private static final Pattern PROJECT = Pattern.compile("(?:pk|uq|ux|ix|fk|ck|df)_.+");

    private ProjectNames() {
    }

    public static boolean isSystemName(String name) {
        return !PROJECT.matcher(name).matches() && SYSTEM.matcher(name).matches();
    }

    /** {@code model} with every system-named constraint named by the project's rule; defaults keep theirs. */
    public static SchemaModel apply(SchemaModel model) {
        List<TableModel> tables = new ArrayList<>();
        for (TableModel t : model.tables()) {
            Set<String> used = new HashSet<>();
            KeyModel pk = t.primaryKey() == null ? null : isSystemName(t.primaryKey().name())
                    ? new KeyModel("pk_" + t.name(), t.primaryKey().columns()) : t.primaryKey();
            List<KeyModel> uniques = t.uniqueKeys().stream().map(k -> isSystemName(k.name())
                    ? new KeyModel(unique(used, "uq_" + t.name() + "_" + String.join("_", k.columns())), k.columns())
                    : k).toList();
            List<ForeignKeyModel> fks = t.foreignKeys().stream().map(f -> isSystemName(f.name())
                    ? new ForeignKeyModel(unique(used, "fk_" + t.name() + "_" + (f.referencedTable().equals(t.name())
                            ? String.join("_", f.columns()) : f.referencedTable().replaceFirst("^fcn_", ""))),
                            f.columns(), f.referencedTable(), f.referencedColumns())
                    : f).toList();
            List<CheckModel> checks = t.checks() == null ? null : new ArrayList<>();
            if (checks != null) {
                int n = 1;
                for (CheckModel c : t.checks()) {
                    checks.add(isSystemName(c.name()) ? new CheckModel(unique(used, "ck_" + t.name() + "_" + n++),
                            c.expression()) : c);
                }
            }
            tables.add(new TableModel(t.name(), t.columns(), pk, uniques, fks, t.indexes(), checks,
                    t.defaults() == null ? null : t.defaults().stream()
                            .map(d -> d.name() != null && isSystemName(d.name())
                                    ? new io.fcn.persistence.schema.model.DefaultModel(d.column(),
                                            "df_" + t.name() + "_" + d.column(), d.expression())
                                    : d)
                            .toList()));
        }
        return new SchemaModel(model.source(), tables);
    }

    private static String unique(Set<String> used, String name) {
        String candidate = name;
        int n = 2;
        while (!used.add(candidate)) {
            candidate = name + "_" + n++;
        }
        return candidate;
    }
}
