package io.fcn.persistence.internal.scripts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.database.base.BaseDatabaseType;
import org.flywaydb.core.internal.database.h2.H2DatabaseType;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.sqlscript.SqlStatement;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.sqlserver.SQLServerDatabaseType;

import io.fcn.persistence.internal.engine.EngineFamily;

/**
 * Splits a script into statements exactly as Flyway does when it migrates, by Flyway's own parser for the engine
 * (SQL Server's splits at {@code GO} and {@code ;}). The parser is Flyway's internal API (stable across 10–12):
 * {@code sql} and {@code undo} must agree with what {@code migrate} runs, so no second splitter is written here.
 */
public final class FlywayStatements {

    private FlywayStatements() {
    }

    public static List<String> split(String filename, String text, EngineFamily family) {
        return batches(filename, text, family).stream().map(Batch::sql).toList();
    }

    /** One statement as Flyway sends it (on SQL Server a whole batch up to {@code GO}), with its first code line. */
    public record Batch(int line, String sql) {
    }

    public static List<Batch> batches(String filename, String text, EngineFamily family) {
        BaseDatabaseType type = family == EngineFamily.H2 ? new H2DatabaseType() : new SQLServerDatabaseType();
        FluentConfiguration configuration = new FluentConfiguration(FlywayStatements.class.getClassLoader());
        List<Batch> statements = new ArrayList<>();
        try (SqlStatementIterator it = type.createParser(configuration, NO_RESOURCES, new ParsingContext())
                .parse(new ScriptResource(filename, text))) {
            while (it.hasNext()) {
                SqlStatement statement = it.next();
                statements.add(new Batch(statement.getLineNumber(), statement.getSql()));
            }
        }
        return List.copyOf(statements);
    }

    private static final ResourceProvider NO_RESOURCES = new ResourceProvider() {
        @Override
        public LoadableResource getResource(String name) {
            return null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return List.of();
        }
    };
}
