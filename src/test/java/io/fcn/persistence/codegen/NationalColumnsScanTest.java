package io.fcn.persistence.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.codegen.NationalColumns.Column;

/** The build's scan of the migrations for NVARCHAR/NCHAR columns, on T-SQL that would trip a naive one. */
class NationalColumnsScanTest {

    private static List<Column> scan(String... scripts) {
        return NationalColumns.scan(List.of(scripts));
    }

    private static Column col(String table, String column, String type) {
        return new Column(table, column, type);
    }

    @Test
    void readsCreateTableWithEveryLengthAndNameSpelling() {
        assertEquals(List.of(
                        col("t", "a", "NVARCHAR(40)"),
                        col("t", "b", "NVARCHAR"),
                        col("t", "c", "NCHAR(3)"),
                        col("t", "d", "NVARCHAR(1)"),
                        col("t", "e", "NCHAR(1)"),
                        col("t", "f", "NVARCHAR(20)"),
                        col("t", "g", "NCHAR(2)"),
                        col("t", "name with space", "NVARCHAR(10)"),
                        col("t", "q", "NVARCHAR(5)")),
                scan("""
                        create table [dbo].[T] (
                            id INT IDENTITY(1,1) NOT NULL,
                            A nvarchar ( 40 ) NOT NULL CONSTRAINT df_t_a DEFAULT N'x, y)',
                            amount DECIMAL(18,4) NOT NULL,
                            b NVarChar(max) NULL,
                            c NCHAR(3) NULL,
                            d NVARCHAR NULL,
                            e NCHAR,
                            f NATIONAL CHARACTER VARYING(20),
                            g NATIONAL CHAR(2),
                            [Name With Space] [nvarchar](10),
                            "Q" NVARCHAR(5),
                            v VARCHAR(100) NOT NULL,
                            ch CHAR(3),
                            total AS (amount * 2),
                            CONSTRAINT pk_t PRIMARY KEY CLUSTERED (id, v),
                            CONSTRAINT ck_t CHECK (v IN ('nvarchar(9)', 'x')),
                            CONSTRAINT fk_t FOREIGN KEY (v) REFERENCES dbo.u (v) ON DELETE CASCADE ON UPDATE NO ACTION
                        );"""));
    }

    @Test
    void ignoresCommentsStringsAndWhatJooqIgnores() {
        assertEquals(List.of(col("t", "real_one", "NVARCHAR(7)")), scan("""
                -- CREATE TABLE dbo.c1 (x NVARCHAR(1));
                /* ALTER TABLE dbo.t ADD c2 NVARCHAR(2);
                   /* nested: */ ALTER TABLE dbo.t ADD c3 NVARCHAR(3);
                */
                CREATE TABLE dbo.t (
                    id INT NOT NULL, -- then: legacy NVARCHAR(1)
                    real_one NVARCHAR(7) /* not VARCHAR */ NULL
                );
                PRINT 'CREATE TABLE dbo.s (x NVARCHAR(4))';
                EXEC('ALTER TABLE dbo.t ADD c4 NVARCHAR(4)');
                /* [jooq ignore start] */
                ALTER TABLE dbo.t ADD c5 NVARCHAR(5);
                /* [jooq ignore stop] */
                CREATE TABLE #scratch (x NVARCHAR(9));
                DECLARE @v TABLE (x NVARCHAR(9));
                """));
    }

    @Test
    void followsAlterTableAcrossBatchesWithoutSemicolons() {
        assertEquals(List.of(
                        col("t", "added", "NVARCHAR(500)"),
                        col("t", "after_fk", "NCHAR(2)"),
                        col("t", "now_national", "NVARCHAR(30)"),
                        col("t", "second", "NVARCHAR")),
                scan("""
                        CREATE TABLE dbo.t (id INT NOT NULL, was_national NVARCHAR(10), now_national VARCHAR(30))
                        GO
                        alter table dbo.t add added NVARCHAR(500) NULL
                        ALTER TABLE dbo.t WITH CHECK ADD CONSTRAINT ck_x CHECK (id > 0), second NVARCHAR(MAX) NULL,
                            CONSTRAINT fk_x FOREIGN KEY (id) REFERENCES dbo.u (id) ON UPDATE CASCADE,
                            after_fk NCHAR(2) NULL
                        ALTER TABLE dbo.t ALTER COLUMN was_national VARCHAR(10) NULL
                        ALTER TABLE dbo.t ALTER COLUMN now_national NVARCHAR(30) NOT NULL
                        UPDATE dbo.t SET added = N'x', second = N'y'
                        """));
    }

    @Test
    void followsRenamesAndDropsInScriptOrder() {
        assertEquals(List.of(
                        col("kept", "body", "NVARCHAR"),
                        col("kept", "renamed", "NVARCHAR(50)")),
                scan("""
                        CREATE TABLE dbo.old_name (body NVARCHAR(MAX) NOT NULL, title NVARCHAR(50) NULL,
                            gone NVARCHAR(9) NULL, also_gone NCHAR(1) NULL);
                        CREATE TABLE dbo.dropped (x NVARCHAR(9));
                        """, """
                        EXEC sp_rename 'dbo.old_name.title', 'renamed', 'COLUMN';
                        EXEC sp_rename N'[dbo].[old_name]', N'kept';
                        ALTER TABLE dbo.kept DROP CONSTRAINT ck_whatever, COLUMN gone, also_gone;
                        DROP TABLE IF EXISTS dbo.dropped;
                        """));
    }

    /** V2's swap of the response columns: renamed away, added again as NVARCHAR(MAX), the old one dropped. */
    @Test
    void aColumnSwappedThroughARenameEndsAsTheAddedOne() {
        assertEquals(List.of(col("k", "snapshot", "NVARCHAR")), scan("""
                CREATE TABLE dbo.k (snapshot NVARCHAR(MAX) NOT NULL);
                EXEC sp_rename 'dbo.k.snapshot', 'snapshot_v1', 'COLUMN';
                ALTER TABLE dbo.k ADD snapshot NVARCHAR(MAX) NULL;
                GO
                UPDATE dbo.k SET snapshot = snapshot_v1;
                ALTER TABLE dbo.k DROP COLUMN snapshot_v1;
                """));
    }

    @Test
    void readsTheFolderInFlywayVersionOrderAndOnlyVersionedMigrations(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("V9__create.sql"), "CREATE TABLE dbo.t (a NVARCHAR(9));");
        // Numerically after V9 (a text sort would put it first and let V9 re-create the column).
        Files.writeString(folder.resolve("V10__retype.sql"), "ALTER TABLE dbo.t ALTER COLUMN a NVARCHAR(10);");
        Files.writeString(folder.resolve("U10__retype.sql"), "ALTER TABLE dbo.t ALTER COLUMN a VARCHAR(9);");
        Files.writeString(folder.resolve("notes.txt"), "CREATE TABLE dbo.x (b NVARCHAR(1));");
        assertEquals(List.of(col("t", "a", "NVARCHAR(10)")), NationalColumns.scan(folder));
        assertEquals(List.of(BigInteger.valueOf(20251022), BigInteger.ONE),
                NationalColumns.version("V20251022_0001__initial_core_schema.sql"));
        assertNull(NationalColumns.version("R__views.sql"));
    }

    @Test
    void writesOneForcedTypePerTypeMatchingItsColumnsOnly() {
        String xml = NationalColumns.forcedTypes(List.of(col("t", "a", "NVARCHAR(40)"), col("t", "b", "NVARCHAR"),
                col("u", "c", "NVARCHAR(40)"), col("t", "we$ird", "NCHAR(2)")));
        assertTrue(xml.contains("<name>NVARCHAR(40)</name>\n          <includeExpression>(?i:(.*\\.)?(t\\.a|u\\.c))"
                + "</includeExpression>"), xml);
        assertTrue(xml.contains("<name>NVARCHAR</name>\n          <includeExpression>(?i:(.*\\.)?(t\\.b))"), xml);
        assertTrue(xml.contains("<name>NCHAR(2)</name>\n          <includeExpression>(?i:(.*\\.)?(t\\.we\\$ird))"),
                xml);
        Pattern nvarchar40 = Pattern.compile("(?i:(.*\\.)?(t\\.a|u\\.c))");
        assertTrue(nvarchar40.matcher("DBO.T.A").matches());
        assertTrue(nvarchar40.matcher("u.c").matches());
        assertTrue(!nvarchar40.matcher("t.ab").matches() && !nvarchar40.matcher("xt.a").matches());
        // No national column: no forced type at all (an empty expression would match every column).
        assertTrue(!NationalColumns.forcedTypes(List.of()).contains("forcedType"));
    }
}
