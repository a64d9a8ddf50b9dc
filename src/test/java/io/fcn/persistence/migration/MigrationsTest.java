package io.fcn.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.internal.scripts.MigrationScripts;

@AllEngines(migrated = false)
class MigrationsTest {

    @Test
    void bothMigrationsApplyAndValidateInTheirOwnHistoryTable(DataSource dataSource) {
        var result = FcnMigrations.migrate(dataSource);
        assertEquals(MigrationScripts.migrations().size(), result.migrationsExecuted);

        Flyway flyway = FcnMigrations.flyway(dataSource);
        flyway.validate();
        MigrationInfo[] applied = flyway.info().applied();
        assertEquals(List.of("20251022.0001", "20251101.0002"),
                Arrays.stream(applied).map(m -> m.getVersion().getVersion()).toList().subList(0, 2));
        assertTrue(Arrays.stream(applied).allMatch(m -> m.getState() == MigrationState.SUCCESS));
        assertEquals(MigrationScripts.latestVersion(), flyway.info().current().getVersion().getVersion());

        DSLContext dsl = DSL.using(dataSource, org.jooq.SQLDialect.DEFAULT);
        int rows = dsl.fetchCount(DSL.table(DSL.name(FcnMigrations.SCHEMA, FcnMigrations.HISTORY_TABLE)),
                DSL.field(DSL.name("type")).eq("SQL"));
        assertEquals(MigrationScripts.migrations().size(), rows);
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second migrate has nothing to do");
    }

    @Test
    void migrateStopsAtTheTargetVersion(DataSource dataSource) {
        FcnMigrations.migrate(dataSource, "20251022.0001");
        Flyway flyway = FcnMigrations.flyway(dataSource);
        assertEquals("20251022.0001", flyway.info().current().getVersion().getVersion());
        assertTrue(flyway.info().pending().length >= 1);
    }
}
