package io.fcn.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.snapshot.MigrationInterpreter;
import io.fcn.persistence.internal.snapshot.SchemaJson;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.exceptions.MisuseException;

/** The snapshots the build ships are what the migration files give now. No database: runs once, not per engine. */
class ShippedSnapshotsTest {

    @Test
    void theShippedSnapshotsAreWhatTheMigrationFilesGiveNow() {
        List<MigrationScripts.Script> migrations = MigrationScripts.migrations();
        for (String version : ExpectedSchemas.versions()) {
            assertTrue(ExpectedSchemas.hasSnapshot(version), "the build shipped no snapshot of " + version);
            SchemaModel derived = MigrationInterpreter.expectedAt(migrations, version);
            assertEquals(derived, ExpectedSchemas.forVersion(version), version);
            assertEquals(derived, SchemaJson.read(SchemaJson.write(derived)));
        }
        // Before V20251101_0002 the template has no version column, so only the two timestamps have defaults.
        assertEquals(2, ExpectedSchemas.forVersion("20251022.0001").tables().stream()
                .filter(t -> t.name().equals("fcn_template")).findFirst().orElseThrow().defaults().size());
        assertThrows(MisuseException.class, () -> ExpectedSchemas.forVersion("20990101.0001"));
    }
}
