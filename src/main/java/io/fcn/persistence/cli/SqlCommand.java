package io.fcn.persistence.cli;

import java.util.List;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.migration.MigrationOperations;
import io.fcn.persistence.migration.ScriptStatements;
import io.fcn.persistence.migration.UndoTarget;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sql", sortOptions = false,
        customSynopsis = {"fcn-db sql [--target V] [global options]",
            "       fcn-db sql --undo (--steps N | --target V | --to-base) [global options]"},
        description = {"Print the statements migrate (or undo) would run, without running them.",
            "T-SQL batches each followed by GO; on the embedded engine, as translated for H2.",
            "Without --undo, --target V: up to and including V."})
final class SqlCommand extends DatabaseCommand {

    @Option(names = "--undo", description = "the rollback statements instead (--target V: down to V)")
    boolean down;

    @Mixin
    UndoOptions undo;

    private UndoTarget undoTarget;

    SqlCommand(Session session) {
        super(session);
    }

    @Override
    void checkArguments() {
        if (down) {
            undoTarget = undo.undoTarget("sql --undo");
        } else if (undo.toBase || undo.steps != null) {
            throw new UsageException("sql takes --steps and --to-base only with --undo");
        } else {
            UndoOptions.requireVersion(undo.target);
        }
    }

    @Override
    ExitCode run(Database db, MigrationOperations ops) {
        List<ScriptStatements> scripts = down ? ops.sqlUndo(undoTarget) : ops.sql(undo.target);
        if (session.json()) {
            ObjectNode o = Session.result("sql");
            o.put("direction", down ? "DOWN" : "UP");
            ArrayNode rows = o.putArray("scripts");
            for (ScriptStatements s : scripts) {
                ObjectNode row = rows.addObject().put("version", s.version()).put("file", s.filename());
                s.statements().forEach(row.putArray("statements")::add);
            }
            session.print(o);
            return ExitCode.OK;
        }
        boolean tsql = db.family() == EngineFamily.SQL_SERVER;
        int statements = 0;
        for (ScriptStatements s : scripts) {
            session.out.println("-- " + s.filename());
            for (String statement : s.statements()) {
                statements++;
                session.out.println(statement.stripTrailing() + (tsql ? "\nGO" : ";"));
            }
        }
        session.err.println("-- " + ops.markerForms());
        session.err.println("-- " + plural(scripts.size(), "script") + ", " + plural(statements, "statement")
                + (tsql ? "" : " (as translated for H2)") + "; nothing was run");
        return ExitCode.OK;
    }
}
