package io.fcn.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.drift.DriftCheck;
import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.drift.Finding;
import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.scripts.EmbeddedTranslation;
import io.fcn.persistence.schema.model.SchemaChange;
import io.fcn.persistence.schema.model.SchemaDiff;
import io.fcn.persistence.support.AllEngines;

/**
 * CHECK predicates are compared however each engine's catalog words them: the migrations' own read back equal on
 * every engine (no false "changed", none "not comparable"), and a predicate changed under the same name is changed.
 */
@AllEngines
class CheckPredicatesTest {

    private static final String NOTIONAL = "ck_fcn_trade_notional_positive";

    @Test
    void theMigrationsPredicatesReadBackEqualAndAChangedOneIsChanged(DataSource dataSource, Database database)
            throws SQLException {
        SchemaDiff clean = SchemaDiff.between(ExpectedSchemas.latest(), SchemaReader.live(dataSource).read());
        List<SchemaChange> checks = clean.changes().stream()
                .filter(c -> c.object() == SchemaChange.ObjectType.CHECK).toList();
        assertEquals(List.of(), checks, "every predicate compared, none changed");
        assertEquals(17, ExpectedSchemas.latest().tables().stream().mapToInt(t -> t.checks().size()).sum());
        DriftReport report = DriftCheck.of(dataSource).run();
        assertTrue(report.isEmpty(), report::toText);
        assertEquals(null, report.notCheckable().get("check.expression"), report::toText);

        change(dataSource, database, "ALTER TABLE dbo.fcn_trade DROP CONSTRAINT " + NOTIONAL + ";\n\n"
                + "ALTER TABLE dbo.fcn_trade ADD CONSTRAINT " + NOTIONAL + " CHECK (notional >= 0);");
        try {
            List<SchemaChange> changed = SchemaDiff.between(ExpectedSchemas.latest(),
                    SchemaReader.live(dataSource).read()).differences();
            assertEquals(List.of("CHANGED CHECK fcn_trade." + NOTIONAL + " expression"), changed.stream()
                    .map(c -> c.kind() + " " + c.object() + " " + c.path() + " " + c.property()).toList());
            assertEquals("notional > 0", changed.get(0).fromText());
            DriftReport drift = DriftCheck.of(dataSource).run();
            assertEquals(List.of("CHANGED fcn_trade." + NOTIONAL), drift.findings().stream()
                    .map(f -> f.kind() + " " + f.path()).toList(), drift::toText);
            assertEquals(Finding.Severity.ERROR, drift.findings().get(0).severity());
        } finally {
            change(dataSource, database, "ALTER TABLE dbo.fcn_trade DROP CONSTRAINT " + NOTIONAL + ";\n\n"
                    + "ALTER TABLE dbo.fcn_trade ADD CONSTRAINT " + NOTIONAL + " CHECK (notional > 0);");
        }
        assertTrue(DriftCheck.of(dataSource).run().isEmpty());
    }

    private static void change(DataSource dataSource, Database database, String tsql) throws SQLException {
        String sql = database.family() == EngineFamily.H2 ? EmbeddedTranslation.toH2(tsql) : tsql;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql.split(";\n\n")) {
                s.execute(statement.strip().replaceAll(";$", ""));
            }
        }
    }
}
