package io.fcn.persistence.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.authoring.DiffRenderer;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.schema.model.SchemaChange;
import io.fcn.persistence.schema.model.SchemaDiff;
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

    /** Run from the project's root (as Maven does), where db/migration and db/rollback are the jar's own files. */
    @Test
    void theDiffOfTwoVersionsAndADirectoryCheck(DataSource dataSource) {
        FcnMigrations.migrate(dataSource);
        // snippet: schema-diff
        SchemaDiff diff = SchemaDiff.between(ExpectedSchemas.forVersion("20251101.0002"), ExpectedSchemas.latest());
        String review = DiffRenderer.markdown(diff);   // what V20261124_0003 adds, for a pull request
        DriftReport drift = DriftCheck.of(dataSource)
                .withProjectDirectories(Path.of("db/migration"), Path.of("db/rollback")).run();
        // end snippet
        assertTrue(review.contains("ix_fcn_trade_status_id"), review);
        assertTrue(diff.changes().stream().allMatch(c -> c.kind() == SchemaChange.Kind.ADDED), review);
        assertEquals(0, drift.errors(), drift.toText());
    }
}
