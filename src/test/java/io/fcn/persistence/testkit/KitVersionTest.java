package io.fcn.persistence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.schema.model.TableModel;

/** {@code version} stops the migrations there: the first revision has none of V2's columns. */
@FcnDatabaseTest(version = "20251022.0001")
class KitVersionTest {

    @Test
    void theDatabaseIsAtTheNamedVersion(DataSource dataSource) {
        assertEquals("20251022.0001", FcnMigrations.flyway(dataSource).info().current().getVersion().getVersion());
        assertTrue(FcnMigrations.flyway(dataSource).info().pending().length > 0);
    }

    @Test
    void itLacksTheSecondRevisionsColumns(DataSource dataSource) {
        SchemaModel live = SchemaReader.live(dataSource).read();
        TableModel trade = live.table("fcn_trade").orElseThrow();
        TableModel template = live.table("fcn_template").orElseThrow();
        assertTrue(trade.column("notional").isPresent());
        assertFalse(trade.column("version").isPresent());
        assertFalse(trade.column("termination_date").isPresent());
        assertFalse(template.column("deprecated_at").isPresent());
        assertFalse(live.table("fcn_idempotency_key").orElseThrow().column("lock_token").isPresent());
    }

    @Test
    void anUnknownVersionIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KitDatabase.checkedVersion("20990101.0001"));
        assertTrue(e.getMessage().contains("20251022.0001"), e.getMessage());
        assertEquals(MigrationScripts.latestVersion(), KitDatabase.checkedVersion(MigrationScripts.latestVersion()));
        assertEquals("", KitDatabase.checkedVersion(""));
    }
}
