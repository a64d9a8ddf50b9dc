package io.fcn.persistence.cli;

import java.util.List;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.migration.MigrationOperations;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;

@Command(name = "validate", sortOptions = false,
        customSynopsis = "fcn-db validate [global options]",
        description = {"Check that the applied migrations still match their scripts (checksums, names).",
            "Exit 1 when they do not."})
final class ValidateCommand extends DatabaseCommand {

    ValidateCommand(Session session) {
        super(session);
    }

    @Override
    ExitCode run(Database db, MigrationOperations ops) {
        List<String> problems = ops.validate();
        if (session.json()) {
            ObjectNode o = Session.result("validate");
            o.put("valid", problems.isEmpty());
            problems.forEach(o.putArray("problems")::add);
            session.print(o);
        } else if (problems.isEmpty()) {
            session.out.println("Valid: the applied migrations match their scripts");
        } else {
            session.out.println("Invalid:");
            problems.forEach(p -> session.out.println("  " + p));
        }
        return problems.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }
}
