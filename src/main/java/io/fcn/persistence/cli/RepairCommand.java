package io.fcn.persistence.cli;

import java.util.List;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.migration.MigrationOperations;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;

@Command(name = "repair", sortOptions = false,
        customSynopsis = "fcn-db repair [global options]",
        description = "Remove failed history entries, realign checksums with the scripts.")
final class RepairCommand extends DatabaseCommand {

    RepairCommand(Session session) {
        super(session);
    }

    @Override
    ExitCode run(Database db, MigrationOperations ops) {
        List<String> actions = ops.repair();
        if (session.json()) {
            ObjectNode o = Session.result("repair");
            actions.forEach(o.putArray("actions")::add);
            session.print(o);
        } else {
            session.out.println(actions.isEmpty() ? "Nothing to repair" : "Repaired: " + String.join(", ", actions));
        }
        return ExitCode.OK;
    }
}
