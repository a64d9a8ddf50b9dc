package io.fcn.persistence.lint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DDLQuery;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Queries;
import org.jooq.Query;
import org.jooq.impl.QOM;

import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.scripts.MigrationScripts.Script;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.internal.snapshot.MigrationInterpreter;
import io.fcn.persistence.lint.ScriptText.Directive;
import io.fcn.persistence.lint.ScriptText.Statement;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.SchemaChange;
import io.fcn.persistence.schema.model.SchemaDiff;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;
import io.fcn.persistence.schema.model.TypeFamily;

/**
 * Lint of the migrations for data preservation and locking (docs/lint.md has every rule). Each file is read
 * against the expected schema before it ({@link MigrationInterpreter} up to the previous version, the
 * interpretation the snapshots use), so lint knows whether a table is new in the file; each statement is read
 * for what it does (jOOQ's interpreter before and after it) and for what the schema does not show (renames,
 * names, batches, markers). A rollback is read for what it must be: present, parseable, and reversing its
 * migration (the interpretation up to the version before equals that up to the version, then the rollback).
 *
 * <pre>{@code
 * LintReport report = MigrationLint.classpath().run();      // the jar's migrations and allow file
 * report.passed();                                          // no error that is not allowed
 * }</pre>
 */
public final class MigrationLint {

    /** The classpath copy of {@code db/lint-allow.txt}. */
    public static final String ALLOW_RESOURCE = "fcn-persistence/lint-allow.txt";

    private static final Pattern ALLOW_ARGS = Pattern.compile("(\\S+)\\s*(.*)");
    private static final Pattern RENAME = Pattern.compile("(?is)^\\s*alter\\s+(table|index)\\s+\\S+\\s+rename\\b.*");
    private static final Pattern DEFAULT_KEYWORD = Pattern.compile("(?i)\\bDEFAULT\\b");
    private static final Pattern NAMED_BEFORE = Pattern.compile("(?i)\\bCONSTRAINT\\s+([\\w\\[\\]\"]+)\\s*$");
    private static final Set<String> MARKERS = Set.of("allow", "online", "nocheck", "irreversible");

    private final ScriptSet scripts;
    private final List<AllowFile.Entry> allowEntries;

    private MigrationLint(ScriptSet scripts, List<AllowFile.Entry> allowEntries) {
        this.scripts = scripts;
        this.allowEntries = List.copyOf(allowEntries);
    }

    /**
     * Lint over {@code scripts}, with no allow file.
     * @param scripts the migrations and rollbacks to lint
     * @return the lint, to run
     */
    public static MigrationLint of(ScriptSet scripts) {
        return new MigrationLint(scripts, List.of());
    }

    /** {@return lint over the jar's migrations and rollbacks, with the jar's allow file} */
    public static MigrationLint classpath() {
        return new MigrationLint(ScriptSet.classpath(), classpathAllows());
    }

    /**
     * The jar's migrations plus a project's ({@code migrationDir}, {@code rollbackDir}; a file there replaces the
     * jar's file of its version), with the jar's allow file and {@code allowFile} when it exists.
     * @param migrationDir the project's migrations
     * @param rollbackDir the project's rollbacks
     * @param allowFile the project's allow file; null or a missing file adds none
     * @return the lint, to run
     */
    public static MigrationLint withDirectories(Path migrationDir, Path rollbackDir, Path allowFile) {
        MigrationLint lint = new MigrationLint(ScriptSet.classpath().withDirectories(migrationDir, rollbackDir),
                classpathAllows());
        return allowFile != null && Files.exists(allowFile) ? lint.withAllowFile(allowFile) : lint;
    }

    /**
     * The same lint with the entries of an allow file added (an entry for the same statement replaces it).
     * @param file the allow file, UTF-8
     * @return a new lint; this one is unchanged
     * @throws UncheckedIOException when the file cannot be read
     */
    public MigrationLint withAllowFile(Path file) {
        try {
            return withAllowText(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the allow file " + file, e);
        }
    }

    /**
     * The same lint with allow entries read from {@code text} ({@code source} names it in findings).
     * @param source the name findings about an entry give as their file
     * @param text the allow file's text
     * @return a new lint; this one is unchanged
     */
    public MigrationLint withAllowText(String source, String text) {
        List<AllowFile.Entry> added = AllowFile.parse(source, text);
        List<AllowFile.Entry> all = new ArrayList<>();
        for (AllowFile.Entry old : allowEntries) {
            boolean replaced = old.problem() == null && added.stream().anyMatch(n -> n.problem() == null
                    && n.version().equals(old.version()) && n.code().equalsIgnoreCase(old.code())
                    && n.fingerprint().equalsIgnoreCase(old.fingerprint()));
            if (!replaced) {
                all.add(old);
            }
        }
        all.addAll(added);
        return new MigrationLint(scripts, all);
    }

    private static List<AllowFile.Entry> classpathAllows() {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(MigrationLint.class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream(ALLOW_RESOURCE)) {
            return in == null ? List.of()
                    : AllowFile.parse(ALLOW_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return every finding over the scripts and the allow entries; lint failing is a report, never a throw} */
    public LintReport run() {
        List<LintFinding> findings = new ArrayList<>();
        List<Script> migrations = scripts.migrations();
        DSLContext ctx = MigrationInterpreter.context();
        Meta replay = ctx.meta(new Query[0]);
        SchemaModel before = new SchemaModel("no migration", List.of());
        // The snapshot interpretation after each version (null where it failed), for the rollbacks' check.
        Map<String, SchemaModel> expected = new HashMap<>();
        Set<AllowFile.Entry> used = new HashSet<>();
        for (Script script : migrations) {
            SchemaModel after;
            String interpreterProblem = null;
            try {
                after = MigrationInterpreter.expectedAt(migrations, script.version());
            } catch (RuntimeException e) {
                after = null;
                interpreterProblem = firstLine(e.getMessage());
            }
            SchemaModel known = before != null ? before : model(replay);
            FileLint file = new FileLint(ctx, script, known, replay);
            List<LintFinding> found = file.run();
            replay = file.replay;
            if (interpreterProblem != null) {
                found.add(0, fileFinding(LintCode.NOT_ANALYSED, script.filename(),
                        "The snapshot interpretation cannot read this file (" + interpreterProblem
                                + "); lint read it statement by statement, the snapshots cannot be built."));
            }
            for (int i = 0; i < found.size(); i++) {
                LintFinding f = found.get(i);
                if (f.allowed() || f.statement() == null) {
                    continue;
                }
                for (AllowFile.Entry entry : allowEntries) {
                    if (entry.matches(script.version(), f) && LintCode.of(f.code()).map(LintCode::allowable)
                            .orElse(false)) {
                        found.set(i, f.asAllowed());
                        used.add(entry);
                    }
                }
            }
            findings.addAll(found);
            expected.put(script.version(), after);
            before = after;
        }
        findings.addAll(rollbackFindings(ctx, expected));
        for (AllowFile.Entry entry : allowEntries) {
            if (entry.problem() != null) {
                findings.add(new LintFinding(LintCode.ALLOW_FILE_ENTRY.code(), LintCode.ALLOW_FILE_ENTRY.severity(),
                        entry.source(), entry.line(), null, "This allow entry " + entry.problem() + ".",
                        LintCode.ALLOW_FILE_ENTRY.fix(), false));
            } else if (!used.contains(entry)) {
                findings.add(new LintFinding(LintCode.ALLOW_FILE_ENTRY.code(), LintCode.ALLOW_FILE_ENTRY.severity(),
                        entry.source(), entry.line(), null, "The allow entry for " + entry.code() + " in version "
                                + entry.version() + " (\"" + entry.fingerprint() + "\") matches no finding: it is "
                                + "stale.", LintCode.ALLOW_FILE_ENTRY.fix(), false));
            }
        }
        return new LintReport(findings);
    }

    private List<LintFinding> rollbackFindings(DSLContext ctx, Map<String, SchemaModel> expected) {
        List<LintFinding> findings = new ArrayList<>();
        Set<String> rollbackNames = new HashSet<>();
        scripts.rollbacks().forEach(r -> rollbackNames.add(r.filename()));
        Map<String, Script> migrationsByName = new HashMap<>();
        for (Script migration : scripts.migrations()) {
            migrationsByName.put(migration.filename(), migration);
            String first = migration.text().lines().findFirst().orElse("").strip();
            boolean irreversible = first.startsWith(MigrationScripts.IRREVERSIBLE_MARKER)
                    && !first.substring(MigrationScripts.IRREVERSIBLE_MARKER.length()).isBlank();
            if (!irreversible && !rollbackNames.contains("U" + migration.filename().substring(1))) {
                findings.add(fileFinding(LintCode.NO_ROLLBACK, migration.filename(),
                        "This migration has no rollback db/rollback/U" + migration.filename().substring(1)
                                + " and its first line is not -- fcn:irreversible <reason>."));
            }
        }
        for (Script rollback : scripts.rollbacks()) {
            Script migration = migrationsByName.get("V" + rollback.filename().substring(1));
            if (migration == null) {
                findings.add(fileFinding(LintCode.ROLLBACK_WITHOUT_MIGRATION, rollback.filename(),
                        "This rollback has no migration V" + rollback.filename().substring(1) + "."));
            }
            try {
                ctx.parser().parse(rollback.text());
            } catch (RuntimeException e) {
                findings.add(fileFinding(LintCode.ROLLBACK_UNPARSEABLE, rollback.filename(),
                        "This rollback does not parse: " + firstLine(e.getMessage())));
                continue;
            }
            if (migration != null) {
                reversal(migration, rollback, expected).ifPresent(findings::add);
            }
        }
        return findings;
    }

    /**
     * Whether {@code rollback} reverses {@code migration}: the interpretation of the migrations up to the version
     * before it against that of the migrations up to it, then the rollback (the snapshots' interpretation both).
     */
    private Optional<LintFinding> reversal(Script migration, Script rollback, Map<String, SchemaModel> expected) {
        List<Script> migrations = scripts.migrations();
        int at = migrations.indexOf(migration);
        SchemaModel before = at == 0 ? new SchemaModel("no migration", List.of())
                : expected.get(migrations.get(at - 1).version());
        String notChecked = "Not analysed: whether this rollback reverses " + migration.filename() + " is not "
                + "checked: ";
        if (before == null || expected.get(migration.version()) == null) {
            return Optional.of(fileFinding(LintCode.NOT_ANALYSED, rollback.filename(), notChecked + "the snapshot "
                    + "interpretation cannot read the migrations up to it."));
        }
        SchemaModel undone;
        try {
            undone = MigrationInterpreter.expectedAfterRollback(migrations, migration.version(), rollback);
        } catch (RuntimeException e) {
            return Optional.of(fileFinding(LintCode.NOT_ANALYSED, rollback.filename(), notChecked + "the snapshot "
                    + "interpretation cannot apply the rollback (" + firstLine(e.getMessage()) + ")."));
        }
        List<SchemaChange> differences = SchemaDiff.between(before, undone).differences();
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fileFinding(LintCode.ROLLBACK_DOES_NOT_REVERSE, rollback.filename(), "After "
                + migration.filename() + " and this rollback the schema is not the one before the migration: "
                + String.join("; ", differences.stream().map(MigrationLint::describe).toList()) + "."));
    }

    /** A difference between the schema before a migration and after its rollback, as people read it. */
    private static String describe(SchemaChange c) {
        String object = c.object().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + c.path();
        return switch (c.kind()) {
            case ADDED -> object + " is left behind (" + c.toText() + ")";
            case REMOVED -> object + " is not restored (" + c.fromText() + ")";
            case CHANGED -> object + " has " + c.property() + " " + c.toText() + ", before the migration "
                    + c.fromText();
            case NOT_COMPARABLE -> object + " cannot be compared";
        };
    }

    private static LintFinding fileFinding(LintCode code, String file, String rule) {
        return new LintFinding(code.code(), code.severity(), file, 1, null, rule, code.fix(), false);
    }

    static String firstLine(String message) {
        return message == null ? "no reason given" : message.strip().lines().findFirst().orElse("").strip();
    }

    /** Lint's own replay as a model of tables and columns (used only when the snapshot interpretation fails). */
    private static SchemaModel model(Meta meta) {
        List<TableModel> tables = new ArrayList<>();
        meta.getTables().forEach(t -> tables.add(new TableModel(t.getName(),
                java.util.Arrays.stream(t.fields()).map(f -> new ColumnModel(f.getName(),
                        MigrationInterpreter.type(f.getDataType()), f.getDataType().nullable(),
                        f.getDataType().identity())).toList(),
                null, List.of(), List.of(), List.of(), List.of(), List.of())));
        return new SchemaModel("lint's reading", tables);
    }

    /** The lint of one migration file. */
    private static final class FileLint {
        private final DSLContext ctx;
        private final Script script;
        private final SchemaModel before;
        private final ScriptText text;
        private Meta replay;
        private final List<LintFinding> findings = new ArrayList<>();
        /** Directive lines attached to each statement (index into statements). */
        private final Map<Integer, List<Directive>> attached = new HashMap<>();
        private final Set<Directive> attachedAnywhere = new LinkedHashSet<>();
        private final Set<Directive> silencing = new HashSet<>();
        private final Set<Directive> reported = new HashSet<>();
        private final Map<Directive, LintFinding> stale = new java.util.LinkedHashMap<>();

        FileLint(DSLContext ctx, Script script, SchemaModel before, Meta replay) {
            this.ctx = ctx;
            this.script = script;
            this.before = before;
            this.replay = replay;
            this.text = new ScriptText(script.filename(), script.text());
        }

        List<LintFinding> run() {
            List<Statement> statements = text.statements();
            for (int i = 0; i < statements.size(); i++) {
                attached.put(i, directivesOf(statements.get(i)));
            }
            // Columns added to an existing table in the current batch: table -> columns.
            Map<String, Set<String>> addedInBatch = new HashMap<>();
            int batch = -1;
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                if (s.batch() != batch) {
                    addedInBatch.clear();
                    batch = s.batch();
                }
                List<Directive> directives = attached.get(i);
                List<LintFinding> own = new ArrayList<>();
                checkBatch(s, addedInBatch, own);
                Set<String> applies = new HashSet<>();
                analyse(s, directives, addedInBatch, own, applies);
                markers(s, directives, applies, own);
                allows(s, directives, own);
                findings.addAll(own);
            }
            stale.forEach((d, finding) -> {
                if (!silencing.contains(d)) {
                    findings.add(finding);
                }
            });
            for (Directive d : text.directives()) {
                if (d.word().equals("irreversible") && d.line() == 1) {
                    continue;
                }
                if (!attachedAnywhere.contains(d)) {
                    findings.add(directiveFinding(d, d.word().equals("irreversible")
                            ? "-- fcn:irreversible is read from the first line only."
                            : "-- fcn:" + d.word() + " is on no statement (a comment on the statement's line or "
                                    + "the comment lines directly above it)."));
                }
            }
            findings.sort(java.util.Comparator.comparingInt(LintFinding::line));
            return findings;
        }

        private List<Directive> directivesOf(Statement s) {
            int top = s.firstLine();
            while (text.commentLine(top - 1)) {
                top--;
            }
            List<Directive> list = new ArrayList<>();
            for (Directive d : text.directives()) {
                if (d.line() >= top && d.line() <= s.lastLine()) {
                    list.add(d);
                    attachedAnywhere.add(d);
                }
            }
            return list;
        }

        private void analyse(Statement s, List<Directive> directives, Map<String, Set<String>> addedInBatch,
                List<LintFinding> out, Set<String> applies) {
            if (s.fenced()) {
                out.add(finding(LintCode.NOT_ANALYSED, s, "Not analysed: the statement is fenced with "
                        + "[jooq ignore], so neither the snapshots nor lint read it."));
                return;
            }
            Queries queries;
            try {
                queries = ctx.parser().parse(s.text());
            } catch (RuntimeException e) {
                out.add(finding(LintCode.NOT_ANALYSED, s, "Not analysed: jOOQ's parser cannot read the statement ("
                        + firstLine(e.getMessage()) + ")."));
                return;
            }
            for (Query q : queries) {
                if (!(q instanceof DDLQuery)) {
                    continue;
                }
                Meta next;
                try {
                    next = replay.apply(q);
                } catch (RuntimeException e) {
                    out.add(finding(LintCode.NOT_ANALYSED, s, "Not analysed: jOOQ's DDL interpreter cannot apply "
                            + "the statement (" + firstLine(e.getMessage()) + ")."));
                    continue;
                }
                Effect effect = Effect.between(replay, next);
                Set<String> tablesBeforeStatement = new HashSet<>();
                replay.getTables().forEach(t -> tablesBeforeStatement.add(t.getName().toLowerCase(Locale.ROOT)));
                replay = next;
                rules(s, q, effect, directives, out, applies);
                for (Effect.Column c : effect.columnsAdded) {
                    if (tablesBeforeStatement.contains(c.table())) {
                        addedInBatch.computeIfAbsent(c.table(), t -> new HashSet<>()).add(c.name());
                    }
                }
            }
        }

        private boolean existing(String table) {
            return before.table(table).isPresent();
        }

        private Optional<ColumnModel> existingColumn(String table, String column) {
            return before.table(table).flatMap(t -> t.column(column));
        }

        private void rules(Statement s, Query q, Effect e, List<Directive> directives, List<LintFinding> out,
                Set<String> applies) {
            boolean online = has(directives, "online");
            boolean nocheck = has(directives, "nocheck");
            String rendered = ctx.render(q);
            boolean rename = RENAME.matcher(rendered).matches()
                    || (q instanceof QOM.AlterIndex ai && ai.$renameTo() != null);
            if (q instanceof QOM.CreateIndex) {
                applies.add("online");
            }
            if (rename) {
                String what = q instanceof QOM.AlterIndex ? "an index"
                        : !e.tablesDropped.isEmpty() ? "a table" : e.columnsDropped.isEmpty() ? "a name" : "a column";
                boolean onExisting = q instanceof QOM.AlterIndex
                        || e.tablesDropped.stream().anyMatch(this::existing)
                        || e.columnsDropped.stream().anyMatch(c -> existing(c.table()));
                if (onExisting) {
                    out.add(finding(LintCode.RENAME, s, "Renaming " + what + " breaks the generated classes and "
                            + "every consumer compiled against the old name."));
                }
                return;
            }
            for (String table : e.tablesDropped) {
                if (existing(table)) {
                    out.add(finding(LintCode.DROP_TABLE, s, "Dropping table " + table + " destroys its rows."));
                }
            }
            for (Effect.Column c : e.columnsDropped) {
                if (existing(c.table()) && !e.tablesDropped.contains(c.table())) {
                    out.add(finding(LintCode.DROP_COLUMN, s, "Dropping column " + c.table() + "." + c.name()
                            + " destroys its values."));
                }
            }
            for (Effect.Column[] change : e.columnsChanged) {
                Effect.Column was = change[0];
                Effect.Column now = change[1];
                if (!existing(now.table())) {
                    continue;
                }
                String column = now.table() + "." + now.name();
                if (familyChanged(was.type(), now.type())) {
                    out.add(finding(LintCode.TYPE_FAMILY_CHANGED, s, "Changing " + column + " from " + was.type()
                            + " to " + now.type() + " converts every value (it fails or alters data that does not "
                            + "convert) and rewrites the table under a schema-modification lock."));
                } else if (narrowed(was.type(), now.type())) {
                    out.add(finding(LintCode.NARROWED_TYPE, s, "Narrowing " + column + " from " + was.type()
                            + " to " + now.type() + " fails on, or truncates, values that do not fit, after a scan "
                            + "under a schema-modification lock."));
                }
                if (was.nullable() && !now.nullable() && existingColumn(now.table(), now.name()).isPresent()) {
                    out.add(finding(LintCode.NULL_TO_NOT_NULL, s, "Making " + column + " NOT NULL scans the whole "
                            + "table under a schema-modification lock and fails if a row holds NULL."));
                }
            }
            for (Effect.Column c : e.columnsAdded) {
                if (existing(c.table()) && !e.tablesCreated.contains(c.table()) && !c.nullable() && !c.defaulted()
                        && !c.identity()) {
                    out.add(finding(LintCode.NOT_NULL_WITHOUT_DEFAULT, s, "Adding NOT NULL column " + c.table() + "."
                            + c.name() + " without a default fails on a table that has rows."));
                }
            }
            for (Effect.Constraint c : e.constraintsAdded) {
                if (c.kind() == Effect.Kind.CHECK || c.kind() == Effect.Kind.FOREIGN_KEY) {
                    applies.add("nocheck");
                    if (existing(c.table()) && !nocheck) {
                        boolean check = c.kind() == Effect.Kind.CHECK;
                        out.add(finding(check ? LintCode.CHECK_ON_EXISTING_TABLE
                                : LintCode.FOREIGN_KEY_ON_EXISTING_TABLE, s, "Adding " + (check ? "CHECK" : "FOREIGN KEY")
                                + " " + display(c.name()) + " to existing table " + c.table() + " validates every row "
                                + "WITH CHECK, a full scan while ALTER TABLE holds a schema-modification (Sch-M) "
                                + "lock that blocks all reads and writes of the table"
                                + (check ? "." : " (and a shared lock on the referenced table).")));
                    }
                }
                naming(s, c, out);
            }
            for (Effect.AddedIndex index : e.indexesAdded) {
                boolean filtered = q instanceof QOM.CreateIndex ci && ci.$where() != null;
                String expected = index.unique() && filtered ? "ux_" : "ix_";
                if (!index.name().startsWith(expected)) {
                    out.add(finding(LintCode.NAME_PREFIX, s, "Index " + index.name() + " on " + index.table()
                            + " is not named " + expected + "…" + (expected.equals("ux_")
                                    ? " (a filtered unique index)." : (index.name().startsWith("ux_")
                                            ? " (ux_ is for filtered unique indexes only)." : "."))));
                }
                if (q instanceof QOM.CreateIndex && existing(index.table()) && !online) {
                    out.add(finding(LintCode.INDEX_NOT_ONLINE, s, "CREATE INDEX " + index.name() + " on existing "
                            + "table " + index.table() + " without ONLINE = ON blocks writes to the table for the "
                            + "whole build."));
                }
            }
            defaults(s, out);
        }

        private void naming(Statement s, Effect.Constraint c, List<LintFinding> out) {
            String kind = switch (c.kind()) {
                case PRIMARY_KEY -> "PRIMARY KEY";
                case UNIQUE -> "UNIQUE";
                case FOREIGN_KEY -> "FOREIGN KEY";
                case CHECK -> "CHECK";
            };
            String prefix = switch (c.kind()) {
                case PRIMARY_KEY -> "pk_";
                case UNIQUE -> "uq_";
                case FOREIGN_KEY -> "fk_";
                case CHECK -> "ck_";
            };
            if (c.name().isEmpty()) {
                out.add(finding(LintCode.UNNAMED, s, "The " + kind + " constraint on " + c.table() + " has no name: "
                        + "SQL Server generates one that differs between databases, so no later migration can "
                        + "name it."));
            } else if (!c.name().startsWith(prefix)) {
                out.add(finding(LintCode.NAME_PREFIX, s, "The " + kind + " constraint " + c.name() + " on "
                        + c.table() + " is not named " + prefix + "…."));
            }
        }

        /** Defaults: the interpreter keeps no default names, so the statement's text is read. */
        private void defaults(Statement s, List<LintFinding> out) {
            String code = text.codeOnly(s);
            if (!code.strip().toUpperCase(Locale.ROOT).matches("(?s)^(CREATE|ALTER)\\s+TABLE\\b.*")) {
                return;
            }
            Matcher m = DEFAULT_KEYWORD.matcher(code);
            while (m.find()) {
                Matcher named = NAMED_BEFORE.matcher(code.substring(0, m.start()));
                if (!named.find()) {
                    out.add(finding(LintCode.UNNAMED, s, "A DEFAULT has no name: SQL Server generates one that "
                            + "differs between databases, so no later migration can drop it by name."));
                } else {
                    String name = named.group(1).replaceAll("[\\[\\]\"]", "").toLowerCase(Locale.ROOT);
                    if (!name.startsWith("df_")) {
                        out.add(finding(LintCode.NAME_PREFIX, s, "The DEFAULT constraint " + name
                                + " is not named df_…."));
                    }
                }
            }
        }

        private void checkBatch(Statement s, Map<String, Set<String>> addedInBatch, List<LintFinding> out) {
            if (addedInBatch.isEmpty() || s.fenced()) {
                return;
            }
            String code = text.codeOnly(s).toLowerCase(Locale.ROOT);
            for (Map.Entry<String, Set<String>> entry : addedInBatch.entrySet()) {
                if (!word(code, entry.getKey())) {
                    continue;
                }
                for (String column : entry.getValue()) {
                    if (word(code, column)) {
                        out.add(finding(LintCode.COLUMN_ADDED_IN_SAME_BATCH, s, "The statement uses "
                                + entry.getKey() + "." + column + ", added earlier in the same batch: SQL Server "
                                + "compiles the batch as a whole and rejects it."));
                    }
                }
            }
        }

        private static boolean word(String code, String name) {
            return Pattern.compile("(?<![\\w@#$])" + Pattern.quote(name) + "(?![\\w@#$])").matcher(code).find();
        }

        private void markers(Statement s, List<Directive> directives, Set<String> applies, List<LintFinding> out) {
            for (Directive d : directives) {
                if (!MARKERS.contains(d.word())) {
                    out.add(directiveFinding(d, "-- fcn:" + d.word() + " is no directive lint knows (allow, online, "
                            + "nocheck, irreversible)."));
                } else if (d.word().equals("online") && !applies.contains("online")) {
                    out.add(directiveFinding(d, "-- fcn:online marks an index build; this statement is no "
                            + "CREATE INDEX."));
                } else if (d.word().equals("nocheck") && !applies.contains("nocheck")) {
                    out.add(directiveFinding(d, "-- fcn:nocheck marks a new CHECK or FOREIGN KEY; this statement "
                            + "adds none."));
                } else if (d.word().equals("irreversible") && d.line() != 1) {
                    out.add(directiveFinding(d, "-- fcn:irreversible is read from the first line only."));
                }
            }
        }

        private void allows(Statement s, List<Directive> directives, List<LintFinding> out) {
            for (Directive d : directives) {
                if (!d.word().equals("allow")) {
                    continue;
                }
                Matcher m = ALLOW_ARGS.matcher(d.args());
                if (!m.matches() || m.group(2).isBlank()) {
                    if (reported.add(d)) {
                        out.add(directiveFinding(d, "-- fcn:allow " + d.args() + " gives no reason: write -- fcn:allow "
                            + "<code> <reason>."));
                    }
                    continue;
                }
                String code = m.group(1);
                Optional<LintCode> known = LintCode.of(code);
                boolean silenced = false;
                for (int i = 0; i < out.size(); i++) {
                    LintFinding f = out.get(i);
                    if (f.code().equalsIgnoreCase(code) && known.map(LintCode::allowable).orElse(false)
                            && !f.allowed()) {
                        out.set(i, f.asAllowed());
                        silenced = true;
                    } else if (f.code().equalsIgnoreCase(code) && f.allowed()) {
                        silenced = true;
                    }
                }
                if (silenced) {
                    silencing.add(d);
                } else {
                    // Reported at the end: a comment on a line shared by two statements may silence the other.
                    stale.putIfAbsent(d, directiveFinding(d, known.isPresent() && !known.get().allowable()
                            ? "-- fcn:allow " + code + ": " + code + " cannot be allowed."
                            : "-- fcn:allow " + code + " names a code that does not fire on this statement (a stale "
                                    + "allow)."));
                }
            }
        }

        private static boolean has(List<Directive> directives, String word) {
            return directives.stream().anyMatch(d -> d.word().equals(word));
        }

        private LintFinding finding(LintCode code, Statement s, String rule) {
            return new LintFinding(code.code(), code.severity(), script.filename(), s.firstLine(), s.text(), rule,
                    code.fix(), false);
        }

        private LintFinding directiveFinding(Directive d, String rule) {
            String code = d.word().equals("allow") && !rule.contains("no reason")
                    ? LintCode.ALLOW_DOES_NOT_FIRE.code() : d.word().equals("allow")
                            ? LintCode.ALLOW_WITHOUT_REASON.code() : LintCode.MISPLACED_MARKER.code();
            LintCode lc = LintCode.of(code).orElseThrow();
            return new LintFinding(lc.code(), lc.severity(), script.filename(), d.line(),
                    "-- fcn:" + d.word() + (d.args().isEmpty() ? "" : " " + d.args()), rule, lc.fix(), false);
        }
    }

    private static String display(String name) {
        return name.isEmpty() ? "(unnamed)" : name;
    }

    /** A change to another family (NVARCHAR and VARCHAR, NCHAR and CHAR count as one family here). */
    static boolean familyChanged(ColumnType was, ColumnType now) {
        return was.family().nonNational() != now.family().nonNational()
                || (was.family() == TypeFamily.OTHER && !String.valueOf(was.otherName())
                        .equalsIgnoreCase(String.valueOf(now.otherName())));
    }

    /** Within a family: fewer characters, digits or fractional seconds, or national to non-national. */
    static boolean narrowed(ColumnType was, ColumnType now) {
        if (was.family().isNational() && !now.family().isNational()) {
            return true;
        }
        return switch (now.family().size()) {
            case LENGTH -> shorter(was.length(), now.length());
            case PRECISION_SCALE -> less(now.scale(), was.scale())
                    || less(digits(now), digits(was));
            case FRACTIONAL_SECONDS -> less(now.scale(), was.scale());
            case NONE -> false;
        };
    }

    private static boolean shorter(Length was, Length now) {
        if (was == null || now == null || now.max()) {
            return false;
        }
        return was.max() || now.value() < was.value();
    }

    private static Integer digits(ColumnType t) {
        return t.precision() == null || t.scale() == null ? null : t.precision() - t.scale();
    }

    private static boolean less(Integer a, Integer b) {
        return a != null && b != null && a < b;
    }
}
