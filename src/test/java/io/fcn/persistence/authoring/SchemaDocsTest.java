package io.fcn.persistence.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.schema.ExpectedSchemas;

/**
 * docs/schema.md is the latest version's picture: this test fails when a migration changed the schema and the page
 * was not regenerated. {@code -Dfcn.updateDocs=true} rewrites the page instead of comparing.
 */
class SchemaDocsTest {

    private static final Path PAGE = Path.of("docs/schema.md");

    @Test
    void docsSchemaMdIsTheLatestVersionsPicture() throws IOException {
        String version = MigrationScripts.latestVersion();
        String generated = SchemaPicture.document(ExpectedSchemas.forVersion(version), version);
        if (Boolean.getBoolean("fcn.updateDocs")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        String onDisk = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        assertEquals(generated, onDisk, PAGE + " is stale (not the expected schema of " + version + "); regenerate"
                + " it with: ./mvnw -B -o test -Dtest=SchemaDocsTest -Dfcn.updateDocs=true");
    }
}
