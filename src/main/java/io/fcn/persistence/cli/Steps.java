package io.fcn.persistence.cli;

import java.util.List;

import io.fcn.persistence.migration.MigrationOperations;
import io.fcn.persistence.migration.StepResult;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What migrate and undo print: one line per step, then where the database is now. */
final class Steps {

    private Steps() {
    }

    static ExitCode print(Session session, String command, String verb, String done, List<StepResult> steps,
            MigrationOperations ops, long start) {
        String current = ops.info().currentVersion();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (session.json()) {
            ObjectNode o = Session.result(command);
            ArrayNode rows = o.putArray("steps");
            for (StepResult s : steps) {
                rows.addObject()
                        .put("direction", s.direction().name())
                        .put("version", s.version())
                        .put("description", s.description())
                        .put("millis", s.millis());
            }
            o.put("currentVersion", current);
            o.put("millis", millis);
            session.print(o);
            return ExitCode.OK;
        }
        for (StepResult s : steps) {
            session.out.println(verb + " " + s.version() + " " + s.description() + " (" + s.millis() + " ms)");
        }
        String at = current == null ? "no version (empty history)" : current;
        session.out.println(steps.isEmpty() ? "Nothing to do: at " + at + " (" + millis + " ms)"
                : DatabaseCommand.plural(steps.size(), "migration") + " " + done + ", now at " + at + " ("
                        + millis + " ms)");
        return ExitCode.OK;
    }
}
