package io.fcn.persistence.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.support.AllEngines;

/** docs/drift.md's code, held equal to it by DocumentationSnippetsTest. */
@AllEngines(migrated = false)
class DriftDocsExampleTest {

    @Test
    void aMigratedDatabaseChecksClean(DataSource dataSource) {
        FcnMigrations.migrate(dataSource);
        // snippet: drift-check
        DriftReport report = DriftCheck.of(dataSource).againstLatest().run();   // or .againstVersion("20251022.0001")
        String text = report.toText();   // a table for people; report.toJson() for machines; stable order
        DriftCheck.of(dataSource).assertClean();   // throws SchemaDriftException (with the text report) when it fails
        // end snippet
        assertEquals(0, report.errors(), text);
        assertTrue(report.toJson().startsWith("{"), report.toJson());
    }
}
