package io.fcn.persistence.cli;

import java.util.List;
import java.util.Optional;

import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.format.Json;
import io.fcn.persistence.migration.MigrationEntry;
import io.fcn.persistence.migration.MigrationOperations;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A failed migration first (exit 5), then pending work (exit 3), then drift (exit 4); the drift check itself is
 * {@link MigrationOperations#drift}.
 * With {@code --version V}: drift against V alone, whatever version the database is at (an adoption step).
 */
@Command(name = "check", sortOptions = false,
        customSynopsis = "fcn-db check [--version V] [global options]",
        description = {"Exit 5 when a migration failed, 3 when migrations are pending, 4 on schema drift, else 0.",
            "Drift: the schema differs from the one the migrations define at the database's version.",
            "With --version V: only drift, against the schema of V (exit 4 or 0), whatever version",
            "the database is at, or none (an Alembic-built database before its baseline)."})
final class CheckCommand extends DatabaseCommand {

    @Option(names = "--version", paramLabel = "V", description = "check the structure against version V")
    String version;

    CheckCommand(Session session) {
        super(session);
    }

    @Override
    void checkArguments() {
        UndoOptions.requireVersion(version);
    }

    @Override
    ExitCode run(Database db, MigrationOperations ops) {
        if (version != null) {
            return againstVersion(db, ops);
        }
        ExitCode code = current(db, ops);
        if (!session.json()) {
            // On stdout, with the gate's verdict: its log then shows which database passed (credentials masked).
            session.out.println("Checked: " + db.description());
        }
        return code;
    }

    private ExitCode current(Database db, MigrationOperations ops) {
        MigrationOperations.CheckResult result = ops.check();
        Optional<MigrationOperations.AlembicDatabase> alembic = ops.alembic();
        List<String> pending = result.status().pending().stream().map(MigrationEntry::version).toList();
        List<MigrationEntry> failed = result.status().failed();
        ExitCode code = result.failed() ? ExitCode.FAILED : result.pending() ? ExitCode.PENDING
                : result.drifted() ? ExitCode.DRIFT : ExitCode.OK;
        if (session.json()) {
            ObjectNode o = Session.result("check");
            o.put("database", db.description());
            o.put("result", code.name());
            o.put("currentVersion", result.status().currentVersion());
            var failedRows = o.putArray("failed");
            failed.forEach(m -> failedRows.addObject().put("version", m.version()).put("description",
                    m.description()));
            o.put("stopped", result.stopped().orElse(null));
            pending.forEach(o.putArray("pending")::add);
            o.set("drift", result.drift().map(DriftReport::toJson).map(Json::read).orElse(null));
            InfoCommand.alembic(o, alembic);
            session.print(o);
            return code;
        }
        alembic.ifPresent(a -> session.out.println(InfoCommand.alembicLine(a)));
        String at = result.status().currentVersion() == null ? "(none)" : result.status().currentVersion();
        if (code == ExitCode.FAILED) {
            for (MigrationEntry m : failed) {
                session.out.println("Failed: migration " + m.version() + " (" + m.description() + ") is recorded as"
                        + " failed; the current version is " + at);
            }
            result.stopped().ifPresent(s -> session.out.println("Where it stopped: " + s
                    + "; migrate completes it from there"));
            result.drift().ifPresent(d -> {
                if (d.isEmpty()) {
                    session.out.println("It left nothing beside the schema of " + at);
                } else {
                    session.out.println("What it left, as drift against " + at + ":");
                    session.out.print(d.toText());
                }
            });
            if (result.stopped().isEmpty()) {
                session.out.println("Fix the cause, run repair (it removes the failed row), then migrate; on SQL "
                        + "Server the failed migration was rolled back, on H2 the objects above are what it left");
            }
        } else if (code == ExitCode.PENDING) {
            session.out.println("Pending: " + plural(pending.size(), "migration") + " (" + String.join(", ", pending)
                    + ") above the current version " + at);
            result.stopped().ifPresent(s -> session.out.println("Where it stopped: " + s
                    + "; migrate completes it from there"));
        } else if (code == ExitCode.DRIFT) {
            session.out.print(result.drift().orElseThrow().toText());
        } else {
            session.out.println("Up to date at " + at + (result.drift().isPresent() ? "; no schema drift"
                    : "; schema drift not checked at this version"));
        }
        return code;
    }

    private ExitCode againstVersion(Database db, MigrationOperations ops) {
        DriftReport report = ops.driftAgainst(version);
        ExitCode code = report.hasErrors() ? ExitCode.DRIFT : ExitCode.OK;
        if (session.json()) {
            ObjectNode o = Session.result("check");
            o.put("database", db.description());
            o.put("result", code.name());
            o.put("version", version);
            o.set("drift", Json.read(report.toJson()));
            session.print(o);
        } else if (report.isEmpty()) {
            session.out.println("No schema drift against " + version);
        } else {
            session.out.print(report.toText());
        }
        return code;
    }
}
