package io.fcn.persistence.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.fcn.persistence.authoring.SchemaPicture;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.schema.model.SchemaModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A picture of the expected schema of a version ({@link SchemaPicture}); needs no database. */
@Command(name = "schema", sortOptions = false,
        customSynopsis = "fcn-db schema [--version V] --format mermaid|markdown [global options]",
        description = {"Print the expected schema of a version as a diagram or a table reference.",
            "V: a migration version of the jar or of --dir, or latest (the default). mermaid: an",
            "erDiagram; markdown: the tables, their columns, keys and indexes. Needs no database."})
final class SchemaCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    HelpOption help;

    @Option(names = "--version", paramLabel = "V", description = "the migration version (default: latest)")
    String version;

    @Option(names = "--format", paramLabel = "mermaid|markdown", required = true,
            description = "mermaid: an erDiagram; markdown: one table per table, then its keys and indexes")
    String format;

    SchemaCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (!List.of("mermaid", "markdown").contains(format)) {
            throw new UsageException("--format must be mermaid or markdown, got " + format);
        }
        if (version != null && !version.equals("latest")) {
            UndoOptions.requireVersion(version);
        }
        session.requireProjectDirectories();
        ScriptSet scripts = session.scripts();
        String v = version == null || version.equals("latest") ? latest(scripts) : version;
        SchemaModel model = ExpectedSchemas.forVersion(scripts, v);
        String picture = format.equals("mermaid") ? SchemaPicture.mermaid(model) : SchemaPicture.markdown(model);
        if (session.json()) {
            session.print(Session.result("schema").put("version", v).put("format", format).put("text", picture));
        } else {
            session.out.print(picture);
        }
        return ExitCode.OK.code();
    }

    static String latest(ScriptSet scripts) {
        List<MigrationScripts.Script> all = scripts.migrations();
        return all.get(all.size() - 1).version();
    }
}
