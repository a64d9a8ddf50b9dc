package io.fcn.persistence.internal.scripts;

import java.io.Reader;
import java.io.StringReader;

import org.flywaydb.core.api.resource.LoadableResource;

/** A script's text served to Flyway from memory (the classpath copy, translated for H2 where needed). */
public final class ScriptResource extends LoadableResource {
    private final String filename;
    private final String text;

    public ScriptResource(String filename, String text) {
        this.filename = filename;
        this.text = text;
    }

    @Override
    public Reader read() {
        return new StringReader(text);
    }

    @Override
    public String getAbsolutePath() {
        return MigrationScripts.MIGRATION_FOLDER + "/" + filename;
    }

    @Override
    public String getAbsolutePathOnDisk() {
        return getAbsolutePath();
    }

    @Override
    public String getFilename() {
        return filename;
    }

    @Override
    public String getRelativePath() {
        return filename;
    }
}
