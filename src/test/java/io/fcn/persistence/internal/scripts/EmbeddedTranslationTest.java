package io.fcn.persistence.internal.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The translation's rewrites for what H2 would reject or read differently. */
class EmbeddedTranslationTest {

    private static String h2(String tsql) {
        return EmbeddedTranslation.toH2(tsql).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    @Test
    void anIndexRenameIsQualifiedByTheSchemaAlone() {
        assertEquals("alter index dbo.ix_a rename to ix_b;",
                h2("EXEC sp_rename 'dbo.fcn_trade.ix_a', 'ix_b', 'INDEX'"));
    }

    @Test
    void includedColumnsAreNotAddedToTheKey() {
        assertEquals("create index ix_t_c on dbo.t(c);", h2("CREATE INDEX ix_t_c ON dbo.t (c) INCLUDE (d)"));
    }

    @Test
    void aGeneratedConstraintNameIsDroppedAsH2StoresIt() {
        assertEquals("alter table dbo.t drop constraint \"constraint_8\";",
                h2("ALTER TABLE dbo.t DROP CONSTRAINT constraint_8"));
        assertEquals("\"CONSTRAINT_8\"", EmbeddedTranslation.toH2("ALTER TABLE dbo.t DROP CONSTRAINT constraint_8")
                .replaceAll("(?s).*(\"[^\"]+\").*", "$1"));
    }
}
