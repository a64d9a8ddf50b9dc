package io.fcn.persistence.internal.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.Check;
import org.jooq.DDLQuery;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.conf.InterpreterNameLookupCaseSensitivity;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.catalog.TypeMapping;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.DefaultModel;
import io.fcn.persistence.schema.model.ForeignKeyModel;
import io.fcn.persistence.schema.model.Identifiers;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;

/**
 * The expected schema of a migration version, derived from the migration files alone: each file's T-SQL is parsed
 * by jOOQ's parser (DEFAULT dialect) and the DDL statements are applied, in version order, by jOOQ's DDL
 * interpreter ({@code DSLContext.meta(Query...)}), which keeps what the code generator loses: NVARCHAR vs VARCHAR,
 * defaults as expressions, CHECK conditions. The interpreter does not keep two things, which come from the files
 * directly: index {@code INCLUDE} columns and filters (from the last {@code CREATE INDEX} of that name), and the
 * names of inline DEFAULT constraints (a textual scan of {@code col <type> [NOT] NULL CONSTRAINT df_x DEFAULT};
 * a default whose name the scan does not find is left unnamed, i.e. not checkable). A CHECK's predicate is kept as
 * the file words it ({@code CONSTRAINT ck_x CHECK (…)}, the last of that name), since jOOQ renders some predicates
 * in forms that are not T-SQL ({@code ISJSON(x)} as {@code CASE (x IS JSON) …}) and a rollback re-adds it.
 * DML (data moves) is skipped.
 */
public final class MigrationInterpreter {

    private static final Settings SETTINGS = new Settings()
            .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
            .withParseIgnoreComments(true)
            .withInterpreterNameLookupCaseSensitivity(InterpreterNameLookupCaseSensitivity.NEVER)
            .withRenderFormatted(false);

    /** {@code col TYPE[(…)] [NOT] NULL CONSTRAINT name DEFAULT}: the column and its default's name. */
    private static final Pattern NAMED_DEFAULT = Pattern.compile(
            "(?i)\\b([\\w\\[\\]]+)\\s+\\w+(?:\\s*\\([^)]*\\))?(?:\\s+NOT)?(?:\\s+NULL)?\\s+CONSTRAINT\\s+([\\w\\[\\]]+)"
                    + "\\s+DEFAULT\\b");
    private static final Pattern NAMED_CHECK = Pattern.compile("(?i)\\bCONSTRAINT\\s+([\\w\\[\\]]+)\\s+CHECK\\s*\\(");
    private static final Pattern RENAME_COLUMN = Pattern.compile(
            "(?i)alter table (\\S+) rename column (\\S+) to (\\S+)");
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:CREATE|ALTER)\\s+TABLE\\s+([\\w.\\[\\]]+)");

    private MigrationInterpreter() {
    }

    /** A context with the parser and interpreter settings the snapshots use (for lint's statement-by-statement reading). */
    public static DSLContext context() {
        return DSL.using(SQLDialect.DEFAULT, SETTINGS);
    }

    /** The expected schema after every migration up to and including {@code version}. */
    public static SchemaModel expectedAt(List<MigrationScripts.Script> migrations, String version) {
        return interpret(upTo(migrations, version), "migrations up to " + version);
    }

    /**
     * The schema after every migration up to and including {@code version}, then {@code rollback}: for a rollback
     * that reverses its migration, the schema {@link #expectedAt} the version before (lint compares the two).
     * @param migrations the migrations, in version order
     * @param version the version the rollback undoes
     * @param rollback its rollback script
     * @return the interpretation
     */
    public static SchemaModel expectedAfterRollback(List<MigrationScripts.Script> migrations, String version,
            MigrationScripts.Script rollback) {
        List<MigrationScripts.Script> scripts = new ArrayList<>(upTo(migrations, version));
        scripts.add(rollback);
        return interpret(scripts, "migrations up to " + version + ", then " + rollback.filename());
    }

    private static List<MigrationScripts.Script> upTo(List<MigrationScripts.Script> migrations, String version) {
        List<MigrationScripts.Script> scripts = new ArrayList<>();
        for (MigrationScripts.Script script : migrations) {
            scripts.add(script);
            if (script.version().equals(version)) {
                return scripts;
            }
        }
        throw new IllegalArgumentException("No migration version " + version + " in this jar");
    }

    private static SchemaModel interpret(List<MigrationScripts.Script> scripts, String source) {
        Run run = new Run();
        for (MigrationScripts.Script script : scripts) {
            run.script(script);
        }
        return run.model(source);
    }

    /** The interpreter's DDL so far, and what jOOQ's interpreter does not keep: index definitions, names, texts. */
    private static final class Run {
        final DSLContext ctx = context();
        final List<Query> ddl = new ArrayList<>();
        final Map<String, QOM.CreateIndex> createdIndexes = new HashMap<>();
        final Map<String, String> defaultNames = new HashMap<>();
        final Map<String, String> checkTexts = new HashMap<>();

        void script(MigrationScripts.Script script) {
            scan(script);
            for (Query parsed : parse(script)) {
                statement(parsed);
            }
        }

        void scan(MigrationScripts.Script script) {
            scanDefaultNames(script.text(), defaultNames);
            scanCheckTexts(script.text(), checkTexts);
        }

        List<Query> parse(MigrationScripts.Script script) {
            return List.of(ctx.parser().parse(script.text()).queries());
        }

        void statement(Query parsed) {
            for (Query q : interpretable(ctx, parsed, createdIndexes)) {
                if (q instanceof QOM.CreateIndex index) {
                    createdIndexes.put(Identifiers.normalize(index.$index().getName()), index);
                }
                if (q instanceof QOM.DropIndex drop) {
                    createdIndexes.remove(Identifiers.normalize(drop.$index().getName()));
                }
                if (q instanceof DDLQuery) {
                    ddl.add(namedDefaultDropped(ctx, q, defaultNames));
                }
            }
        }

        SchemaModel model(String source) {
            Meta meta = ctx.meta(ddl.toArray(Query[]::new));
            return new SchemaModel(source, meta.getTables().stream()
                    .map(t -> table(ctx, t, createdIndexes, defaultNames, checkTexts)).toList());
        }
    }

    private static final Pattern DROP_CONSTRAINT = Pattern.compile(
            "(?is)\\s*alter\\s+table\\s+(\\S+)\\s+drop\\s+constraint\\s+(?:if\\s+exists\\s+)?(\\S+)\\s*");

    /**
     * jOOQ's interpreter keeps a column's default without the name T-SQL gives it, so {@code DROP CONSTRAINT
     * [IF EXISTS] df_x} finds nothing there: with IF EXISTS it leaves the default in place (SQL Server drops it),
     * without it fails. A drop naming a default the scripts named becomes {@code ALTER COLUMN c DROP DEFAULT}, what
     * the statement does on SQL Server (and what {@code EmbeddedTranslation} runs on H2).
     */
    private static Query namedDefaultDropped(DSLContext ctx, Query q, Map<String, String> defaultNames) {
        Matcher m = DROP_CONSTRAINT.matcher(ctx.render(q));
        if (!m.matches()) {
            return q;
        }
        String table = unqualified(m.group(1).replace("\"", ""));
        String constraint = bare(m.group(2).replace("\"", ""));
        for (Map.Entry<String, String> named : defaultNames.entrySet()) {
            if (named.getKey().startsWith(table + ".") && named.getValue().equals(constraint)) {
                defaultNames.remove(named.getKey());
                return ctx.parser().parseQuery("ALTER TABLE " + m.group(1) + " ALTER COLUMN "
                        + named.getKey().substring(table.length() + 1) + " DROP DEFAULT");
            }
        }
        return q;
    }

    /**
     * The statement as jOOQ's interpreter can apply it. It throws a NullPointerException renaming a column an index
     * uses, so such a rename is applied as: drop those indexes, rename, create them again on the new name (the
     * migration itself keeps its {@code sp_rename}).
     */
    private static List<Query> interpretable(DSLContext ctx, Query q, Map<String, QOM.CreateIndex> created) {
        if (!(q instanceof DDLQuery)) {
            return List.of(q);
        }
        Matcher m = RENAME_COLUMN.matcher(ctx.render(q).strip());
        if (!m.matches()) {
            return List.of(q);
        }
        String table = unqualified(m.group(1));
        String old = bare(m.group(2));
        String now = bare(m.group(3));
        List<Query> before = new ArrayList<>();
        List<Query> after = new ArrayList<>();
        for (QOM.CreateIndex index : List.copyOf(created.values())) {
            boolean uses = index.$on().stream().anyMatch(f -> bare(fieldName(f)).equals(old))
                    || index.$include().stream().anyMatch(f -> bare(f.getName()).equals(old));
            if (!bare(index.$table().getName()).equals(table) || !uses) {
                continue;
            }
            before.add(ctx.dropIndex(index.$index().getName()).on(index.$table()));
            after.add(index
                    .$on(index.$on().stream().map(f -> bare(fieldName(f)).equals(old) ? renamed(f, now) : f).toList())
                    .$include(index.$include().stream()
                            .map(f -> bare(f.getName()).equals(old) ? DSL.field(DSL.name(now)) : f).toList()));
        }
        before.add(q);
        before.addAll(after);
        return before;
    }

    private static String fieldName(org.jooq.OrderField<?> f) {
        return f instanceof SortField<?> sf ? sf.getName() : ((Field<?>) f).getName();
    }

    private static org.jooq.OrderField<?> renamed(org.jooq.OrderField<?> f, String now) {
        Field<Object> field = DSL.field(DSL.name(now));
        return f instanceof SortField<?> sf ? field.sort(sf.getOrder()) : field;
    }

    /**
     * The expected schemas partway through migration {@code version}: element {@code k} is the schema after every
     * earlier migration and the first {@code k} statements of {@code version} (element 0: before it; the last:
     * after it). What a migration the embedded engine stopped in the middle of has left (H2 commits DDL at once).
     */
    public static List<SchemaModel> partway(List<MigrationScripts.Script> migrations, String version) {
        Run run = new Run();
        for (MigrationScripts.Script script : migrations) {
            if (script.version().equals(version)) {
                run.scan(script);
                List<SchemaModel> out = new ArrayList<>();
                out.add(run.model("migrations before " + version));
                int k = 0;
                for (Query q : run.parse(script)) {
                    k++;
                    run.statement(q);
                    out.add(run.model("statement " + k + " of migration " + version));
                }
                return out;
            }
            run.script(script);
        }
        throw new IllegalArgumentException("No migration version " + version + " in these migrations");
    }

    private static void scanDefaultNames(String text, Map<String, String> names) {
        Matcher m = NAMED_DEFAULT.matcher(text);
        while (m.find()) {
            String table = null;
            Matcher t = TABLE.matcher(text.substring(0, m.start()));
            while (t.find()) {
                table = t.group(1);
            }
            if (table != null) {
                names.put(key(unqualified(table), bare(m.group(1))), bare(m.group(2)));
            }
        }
    }

    /** {@code CONSTRAINT name CHECK (predicate)}: the predicate between the balanced parentheses, comments out. */
    private static void scanCheckTexts(String text, Map<String, String> texts) {
        Matcher m = NAMED_CHECK.matcher(text);
        while (m.find()) {
            int depth = 1;
            int i = m.end();
            StringBuilder predicate = new StringBuilder();
            while (i < text.length() && depth > 0) {
                char c = text.charAt(i);
                if (c == '\'') {
                    int end = text.indexOf('\'', i + 1);
                    while (end > 0 && end + 1 < text.length() && text.charAt(end + 1) == '\'') {
                        end = text.indexOf('\'', end + 2);
                    }
                    if (end < 0) {
                        return;
                    }
                    predicate.append(text, i, end + 1);
                    i = end + 1;
                    continue;
                }
                if (c == '-' && text.startsWith("--", i)) {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? text.length() : end;
                    continue;
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth > 0) {
                    predicate.append(c);
                }
                i++;
            }
            if (depth == 0) {
                texts.put(Identifiers.normalize(bare(m.group(1))), predicate.toString().strip());
            }
        }
    }

    private static String unqualified(String name) {
        String bare = bare(name);
        return bare.substring(bare.lastIndexOf('.') + 1);
    }

    private static String bare(String name) {
        return name.replace("[", "").replace("]", "").replace("\"", "").toLowerCase(Locale.ROOT);
    }

    private static String key(String table, String column) {
        return table + "." + column;
    }

    private static TableModel table(DSLContext ctx, Table<?> table, Map<String, QOM.CreateIndex> createdIndexes,
            Map<String, String> defaultNames, Map<String, String> checkTexts) {
        String name = Identifiers.normalize(table.getName());
        List<ColumnModel> columns = new ArrayList<>();
        List<DefaultModel> defaults = new ArrayList<>();
        for (Field<?> field : table.fields()) {
            DataType<?> type = field.getDataType();
            columns.add(new ColumnModel(field.getName(), type(type), type.nullable(), type.identity()));
            if (type.defaulted()) {
                String column = Identifiers.normalize(field.getName());
                defaults.add(new DefaultModel(column, defaultNames.get(key(name, column)),
                        ctx.renderInlined(type.default_())));
            }
        }
        UniqueKey<?> pk = table.getPrimaryKey();
        Map<String, IndexModel> indexes = new LinkedHashMap<>();
        for (Index index : table.getIndexes()) {
            QOM.CreateIndex created = createdIndexes.get(Identifiers.normalize(index.getName()));
            List<String> included = created == null ? List.of() : names(created.$include());
            Optional<String> filter = created == null || created.$where() == null ? Optional.empty()
                    : Optional.of(ctx.renderInlined(created.$where()));
            indexes.put(index.getName(), new IndexModel(index.getName(),
                    index.getFields().stream().map(SortField::getName).toList(), index.getUnique(), included,
                    filter));
        }
        return new TableModel(name, columns,
                pk == null ? null : new KeyModel(pk.getName(), names(pk.getFields())),
                table.getUniqueKeys().stream().map(k -> new KeyModel(k.getName(), names(k.getFields()))).toList(),
                table.getReferences().stream().map(MigrationInterpreter::foreignKey).toList(),
                List.copyOf(indexes.values()),
                table.getChecks().stream().map(c -> check(ctx, c, checkTexts)).toList(),
                defaults);
    }

    private static CheckModel check(DSLContext ctx, Check<?> check, Map<String, String> texts) {
        String written = texts.get(Identifiers.normalize(check.getName()));
        return new CheckModel(check.getName(), written != null ? written : ctx.renderInlined(check.condition()));
    }

    private static ForeignKeyModel foreignKey(ForeignKey<?, ?> fk) {
        return new ForeignKeyModel(fk.getName(), names(fk.getFields()), fk.getKey().getTable().getName(),
                names(fk.getKeyFields()));
    }

    private static List<String> names(List<? extends Field<?>> fields) {
        return fields.stream().map(Field::getName).toList();
    }

    /**
     * The parser's data type as a {@link ColumnType}: N-ness is known here; an undeclared length of a character
     * type is {@code MAX} (how {@code NVARCHAR(MAX)} arrives); DATETIMEOFFSET, unknown to jOOQ, arrives by name with
     * its fractional-second digits as the length.
     */
    public static ColumnType type(DataType<?> type) {
        String typeName = type.getTypeName();
        TypeMapping.Mapped mapped = TypeMapping.fromMigration(typeName);
        return switch (mapped.family().size()) {
            case NONE -> TypeMapping.columnType(mapped, typeName, null, null, null);
            case LENGTH -> TypeMapping.columnType(mapped, typeName,
                    type.lengthDefined() && type.length() > 0 ? Length.of(type.length()) : Length.MAX, null, null);
            case PRECISION_SCALE -> TypeMapping.columnType(mapped, typeName, null,
                    type.precisionDefined() ? type.precision() : 18, type.scaleDefined() ? type.scale() : 0);
            // The parser keeps DATETIMEOFFSET(n)'s digits as a length it does not mark as defined.
            case FRACTIONAL_SECONDS -> TypeMapping.columnType(mapped, typeName, null, null,
                    type.length() > 0 ? type.length()
                            : type.precisionDefined() ? type.precision() : 7);
        };
    }
}
