package io.fcn.persistence.cli;

import java.util.Optional;

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
        Optional<MigrationOperations.AlembicDatabase> alembic = ops.alembic();
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
            alembic(o, alembic);
            session.print(o);
            return ExitCode.OK;
        }
        alembic.ifPresent(a -> session.out.println(alembicLine(a)));
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

    /** What an Alembic-built database is, and where its owner reads how to adopt it. */
    static String alembicLine(MigrationOperations.AlembicDatabase a) {
        String d = a.describe();
        return Character.toUpperCase(d.charAt(0)) + d.substring(1) + ": migrate and undo refuse until it is "
                + "adopted (check --version V, reconcile, baseline --version V); see "
                + MigrationOperations.ADOPTION_GUIDE;
    }

    /** {@code "alembic": {"revisions": [...], "guide": ...}}, or null for a database Alembic did not build. */
    static void alembic(ObjectNode o, Optional<MigrationOperations.AlembicDatabase> alembic) {
        if (alembic.isEmpty()) {
            o.putNull("alembic");
            return;
        }
        ObjectNode a = o.putObject("alembic");
        alembic.get().revisions().forEach(a.putArray("revisions")::add);
        a.put("guide", MigrationOperations.ADOPTION_GUIDE);
    }
}
