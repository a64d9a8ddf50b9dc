package io.fcn.persistence.cli;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.format.TextTable;
import io.fcn.persistence.migration.MigrationEntry;
import io.fcn.persistence.migration.MigrationOperations;
import io.fcn.persistence.migration.MigrationStatus;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;

@Command(name = "info", sortOptions = false,
        customSynopsis = "fcn-db info [global options]",
        description = {"Show the current version, then every migration.",
            "For each: version, description, type, state, date, checksum, time taken, rollback."})
final class InfoCommand extends DatabaseCommand {

    InfoCommand(Session session) {
        super(session);
    }

    @Override
    ExitCode run(Database db, MigrationOperations ops) {
        MigrationStatus status = ops.info();
        if (session.json()) {
            ObjectNode o = Session.result("info");
            o.put("database", db.description());
            o.put("currentVersion", status.currentVersion());
            ArrayNode rows = o.putArray("migrations");
            for (MigrationEntry m : status.migrations()) {
                rows.addObject()
                        .put("version", m.version())
                        .put("description", m.description())
                        .put("type", m.type())
                        .put("state", m.state())
                        .put("installedOn", m.installedOn() == null ? null : m.installedOn().toString())
                        .put("checksum", m.checksum())
                        .put("executionMillis", m.executionMillis())
                        .put("rollback", m.rollback());
            }
            session.print(o);
            return ExitCode.OK;
        }
        session.out.println("Current version: " + (status.currentVersion() == null ? "(none)"
                : status.currentVersion()));
        TextTable table = new TextTable("VERSION", "DESCRIPTION", "TYPE", "STATE", "INSTALLED ON", "CHECKSUM",
                "TIME", "ROLLBACK");
        for (MigrationEntry m : status.migrations()) {
            table.row(dash(m.version()), m.description(), m.type(), m.state(), dash(m.installedOn()),
                    dash(m.checksum()), m.executionMillis() == null ? "-" : m.executionMillis() + " ms",
                    m.rollback());
        }
        session.out.print(table.render());
        return ExitCode.OK;
    }
}
