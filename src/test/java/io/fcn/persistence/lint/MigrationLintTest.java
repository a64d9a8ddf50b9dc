package io.fcn.persistence.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.lint.LintFinding.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The build's migration lint: {@code db/migration} passes (through {@code db/lint-allow.txt}), and each rule fires
 * on a small crafted migration and not on its safe counterpart. Crafted migrations build on a base migration that
 * creates {@code dbo.t} and {@code dbo.u}, so those are existing tables in every later file.
 */
class MigrationLintTest {

    private static final String BASE = """
            CREATE TABLE dbo.t (
                id  INT           NOT NULL,
                a   VARCHAR(50)   NULL,
                n   NVARCHAR(50)  NULL,
                d   DECIMAL(18,4) NULL,
                ts  DATETIMEOFFSET(7) NULL,
                CONSTRAINT pk_t PRIMARY KEY (id)
            );
            CREATE TABLE dbo.u (
                id    INT NOT NULL,
                t_id  INT NULL,
                CONSTRAINT pk_u PRIMARY KEY (id)
            );
            """;
    private static final String RECREATE_T = """
            DROP TABLE dbo.t;
            CREATE TABLE dbo.t (
                id  INT           NOT NULL,
                a   VARCHAR(50)   NULL,
                n   NVARCHAR(50)  NULL,
                d   DECIMAL(18,4) NULL,
                ts  DATETIMEOFFSET(7) NULL,
                CONSTRAINT pk_t PRIMARY KEY (id)
            );
            """;
    private static final String RECREATE_U = """
            CREATE TABLE dbo.u (
                id    INT NOT NULL,
                t_id  INT NULL,
                CONSTRAINT pk_u PRIMARY KEY (id)
            );
            """;
    private static final String DROP_B = "ALTER TABLE dbo.t DROP COLUMN b;\n";
    private static final String ADD_A = "ALTER TABLE dbo.t ADD a VARCHAR(50) NULL;\n";
    private static final String DROP_FRESH = "DROP TABLE dbo.fresh;\n";

    @TempDir
    Path dir;

    // --- the real migrations ---

    @Test
    void theMigrationsPassThroughTheAllowFile() {
        LintReport report = MigrationLint.of(project()).withAllowFile(Path.of("db/lint-allow.txt")).run();
        assertTrue(report.passed(), report::toString);
        assertEquals(List.of(), report.findings().stream().filter(f -> f.code().equals("FCN190")).toList(),
                "every statement of the migrations is analysed");
        assertEquals(List.of("FCN141:74", "FCN141:75", "FCN102:80", "FCN102:81"), report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).map(f -> f.code() + ":" + f.line()).toList());
        assertTrue(report.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .allMatch(LintFinding::allowed));
    }

    @Test
    void withoutTheAllowFileTheReleasedColumnSwapFails() {
        LintReport report = MigrationLint.of(project()).run();
        assertEquals(4, report.errors().size(), report::toString);
        assertTrue(report.errors().stream().allMatch(f -> f.file().startsWith("V20251101_0002")));
    }

    /** docs/lint.md's example, run from the project's root where db/ holds the jar's own files. */
    @Test
    void theDocumentedCalls() {
        // snippet: lint-api
        LintReport report = MigrationLint.classpath().run();          // the jar's migrations and allow file
        LintReport mine = MigrationLint.withDirectories(Path.of("db/migration"), Path.of("db/rollback"),
                Path.of("db/lint-allow.txt")).run();                  // the jar's plus a working copy's
        report.passed();                                              // no error that is not allowed
        report.errors();                                              // those errors
        report.toJson();                                              // the shape below
        // end snippet
        assertTrue(report.passed() && mine.passed(), report::toString);
        assertEquals(report.findings().size(), mine.findings().size(), mine::toString);
        assertTrue(report.toJson().startsWith("{\"findings\":["), report.toJson());
    }

    @Test
    void theJarCarriesTheAllowFile() {
        LintReport report = MigrationLint.classpath().run();
        assertTrue(report.passed(), report::toString);
        assertEquals(4, report.findings().stream().filter(LintFinding::allowed).count());
    }

    @Test
    void aProjectDirectoryIsLintedAfterTheJarsMigrations() throws IOException {
        write("V20990101_0001__trade_desk.sql", "-- fcn:irreversible test migration\n"
                + "ALTER TABLE dbo.fcn_trade ADD desk VARCHAR(20) NOT NULL;\n");
        Path allow = dir.resolve("lint-allow.txt");
        Files.writeString(allow, "20990101.0001 | FCN111 | ALTER TABLE dbo.fcn_trade ADD desk VARCHAR(20) NOT NULL"
                + " | the service has no trades yet\n");
        LintReport withoutAllow = MigrationLint.withDirectories(dir, dir, dir.resolve("absent.txt")).run();
        assertEquals(List.of("FCN111 V20990101_0001__trade_desk.sql"), withoutAllow.errors().stream()
                .map(f -> f.code() + " " + f.file()).toList(), "fcn_trade exists from the jar's migrations");
        LintReport allowed = MigrationLint.withDirectories(dir, dir, allow).run();
        assertTrue(allowed.passed(), allowed::toString);
        assertEquals(5, allowed.findings().stream().filter(LintFinding::allowed).count(), "the jar's four and this");
    }

    @Test
    void aMigrationWithoutRollbackOrIrreversibleMarkerFailsAndRollbacksMustBelongAndParse() {
        // RollbackScriptsTest's rule, now lint's.
        assertEquals(List.of(), MigrationLint.of(project()).run().findings().stream()
                .filter(f -> f.code().startsWith("FCN17")).toList());
        write("V20990101_0001__base.sql", BASE);
        write("V20990101_0002__no_rollback.sql", "ALTER TABLE dbo.t ADD b INT NULL;\n");
        write("V20990101_0003__irreversible.sql", "-- fcn:irreversible drops nothing, keeps nothing\n"
                + "ALTER TABLE dbo.t ADD c INT NULL;\n");
        write("V20990101_0004__empty_reason.sql", "-- fcn:irreversible\nALTER TABLE dbo.t ADD e INT NULL;\n");
        write("U20990101_0001__base.sql", "DROP TABLE dbo.u;\nDROP TABLE dbo.t;\n");
        write("U20990101_0009__orphan.sql", "SELECT 1;\n");
        write("U20990101_0003__irreversible.sql", "ALTER TABLE dbo.t DROP COLUMN ((c;\n");
        LintReport report = MigrationLint.of(crafted()).run();
        assertEquals(List.of("FCN171 V20990101_0002__no_rollback.sql", "FCN171 V20990101_0004__empty_reason.sql",
                "FCN172 U20990101_0003__irreversible.sql", "FCN173 U20990101_0009__orphan.sql"),
                report.findings().stream().filter(f -> f.code().startsWith("FCN17"))
                        .map(f -> f.code() + " " + f.file()).sorted(this::byCodeThenFile).toList(), report::toString);
    }

    private int byCodeThenFile(String a, String b) {
        return a.substring(0, 6).compareTo(b.substring(0, 6));
    }

    // --- each rule, fired and not fired (each crafted migration with a rollback that reverses it) ---

    @Test
    void droppingATableOrAColumnOfAnExistingTable() {
        assertEquals(List.of("FCN101 error 1"), step("DROP TABLE dbo.u;\n", RECREATE_U));
        assertEquals(List.of("FCN102 error 1"), step("ALTER TABLE dbo.t DROP COLUMN a;\n",
                "ALTER TABLE dbo.t ADD a VARCHAR(50) NULL;\n"));
        assertEquals(List.of(), step("""
                CREATE TABLE dbo.scratch (id INT NOT NULL, x INT NULL, CONSTRAINT pk_scratch PRIMARY KEY (id));
                ALTER TABLE dbo.scratch DROP COLUMN x;
                DROP TABLE dbo.scratch;
                """, "-- Nothing to undo: the table is created and dropped in the migration.\n"));
    }

    @Test
    void narrowingATypeOrChangingItsFamily() {
        String a = "ALTER TABLE dbo.t ALTER COLUMN a VARCHAR(50) NULL;\n";
        String n = "ALTER TABLE dbo.t ALTER COLUMN n NVARCHAR(50) NULL;\n";
        String d = "ALTER TABLE dbo.t ALTER COLUMN d DECIMAL(18,4) NULL;\n";
        assertEquals(List.of("FCN103 error 1"), step("ALTER TABLE dbo.t ALTER COLUMN a VARCHAR(20) NULL;\n", a));
        assertEquals(List.of("FCN103 error 1"), step("ALTER TABLE dbo.t ALTER COLUMN n VARCHAR(50) NULL;\n", n));
        assertEquals(List.of("FCN103 error 1"), step("ALTER TABLE dbo.t ALTER COLUMN d DECIMAL(18,2) NULL;\n", d));
        assertEquals(List.of("FCN103 error 1"), step("ALTER TABLE dbo.t ALTER COLUMN d DECIMAL(18,6) NULL;\n", d),
                "fewer integer digits");
        assertEquals(List.of("FCN103 error 1"), step("ALTER TABLE dbo.t ALTER COLUMN ts DATETIMEOFFSET(3) NULL;\n",
                "ALTER TABLE dbo.t ALTER COLUMN ts DATETIMEOFFSET(7) NULL;\n"));
        assertEquals(List.of("FCN104 error 1"), step("ALTER TABLE dbo.t ALTER COLUMN a INT NULL;\n", a));
        assertEquals(List.of(), step("ALTER TABLE dbo.t ALTER COLUMN a VARCHAR(100) NULL;\n", a));
        assertEquals(List.of(), step("ALTER TABLE dbo.t ALTER COLUMN a NVARCHAR(50) NULL;\n", a));
        assertEquals(List.of(), step("ALTER TABLE dbo.t ALTER COLUMN d DECIMAL(20,4) NULL;\n", d));
    }

    @Test
    void aNotNullColumnWithoutDefaultOnAnExistingTable() {
        assertEquals(List.of("FCN111 error 1"), step("ALTER TABLE dbo.t ADD b INT NOT NULL;\n", DROP_B));
        assertEquals(List.of(), step("ALTER TABLE dbo.t ADD b INT NOT NULL CONSTRAINT df_t_b DEFAULT 0;\n",
                "ALTER TABLE dbo.t DROP CONSTRAINT df_t_b;\n" + DROP_B));
        assertEquals(List.of(), step("ALTER TABLE dbo.t ADD b INT NULL;\n", DROP_B));
        assertEquals(List.of(), step("""
                CREATE TABLE dbo.fresh (id INT NOT NULL, CONSTRAINT pk_fresh PRIMARY KEY (id));
                ALTER TABLE dbo.fresh ADD b INT NOT NULL;
                """, DROP_FRESH), "a table created in the same file has no rows");
    }

    @Test
    void nullToNotNullOnAnExistingColumn() {
        String a = "ALTER TABLE dbo.t ALTER COLUMN a VARCHAR(50) NULL;\n";
        assertEquals(List.of("FCN112 error 1"), step("ALTER TABLE dbo.t ALTER COLUMN a VARCHAR(50) NOT NULL;\n", a));
        assertEquals(List.of(), step(a, a));
    }

    @Test
    void aCheckOrForeignKeyOnAnExistingTableWithoutNocheck() {
        String dropCheck = "ALTER TABLE dbo.t DROP CONSTRAINT ck_t_a;\n";
        String dropForeignKey = "ALTER TABLE dbo.u DROP CONSTRAINT fk_u_t;\n";
        List<LintFinding> check = findings("ALTER TABLE dbo.t ADD CONSTRAINT ck_t_a CHECK (a <> '');\n", dropCheck);
        assertEquals(List.of("FCN121 warning 1"), codes(check));
        assertTrue(check.get(0).rule().contains("schema-modification (Sch-M) lock"), check.get(0).rule());
        assertEquals(List.of("FCN122 warning 1"),
                step("ALTER TABLE dbo.u ADD CONSTRAINT fk_u_t FOREIGN KEY (t_id) REFERENCES dbo.t (id);\n",
                        dropForeignKey));
        assertEquals(List.of(), step("-- fcn:nocheck\nALTER TABLE dbo.t ADD CONSTRAINT ck_t_a CHECK (a <> '');\n",
                dropCheck));
        assertEquals(List.of(), step("-- fcn:nocheck\n/* a ; /* nested ; */ here */ ALTER TABLE [dbo].[t] ADD "
                + "CONSTRAINT ck_t_a CHECK (a <> ';--');\n", dropCheck), "no split inside comments and literals");
        assertEquals(List.of(), step("-- fcn:nocheck\n"
                + "ALTER TABLE dbo.u ADD CONSTRAINT fk_u_t FOREIGN KEY (t_id) REFERENCES dbo.t (id);\n",
                dropForeignKey));
        assertEquals(List.of(), step("""
                CREATE TABLE dbo.fresh (id INT NOT NULL, CONSTRAINT pk_fresh PRIMARY KEY (id));
                ALTER TABLE dbo.fresh ADD CONSTRAINT ck_fresh_id CHECK (id > 0);
                """, DROP_FRESH));
    }

    @Test
    void anIndexOnAnExistingTableNotMarkedOnline() {
        String drop = "DROP INDEX ix_t_a ON dbo.t;\n";
        assertEquals(List.of("FCN131 warning 1"), step("CREATE INDEX ix_t_a ON dbo.t (a);\n", drop));
        assertEquals(List.of(), step("-- fcn:online\nCREATE INDEX ix_t_a ON dbo.t (a);\n", drop));
        assertEquals(List.of(), step("CREATE INDEX ix_t_a ON dbo.t (a); -- fcn:online\n", drop));
        assertEquals(List.of(), step("""
                CREATE TABLE dbo.fresh (id INT NOT NULL, x INT NULL, CONSTRAINT pk_fresh PRIMARY KEY (id));
                CREATE INDEX ix_fresh_x ON dbo.fresh (x);
                """, DROP_FRESH));
    }

    @Test
    void renamingAColumnTableOrIndex() {
        assertEquals(List.of("FCN141 error 1"), step("EXEC sp_rename 'dbo.t.a', 'b', 'COLUMN';\n",
                "EXEC sp_rename 'dbo.t.b', 'a', 'COLUMN';\n"));
        assertEquals(List.of("FCN141 error 1"), step("EXEC sp_rename 'dbo.u', 'u2';\n",
                "EXEC sp_rename 'dbo.u2', 'u';\n"));
        assertEquals(List.of("FCN141 error 3"), step("""
                -- fcn:online
                CREATE INDEX ix_t_a ON dbo.t (a);
                EXEC sp_rename 'dbo.t.ix_t_a', 'ix_t_a2', 'INDEX';
                """, "DROP INDEX ix_t_a2 ON dbo.t;\n").stream().filter(c -> c.startsWith("FCN141")).toList());
        assertEquals(List.of(), step("ALTER TABLE dbo.t ADD a2 VARCHAR(50) NULL;\n",
                "ALTER TABLE dbo.t DROP COLUMN a2;\n"));
    }

    @Test
    void aColumnUsedInTheBatchThatAddsIt() {
        assertEquals(List.of("FCN151 error 2"), step("ALTER TABLE dbo.t ADD b INT NULL;\nUPDATE dbo.t SET b = id;\n",
                DROP_B));
        assertEquals(List.of(), step("ALTER TABLE dbo.t ADD b INT NULL;\nGO\nUPDATE dbo.t SET b = id;\n", DROP_B));
        assertEquals(List.of(), step("ALTER TABLE dbo.t ADD b INT NULL;\nUPDATE dbo.u SET t_id = id;\n", DROP_B),
                "another table's statement");
    }

    @Test
    void unnamedConstraintsAndDefaults() {
        // An unnamed constraint cannot be dropped by name: the rollback rebuilds the table (t holds no rows here).
        assertEquals(List.of("FCN121 warning 1", "FCN161 error 1"), step("ALTER TABLE dbo.t ADD CHECK (id > 0);\n",
                RECREATE_T));
        assertEquals(List.of("FCN161 error 1"), step("ALTER TABLE dbo.t ADD b INT NOT NULL DEFAULT 0;\n",
                RECREATE_T));
        assertEquals(List.of("FCN161 error 1"),
                step("CREATE TABLE dbo.fresh (id INT NOT NULL PRIMARY KEY);\n", DROP_FRESH));
        assertEquals(List.of(), step("CREATE TABLE dbo.fresh (id INT NOT NULL CONSTRAINT pk_fresh PRIMARY KEY, "
                + "x INT NOT NULL CONSTRAINT df_fresh_x DEFAULT 0, CONSTRAINT uq_fresh_x UNIQUE (x));\n", DROP_FRESH));
    }

    @Test
    void namesWithoutTheProjectsPrefix() {
        assertEquals(List.of("FCN162 error 2"), step("-- fcn:nocheck\n"
                + "ALTER TABLE dbo.t ADD CONSTRAINT t_id_positive CHECK (id > 0);\n",
                "ALTER TABLE dbo.t DROP CONSTRAINT t_id_positive;\n"));
        assertEquals(List.of("FCN162 error 1"),
                step("ALTER TABLE dbo.t ADD b INT NOT NULL CONSTRAINT t_b_zero DEFAULT 0;\n",
                        "ALTER TABLE dbo.t DROP CONSTRAINT t_b_zero;\n" + DROP_B));
        assertEquals(List.of("FCN162 error 2"), step("-- fcn:online\nCREATE INDEX t_a ON dbo.t (a);\n",
                "DROP INDEX t_a ON dbo.t;\n"));
        assertEquals(List.of("FCN162 error 2"),
                step("-- fcn:online\nCREATE UNIQUE INDEX ix_t_a ON dbo.t (a) WHERE a IS NOT NULL;\n",
                        "DROP INDEX ix_t_a ON dbo.t;\n"));
        assertEquals(List.of("FCN162 error 2"), step("-- fcn:online\nCREATE INDEX ux_t_a ON dbo.t (a);\n",
                "DROP INDEX ux_t_a ON dbo.t;\n"));
        assertEquals(List.of(), step("-- fcn:online\nCREATE UNIQUE INDEX ux_t_a ON dbo.t (a) WHERE a IS NOT NULL;\n",
                "DROP INDEX ux_t_a ON dbo.t;\n"));
        assertEquals(List.of("FCN162 error 1"), step("CREATE TABLE dbo.fresh (id INT NOT NULL, "
                + "CONSTRAINT fresh_key PRIMARY KEY (id));\n", DROP_FRESH));
    }

    @Test
    void aStatementLintCannotReadIsAWarningWithItsReason() {
        writeSteps("CREATE CLUSTERED INDEX ix_t_a ON dbo.t (a);\n", "DROP INDEX ix_t_a ON dbo.t;\n");
        List<LintFinding> found = MigrationLint.of(crafted()).run().findings();
        LintFinding statement = found.stream().filter(f -> f.statement() != null).findFirst().orElseThrow();
        assertEquals("FCN190", statement.code());
        assertEquals(Severity.WARNING, statement.severity());
        assertTrue(statement.rule().startsWith("Not analysed: jOOQ's parser cannot read the statement ("),
                statement.rule());
        assertTrue(found.stream().anyMatch(f -> f.statement() == null && f.code().equals("FCN190")
                        && f.file().equals("V20990101_0002__step.sql")),
                "the snapshot interpretation of the file fails too: " + found);
        LintFinding rollback = found.stream().filter(f -> f.file().equals("U20990101_0002__step.sql")).findFirst()
                .orElseThrow(() -> new AssertionError("the rollback's check is not passed silently: " + found));
        assertEquals("FCN190 warning 1", codes(List.of(rollback)).get(0));
        assertTrue(rollback.rule().startsWith("Not analysed: whether this rollback reverses "
                + "V20990101_0002__step.sql is not checked: "), rollback.rule());
        List<LintFinding> fenced = findings("/* [jooq ignore start] */\n"
                + "ALTER TABLE dbo.t REBUILD WITH (DATA_COMPRESSION = PAGE);\n/* [jooq ignore stop] */\n",
                "-- Nothing to undo: a rebuild changes no schema.\n");
        assertEquals(List.of("FCN190 warning 2"), codes(fenced));
        assertTrue(fenced.get(0).rule().contains("[jooq ignore]"));

        writeSteps("ALTER TABLE dbo.t DROP COLUMN nothing_here;\n", "ALTER TABLE dbo.t ADD nothing_here INT NULL;\n");
        List<LintFinding> unapplied = MigrationLint.of(crafted()).run().findings().stream()
                .filter(f -> f.statement() != null).toList();
        assertEquals(List.of("FCN190 warning 1"), codes(unapplied));
        assertTrue(unapplied.get(0).rule().startsWith("Not analysed: jOOQ's DDL interpreter cannot apply the "
                + "statement ("), unapplied.get(0).rule());
        // The same index in the form the parser reads is analysed: no FCN190, only what the statement does.
        assertEquals(List.of("FCN131 warning 1"), step("CREATE INDEX ix_t_a ON dbo.t (a);\n",
                "DROP INDEX ix_t_a ON dbo.t;\n"));
    }

    // --- rollbacks reverse their migration ---

    @Test
    void aRollbackMustReverseItsMigration() {
        String migration = """
                ALTER TABLE dbo.t ADD b INT NULL;
                ALTER TABLE dbo.u DROP CONSTRAINT pk_u;
                """;
        List<LintFinding> forgetsTheColumn = rollbackFindings(migration,
                "ALTER TABLE dbo.u ADD CONSTRAINT pk_u PRIMARY KEY (id);\n");
        assertEquals(List.of("FCN174 error 1"), codes(forgetsTheColumn), forgetsTheColumn::toString);
        assertEquals("After V20990101_0002__step.sql and this rollback the schema is not the one before the "
                + "migration: column t.b is left behind (INT NULL).", forgetsTheColumn.get(0).rule());
        assertEquals("U20990101_0002__step.sql", forgetsTheColumn.get(0).file());
        assertEquals(null, forgetsTheColumn.get(0).statement());

        List<LintFinding> forgetsTheConstraint = rollbackFindings(migration, DROP_B);
        assertEquals(List.of("FCN174 error 1"), codes(forgetsTheConstraint), forgetsTheConstraint::toString);
        assertEquals("After V20990101_0002__step.sql and this rollback the schema is not the one before the "
                + "migration: primary key u.pk_u is not restored ((id)).", forgetsTheConstraint.get(0).rule());

        assertEquals(List.of(), rollbackFindings(migration,
                "ALTER TABLE dbo.u ADD CONSTRAINT pk_u PRIMARY KEY (id);\n" + DROP_B));
        assertFalse(MigrationLint.of(crafted()).run().findings().stream()
                .anyMatch(f -> f.code().equals("FCN174")), "the correct rollback is no finding");
    }

    @Test
    void aRollbackThatChangesAColumnBackWronglyOrCannotBeAppliedIsReported() {
        List<LintFinding> wrongType = rollbackFindings("ALTER TABLE dbo.t ALTER COLUMN a VARCHAR(100) NULL;\n",
                "ALTER TABLE dbo.t ALTER COLUMN a VARCHAR(40) NULL;\n");
        assertEquals("After V20990101_0002__step.sql and this rollback the schema is not the one before the "
                + "migration: column t.a has type VARCHAR(40), before the migration VARCHAR(50).",
                wrongType.get(0).rule());
        List<LintFinding> missing = rollbackFindings("ALTER TABLE dbo.t ADD b INT NULL;\n",
                "ALTER TABLE dbo.t DROP COLUMN nothing_here;\n");
        assertEquals(List.of("FCN190 warning 1"), codes(missing));
        assertTrue(missing.get(0).rule().contains("cannot apply the rollback ("), missing.get(0).rule());
    }

    @Test
    void aRollbackDroppingANamedDefaultDropsItInTheInterpretationAsOnSqlServer() {
        // jOOQ's interpreter keeps no default names: before MigrationInterpreter read such a drop as ALTER COLUMN
        // … DROP DEFAULT, U20251101_0002 seemed to leave the two response defaults behind.
        String migration = "ALTER TABLE dbo.t ADD b INT NULL;\n";
        String rollback = """
                EXEC sp_rename 'dbo.t.b', 'b_old', 'COLUMN';
                ALTER TABLE dbo.t ADD b INT NOT NULL CONSTRAINT df_t_b DEFAULT 0;
                GO
                UPDATE dbo.t SET b = b_old;
                ALTER TABLE dbo.t DROP CONSTRAINT IF EXISTS df_t_b;
                ALTER TABLE dbo.t DROP COLUMN b_old;
                GO
                ALTER TABLE dbo.t DROP COLUMN b;
                """;
        assertEquals(List.of(), rollbackFindings(migration, rollback));
        String keepsB = rollback.replace("GO\nALTER TABLE dbo.t DROP COLUMN b;\n", "");
        assertEquals("After V20990101_0002__step.sql and this rollback the schema is not the one before the "
                + "migration: column t.b is left behind (INT NOT NULL).",
                rollbackFindings(migration, keepsB).get(0).rule(), "the default is dropped");
        assertEquals("After V20990101_0002__step.sql and this rollback the schema is not the one before the "
                + "migration: column t.b is left behind (INT NOT NULL); default t.b is left behind (CONSTRAINT df_t_b "
                + "DEFAULT 0).", rollbackFindings(migration,
                        keepsB.replace("ALTER TABLE dbo.t DROP CONSTRAINT IF EXISTS df_t_b;\n", "")).get(0).rule());
        assertEquals(List.of(), MigrationLint.of(project()).run().findings().stream()
                .filter(f -> f.file().startsWith("U")).toList(), "the released rollbacks reverse their migrations");
    }

    // --- the escape ---

    @Test
    void anAllowWithAReasonSilencesTheCodeOnItsStatement() {
        List<LintFinding> above = findings("-- fcn:allow FCN102 unused since release 4.2, dropped after it\n"
                + "ALTER TABLE dbo.t DROP COLUMN a;\n", ADD_A);
        assertEquals(1, above.size());
        assertTrue(above.get(0).allowed());
        assertTrue(new LintReport(above).passed());
        List<LintFinding> sameLine = findings("ALTER TABLE dbo.t DROP COLUMN a; -- fcn:allow FCN102 unused\n", ADD_A);
        assertTrue(sameLine.get(0).allowed(), sameLine::toString);
        List<LintFinding> sharedLine = findings("ALTER TABLE dbo.t ADD b INT NULL; ALTER TABLE dbo.t DROP COLUMN a; "
                + "-- fcn:allow FCN102 unused\n", ADD_A + DROP_B);
        assertEquals(List.of("FCN102 error 1"), codes(sharedLine), "the allow is not stale for the other statement");
        assertTrue(sharedLine.get(0).allowed());
        List<LintFinding> markerAndAllow = findings("-- fcn:online\n-- fcn:allow FCN162 legacy name kept\n"
                + "CREATE INDEX t_a ON dbo.t (a);\n", "DROP INDEX t_a ON dbo.t;\n");
        assertEquals(List.of("FCN162 error 3"), codes(markerAndAllow));
        assertTrue(markerAndAllow.get(0).allowed());
    }

    @Test
    void anAllowWithoutReasonOrThatDoesNotFireIsAnError() {
        List<LintFinding> noReason = findings("-- fcn:allow FCN102\nALTER TABLE dbo.t DROP COLUMN a;\n", ADD_A);
        assertEquals(List.of("FCN181 error 1", "FCN102 error 2"), codes(noReason));
        assertFalse(noReason.get(1).allowed(), "an allow without reason silences nothing");
        assertEquals(List.of("FCN182 error 1"), step("-- fcn:allow FCN101 nothing is dropped here\n"
                + "ALTER TABLE dbo.t ADD b INT NULL;\n", DROP_B));
        assertEquals(List.of("FCN182 error 1"), step("-- fcn:allow FCN171 not allowable\n"
                + "ALTER TABLE dbo.t ADD b INT NULL;\n", DROP_B));
        assertEquals(List.of("FCN184 error 1"), step("-- fcn:online\nALTER TABLE dbo.t ADD b INT NULL;\n", DROP_B));
        assertEquals(List.of("FCN184 error 1"), step("-- fcn:nocheck\nALTER TABLE dbo.t ADD b INT NULL;\n", DROP_B));
        assertEquals(List.of("FCN184 error 1", "FCN131 warning 2"),
                step("-- fcn:onlnie\nCREATE INDEX ix_t_a ON dbo.t (a);\n", "DROP INDEX ix_t_a ON dbo.t;\n"));
        assertEquals(List.of("FCN182 error 3"), step("ALTER TABLE dbo.t ADD b INT NULL;\n\n-- fcn:allow FCN102 x\n", DROP_B),
                "on no statement");
        assertEquals(List.of("FCN184 error 3"), step("ALTER TABLE dbo.t ADD b INT NULL;\n\n-- fcn:online\n", DROP_B),
                "on no statement");
    }

    @Test
    void theAllowFileSilencesReleasedStatementsAndItsStaleEntriesAreErrors() throws IOException {
        writeSteps("ALTER TABLE dbo.t DROP COLUMN a;\nALTER TABLE dbo.u DROP COLUMN t_id;\n",
                "ALTER TABLE dbo.u ADD t_id INT NULL;\n" + ADD_A);
        Path allow = dir.resolve("lint-allow.txt");
        Files.writeString(allow, """
                # released
                20990101.0002 | FCN102 | ALTER TABLE dbo.t DROP COLUMN a; | unused since 4.2
                20990101.0002 | FCN101 | ALTER TABLE dbo.u DROP COLUMN t_id | no table is dropped: stale
                20990101.0002 | FCN102 | ALTER TABLE dbo.u DROP COLUMN t_id |
                """);
        LintReport report = MigrationLint.of(crafted()).withAllowFile(allow).run();
        List<LintFinding> step = report.findings().stream().filter(f -> f.file().startsWith("V20990101_0002"))
                .toList();
        assertEquals(List.of(true, false), step.stream().map(LintFinding::allowed).toList(), report::toString);
        assertEquals(List.of("FCN183 error 3", "FCN183 error 4"), codes(report.findings().stream()
                .filter(f -> f.file().equals(allow.toString())).toList()));
        assertFalse(report.passed());
    }

    // --- output ---

    @Test
    void theJsonShape() {
        LintReport report = new LintReport(List.of(
                new LintFinding("FCN102", Severity.ERROR, "V1_0001__x.sql", 3, "ALTER TABLE t\n  DROP COLUMN \"c\";",
                        "Dropping column t.c destroys its values.", "Expand and contract.", true),
                new LintFinding("FCN171", Severity.ERROR, "V1_0002__y.sql", 1, null, "No rollback.", "Add one.",
                        false)));
        assertEquals("{\"findings\":[{\"code\":\"FCN102\",\"severity\":\"error\",\"file\":\"V1_0001__x.sql\","
                + "\"line\":3,\"statement\":\"ALTER TABLE t\\n  DROP COLUMN \\\"c\\\";\",\"rule\":\"Dropping column "
                + "t.c destroys its values.\",\"fix\":\"Expand and contract.\",\"allowed\":true},"
                + "{\"code\":\"FCN171\",\"severity\":\"error\",\"file\":\"V1_0002__y.sql\",\"line\":1,"
                + "\"statement\":null,\"rule\":\"No rollback.\",\"fix\":\"Add one.\",\"allowed\":false}]}",
                report.toJson());
        assertEquals("{\"findings\":[]}", new LintReport(List.of()).toJson());
    }

    @Test
    void theJsonOfTheMigrationsParsesWithEveryField() {
        LintReport report = MigrationLint.of(project()).withAllowFile(Path.of("db/lint-allow.txt")).run();
        JsonNode findings = JsonMapper.builder().build().readTree(report.toJson()).get("findings");
        assertEquals(report.findings().size(), findings.size());
        for (JsonNode f : findings) {
            for (String field : List.of("code", "severity", "file", "line", "statement", "rule", "fix", "allowed")) {
                assertTrue(f.has(field), field + " in " + f);
            }
            assertTrue(f.get("code").asString().matches("[A-Z]+[0-9]+"));
            assertTrue(List.of("error", "warning").contains(f.get("severity").asString()));
        }
    }

    @Test
    void docsLintExplainsEveryCode() throws IOException {
        String docs = Files.readString(Path.of("docs/lint.md"));
        for (LintCode code : LintCode.values()) {
            assertTrue(docs.contains("`" + code.code() + "`"), code.code() + " in docs/lint.md");
        }
        // The table of rules lists exactly the rule set, each with its severity.
        List<String> table = docs.lines().filter(l -> l.matches("\\| `[A-Z]+[0-9]+` \\|.*"))
                .map(l -> l.split("\\|")[1].strip().replace("`", "") + " " + l.split("\\|")[2].strip()).toList();
        assertEquals(java.util.Arrays.stream(LintCode.values()).map(c -> c.code() + " " + c.severity().label())
                .toList(), table);
        // The markers' rewriting is built (issue 15, point 3): the page says what runs where.
        assertFalse(docs.contains("not yet built"));
        assertTrue(docs.contains("### What runs where"));
        assertTrue(docs.contains("## The escape: `-- fcn:allow`"));
        assertTrue(docs.contains("## Changing a column's type: expand and contract"));
        assertTrue(docs.contains("## What ONLINE does and costs"));
        assertTrue(docs.substring(docs.indexOf("## What ONLINE does and costs")).contains("argued, not measured"),
                "the online build is Enterprise-only: nothing here measures it");
    }

    // --- helpers ---

    private static ScriptSet project() {
        return new ScriptSet(List.of(), List.of()).withDirectories(Path.of("db/migration"), Path.of("db/rollback"));
    }

    private ScriptSet crafted() {
        return new ScriptSet(List.of(), List.of()).withDirectories(dir, dir);
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The base migration and {@code step} as the next one, each with its rollback. */
    private void writeSteps(String step, String rollback) {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        write("V20990101_0001__base.sql", BASE);
        write("U20990101_0001__base.sql", "DROP TABLE dbo.u;\nDROP TABLE dbo.t;\n");
        write("V20990101_0002__step.sql", step);
        write("U20990101_0002__step.sql", rollback);
    }

    /** The findings of {@code step}'s file, the base migration and both rollbacks being clean. */
    private List<LintFinding> findings(String step, String rollback) {
        writeSteps(step, rollback);
        LintReport report = MigrationLint.of(crafted()).run();
        assertEquals(List.of(), report.findings().stream().filter(f -> !f.file().startsWith("V20990101_0002"))
                .toList(), "the base migration and the rollbacks are clean");
        return report.findings();
    }

    /** The findings of {@code rollback}'s file, the migrations being clean. */
    private List<LintFinding> rollbackFindings(String step, String rollback) {
        writeSteps(step, rollback);
        LintReport report = MigrationLint.of(crafted()).run();
        assertEquals(List.of(), report.findings().stream().filter(f -> !f.file().startsWith("U20990101_0002"))
                .toList(), "the migrations and the base's rollback are clean");
        return report.findings();
    }

    /** {@code code severity line} of each finding of {@code step}'s file. */
    private List<String> step(String step, String rollback) {
        return codes(findings(step, rollback));
    }

    private static List<String> codes(List<LintFinding> findings) {
        List<String> codes = new ArrayList<>();
        findings.forEach(f -> codes.add(f.code() + " " + f.severity().label() + " " + f.line()));
        return codes;
    }
}
