package io.fcn.persistence.drift;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.drift.Finding.Kind;
import io.fcn.persistence.drift.Finding.ObjectType;
import io.fcn.persistence.drift.Finding.Severity;

/** A database newer than the jar: a failure by default, reported only under toleratingNewerDatabase(). */
class NewerDatabasePolicyTest {

    private static final Finding NEWER = new Finding(Severity.ERROR, Kind.UNEXPECTED, ObjectType.MIGRATION,
            "migration 29991231.0001", null, null, Finding.NEWER_THAN_JAR);
    private static final Finding UNKNOWN_OLDER = new Finding(Severity.ERROR, Kind.UNEXPECTED, ObjectType.MIGRATION,
            "migration 20251023.0001", null, null, "applied, unknown to this jar");
    private static final Finding MISSING_COLUMN = new Finding(Severity.ERROR, Kind.MISSING, ObjectType.COLUMN,
            "fcn_trade.termination_date", null, "DATE", null);

    @Test
    void onlyTheNewerMigrationStopsFailing() {
        assertTrue(NEWER.newerThanJar());
        assertFalse(UNKNOWN_OLDER.newerThanJar());
        assertTrue(DriftPolicy.defaults().fails(NEWER), "unchanged default");

        DriftPolicy tolerant = DriftPolicy.defaults().toleratingNewerDatabase();
        assertFalse(tolerant.fails(NEWER));
        assertTrue(tolerant.fails(UNKNOWN_OLDER), "a migration missing from the jar is not a newer database");
        assertTrue(tolerant.fails(MISSING_COLUMN));
        assertFalse(tolerant.failOn(ObjectType.MIGRATION).fails(NEWER), "over any other rule");
        assertTrue(tolerant.failOnWarnings().failOn(ObjectType.MIGRATION).fails(UNKNOWN_OLDER));
    }
}
