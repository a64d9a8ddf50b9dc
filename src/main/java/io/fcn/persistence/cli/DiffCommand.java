package io.fcn.persistence.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.fcn.persistence.authoring.DiffRenderer;
import io.fcn.persistence.authoring.Reconcile;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.format.Json;
import io.fcn.persistence.internal.scripts.ScriptSet;
import io.fcn.persistence.schema.ExpectedSchemas;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.schema.model.SchemaDiff;
import io.fcn.persistence.schema.model.SchemaModel;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@link SchemaDiff} between two sides, each a migration version (of the jar plus {@code --dir}), {@code latest},
 * or a database; rendered by {@link DiffRenderer}. A side not named is the database of the command, as
 * {@code --url} (else {@code DATABASE_URL}, else the embedded database) names it for every command.
 */
@Command(name = "diff", sortOptions = false,
        customSynopsis = {"fcn-db diff [--from A | --from-url U] [--to B | --to-url U] [--format text|markdown] "
                + "[--exit-code] [global options]",
            "fcn-db diff [--from-url U] --to V --sql [--drop-extra] [--exit-code] [global options]"},
        description = {"Show what differs from one schema to another: added, removed, changed, with both sides.",
            "A side is a migration version (of the jar, or of --dir), latest, or a database (--from-url,",
            "--to-url, with --user and --password-file); a side not given is the database of the command",
            "(--url, else DATABASE_URL, else the embedded database). Exit 0 whether or not they differ;",
            "with --exit-code, 1 when they differ. Properties one side cannot show are \"not comparable\"",
            "(CHECK predicates are compared however each engine words them, as check does).",
            "--sql: print on stdout only the T-SQL script that brings the database (the",
            "from side) to the expected schema of version V, keeping its data, for the",
            "engine of the connection; notes are SQL comments, anything else goes to",
            "stderr. Extra indexes, columns and tables are kept and listed unless",
            "--drop-extra. It only reads the database: review the script, run it, then",
            "baseline --version V."})
final class DiffCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    HelpOption help;

    @Option(names = "--from", paramLabel = "A", description = "a migration version or latest")
    String from;

    @Option(names = "--from-url", paramLabel = "U", description = "a database URL as the from side")
    String fromUrl;

    @Option(names = "--to", paramLabel = "B", description = "a migration version or latest")
    String to;

    @Option(names = "--to-url", paramLabel = "U", description = "a database URL as the to side")
    String toUrl;

    @Option(names = "--format", paramLabel = "text|markdown", description = "text (default) or markdown")
    String format = "text";

    @Option(names = "--exit-code", description = "exit 1 when the sides differ (as git diff --exit-code); with "
            + "--sql, when the script has a statement")
    boolean exitCode;

    @Option(names = "--sql", description = "the reconcile script from the database to version --to, on stdout")
    boolean sql;

    @Option(names = "--drop-extra", description = "with --sql: drop the indexes, columns and tables version --to "
            + "does not have (their data goes); else kept and listed as comments")
    boolean dropExtra;

    DiffCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (!List.of("text", "markdown").contains(format)) {
            throw new UsageException("--format must be text or markdown, got " + format);
        }
        if (session.json() && !format.equals("text")) {
            throw new UsageException("--json and --format " + format + " exclude each other");
        }
        // An unparsable version is bad usage (exit 2), as everywhere, before connecting.
        for (String v : new String[] {from, to}) {
            if (v != null && !v.equals("latest")) {
                UndoOptions.requireVersion(v);
            }
        }
        if (from != null && fromUrl != null) {
            throw new UsageException("diff takes one of --from and --from-url");
        }
        if (to != null && toUrl != null) {
            throw new UsageException("diff takes one of --to and --to-url");
        }
        boolean fromGiven = from != null || fromUrl != null;
        boolean toGiven = to != null || toUrl != null;
        if (!fromGiven && !toGiven) {
            throw new UsageException("diff needs --from or --to (a side not given is the database of the command)");
        }
        if (fromGiven && toGiven && (session.global.url != null || session.global.embedded != null)) {
            throw new UsageException((session.global.url != null ? "--url" : "--embedded")
                    + " names the side not given, and diff got both (use --from-url or --to-url)");
        }
        if (dropExtra && !sql) {
            throw new UsageException("--drop-extra goes with --sql");
        }
        session.requireProjectDirectories();
        if (sql) {
            return reconcile();
        }
        ScriptSet scripts = session.scripts();
        SchemaModel a = model(scripts, from, fromUrl, fromGiven);
        SchemaModel b = model(scripts, to, toUrl, toGiven);
        SchemaDiff diff = SchemaDiff.between(a, b);
        if (session.json()) {
            ObjectNode o = Session.result("diff");
            o.put("different", !diff.isEmpty());
            o.setAll((ObjectNode) Json.read(DiffRenderer.json(diff)));
            session.print(o);
        } else {
            session.out.print(format.equals("markdown") ? DiffRenderer.markdown(diff) : DiffRenderer.text(diff));
        }
        return (exitCode && !diff.isEmpty() ? ExitCode.FAILURE : ExitCode.OK).code();
    }

    /** {@link Reconcile}: the script alone on stdout, so that {@code > reconcile.sql} holds T-SQL and nothing else. */
    private int reconcile() {
        if (from != null) {
            throw new UsageException("diff --sql reconciles a database to a version: the from side is --from-url U "
                    + "or the database of the command, not --from " + from);
        }
        if (to == null) {
            throw new UsageException("diff --sql needs --to V (a migration version or latest)");
        }
        if (session.json() || !format.equals("text")) {
            throw new UsageException("--sql prints T-SQL: not with " + (session.json() ? "--json" : "--format"));
        }
        Reconcile.Result r;
        try (Database db = fromUrl != null ? session.open(fromUrl) : session.open()) {
            Reconcile reconcile = Reconcile.from(db.dataSource()).dropExtra(dropExtra);
            if (!to.equals("latest")) {
                reconcile.toVersion(to);
            }
            if (session.global.dir != null) {
                reconcile.withProjectDirectories(session.migrationDir(null), session.rollbackDir(null));
            }
            r = reconcile.run();
        }
        session.out.print(r.script());
        session.err.println(r.isEmpty() ? "Nothing to reconcile: the database has the structure of version "
                + r.version()
                : "Reconcile script to version " + r.version() + " for " + r.target().label() + ": "
                        + DatabaseCommand.plural(r.statements().statements().size(), "statement")
                        + " on stdout; review it, run it, then baseline --version " + r.version());
        if (!r.kept().isEmpty()) {
            session.err.println("Kept (not in version " + r.version() + "; --drop-extra drops them): "
                    + String.join(", ", r.kept()));
        }
        return (exitCode && !r.isEmpty() ? ExitCode.FAILURE : ExitCode.OK).code();
    }

    /** A version's expected schema, or a database's live one (labelled with the database, credentials masked). */
    private SchemaModel model(ScriptSet scripts, String version, String url, boolean given) {
        if (version != null) {
            String v = version.equals("latest") ? SchemaCommand.latest(scripts) : version;
            return ExpectedSchemas.forVersion(scripts, v);
        }
        try (Database db = given ? session.open(url) : session.open()) {
            SchemaModel live = SchemaReader.live(db.dataSource()).read();
            return new SchemaModel(db.description(), live.tables());
        }
    }
}
