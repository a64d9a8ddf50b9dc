package io.fcn.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.scripts.MigrationScripts.Script;
import io.fcn.persistence.internal.scripts.EmbeddedTranslation;
import io.fcn.persistence.internal.scripts.MigrationScripts;

/**
 * The build's rule for rollbacks: every migration has {@code db/rollback/U<same name>.sql}, unless its first line
 * marks it {@code -- fcn:irreversible <reason>}; every rollback belongs to a migration; every rollback parses.
 */
class RollbackScriptsTest {

    @Test
    void everyMigrationHasARollbackScriptOrIsMarkedIrreversible() {
        Set<String> rollbackNames = MigrationScripts.rollbacks().stream().map(Script::filename)
                .collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (Script migration : MigrationScripts.migrations()) {
            boolean hasRollback = rollbackNames.contains("U" + migration.filename().substring(1));
            if (!hasRollback && migration.irreversibleReason().isEmpty()) {
                missing.add(migration.filename());
            }
        }
        assertEquals(List.of(), missing, "migrations without db/rollback/U… script (or an "
                + MigrationScripts.IRREVERSIBLE_MARKER + " <reason> first line)");
    }

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
