package io.fcn.examples.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.drift.SchemaDriftException;
import io.fcn.persistence.testkit.FcnDatabaseTest;

/** A database one release behind: start-up refuses it until migrated, then starts. */
@FcnDatabaseTest(version = "20251022.0001")
class SchemaStartupTest {

    @Test
    void startUpMigratesAnOldDatabaseAndThenFindsNoDrift(DataSource dataSource) {
        SchemaDriftException drift = assertThrows(SchemaDriftException.class,
                () -> SchemaStartup.requireNoDrift(dataSource));
        assertTrue(drift.getMessage().contains("fcn_trade.version"), drift.getMessage());

        assertEquals(2, SchemaStartup.migrateAndCheck(dataSource));
        SchemaStartup.requireNoDrift(dataSource);
    }
}
