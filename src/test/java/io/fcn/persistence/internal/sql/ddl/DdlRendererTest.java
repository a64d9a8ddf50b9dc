package io.fcn.persistence.internal.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fcn.persistence.internal.guard.TsqlGuard;
import io.fcn.persistence.internal.scripts.EmbeddedTranslation;
import io.fcn.persistence.schema.model.SchemaDiff;

/**
 * Golden SQL of every kind of change (DdlCases), per target: {@code src/test/resources/ddl/<target>.sql} holds each
 * case's migration and rollback, reviewed by hand. What differs between targets is only what a target cannot run.
 */
class DdlRendererTest {

    @ParameterizedTest
    @EnumSource(TsqlTarget.class)
    void everyKindOfChangeRendersItsGoldenSql(TsqlTarget target) throws IOException {
        assertEquals(golden(target), DdlPrint.golden(target));
    }

    @Test
    void sqlServerAltersInPlaceWhereThePortableScriptSwapsTheColumn() {
        DdlCases.Case c = DdlCases.CASES.get("column length and nullability changed");
        DdlScript sqlServer = DdlRenderer.render(DdlCases.base(), DdlCases.after(c),
                DdlRenderer.Options.migration(TsqlTarget.SQL_SERVER));
        DdlScript portable = DdlRenderer.render(DdlCases.base(), DdlCases.after(c),
                DdlRenderer.Options.migration(TsqlTarget.PORTABLE));
        assertEquals(List.of("DROP INDEX ix_fcn_a_label ON dbo.fcn_a",
                "ALTER TABLE dbo.fcn_a ALTER COLUMN label NVARCHAR(200) NULL",
                "ALTER TABLE dbo.fcn_b ALTER COLUMN note VARCHAR(50) NOT NULL",
                "CREATE INDEX ix_fcn_a_label ON dbo.fcn_a (label)"), sqlServer.sql());
        assertTrue(portable.sql().contains("EXEC sp_rename 'dbo.fcn_a.label', 'label_swap', 'COLUMN'"),
                portable::body);
        assertTrue(portable.sql().stream().noneMatch(s -> s.contains("ALTER COLUMN label")), portable::body);
    }

    @Test
    void aScriptOnSqlServerRenamesConstraintsInPlaceAndAMigrationDoesNot() {
        var from = DdlCases.base();
        var to = DdlCases.after("""
                ALTER TABLE dbo.fcn_b DROP CONSTRAINT fk_fcn_b_a;
                ALTER TABLE dbo.fcn_b DROP CONSTRAINT pk_fcn_b;
                ALTER TABLE dbo.fcn_b ADD CONSTRAINT pk_fcn_b_id PRIMARY KEY CLUSTERED (id);
                ALTER TABLE dbo.fcn_b ADD CONSTRAINT fk_fcn_b_a FOREIGN KEY (a_code) REFERENCES dbo.fcn_a (code);
                """);
        assertEquals(List.of("EXEC sp_rename 'dbo.pk_fcn_b', 'pk_fcn_b_id', 'OBJECT'"),
                DdlRenderer.render(from, to, DdlRenderer.Options.script(TsqlTarget.SQL_SERVER)).sql());
        assertEquals(List.of("ALTER TABLE dbo.fcn_b DROP CONSTRAINT pk_fcn_b",
                "ALTER TABLE dbo.fcn_b ADD CONSTRAINT pk_fcn_b_id PRIMARY KEY CLUSTERED (id)"),
                DdlRenderer.render(from, to, DdlRenderer.Options.script(TsqlTarget.BABELFISH)).sql());
    }

    @Test
    void nothingToChangeRendersNothing() {
        assertTrue(DdlRenderer.render(DdlCases.base(), DdlCases.base(),
                DdlRenderer.Options.migration(TsqlTarget.PORTABLE)).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = TsqlTarget.class, names = {"PORTABLE", "SQL_SERVER"})
    void everyMigrationIsT_SqlThatJooqsParserAndTheEmbeddedTranslationRead(TsqlTarget target) {
        DdlCases.CASES.forEach((name, c) -> {
            DdlScript s = DdlRenderer.render(DdlCases.base(), DdlCases.after(c), c.renames(),
                    DdlRenderer.Options.migration(target));
            for (String sql : s.sql()) {
                if (!sql.startsWith("--")) {
                    assertEquals(List.of(), TsqlGuard.violations(sql), name + ": " + sql);
                }
            }
            EmbeddedTranslation.toH2(s.body());
        });
    }

    @Test
    void aRenameHintNamingAMissingObjectIsATypedError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Renames.parse(List.of("fcn_a.nope=other"), DdlCases.base()));
        assertEquals("rename hint 'fcn_a.nope=other': table fcn_a has no column or index nope", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Renames.parse(List.of("fcn_x=fcn_y"), DdlCases.base()));
        Renames r = Renames.parse(List.of("fcn_a.label=title", "fcn_a.ix_fcn_a_label=ix_fcn_a_title", "fcn_b=fcn_item"),
                DdlCases.base());
        assertEquals(DdlCases.CASES.get("renames").renames(), r);
        assertTrue(SchemaDiff.between(r.apply(DdlCases.base()), DdlCases.after(DdlCases.CASES.get("renames")))
                .isEmpty());
    }

    private static String golden(TsqlTarget target) throws IOException {
        try (InputStream in = DdlRendererTest.class.getResourceAsStream("/ddl/" + target.name().toLowerCase(
                java.util.Locale.ROOT) + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
