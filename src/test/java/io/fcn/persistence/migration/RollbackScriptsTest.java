package io.fcn.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.scripts.MigrationScripts.Script;
import io.fcn.persistence.internal.scripts.EmbeddedTranslation;
import io.fcn.persistence.internal.scripts.MigrationScripts;

/**
 * Rollback scripts: every rollback belongs to a migration and parses and translates for the embedded engine. The
 * rule that every migration has {@code db/rollback/U<same name>.sql} or a first line {@code -- fcn:irreversible
 * <reason>} is lint's ({@code FCN171}, {@code MigrationLintTest}).
 */
class RollbackScriptsTest {

    @Test
    void everyRollbackBelongsToAMigrationOfTheSameName() {
        Set<String> migrationNames = MigrationScripts.migrations().stream().map(Script::filename)
                .collect(Collectors.toSet());
        assertFalse(MigrationScripts.rollbacks().isEmpty());
        for (Script rollback : MigrationScripts.rollbacks()) {
            assertTrue(migrationNames.contains("V" + rollback.filename().substring(1)),
                    rollback.filename() + " has no migration of the same name");
        }
    }

    @Test
    void everyRollbackParsesAndTranslatesForTheEmbeddedEngine() {
        for (Script rollback : MigrationScripts.rollbacks()) {
            String h2 = EmbeddedTranslation.toH2(rollback.text());
            assertFalse(h2.isBlank(), rollback.filename());
        }
    }

    @Test
    void theIrreversibleMarkerIsReadFromTheFirstLineOnly() {
        assertEquals("drops a column of data", new Script("V1_0001__x.sql", "1.0001", "x",
                "-- fcn:irreversible drops a column of data\nALTER TABLE t DROP COLUMN c;\n")
                .irreversibleReason().orElseThrow());
        assertTrue(new Script("V1_0001__x.sql", "1.0001", "x", "-- x\n-- fcn:irreversible no\n")
                .irreversibleReason().isEmpty());
    }

    @Test
    void droppingANamedDefaultBecomesDropDefaultOfItsColumnOnH2() {
        assertEquals("alter table DBO.FCN_TRADE alter column VERSION drop default",
                EmbeddedTranslation.withoutNamedDefault("alter table DBO.FCN_TRADE drop constraint DF_FCN_TRADE_VERSION"));
        assertEquals("alter table DBO.T drop constraint if exists DF_OTHER",
                EmbeddedTranslation.withoutNamedDefault("alter table DBO.T drop constraint DF_OTHER"));
        assertEquals("alter table DBO.T drop constraint CK_X",
                EmbeddedTranslation.withoutNamedDefault("alter table DBO.T drop constraint CK_X"));
    }
}
