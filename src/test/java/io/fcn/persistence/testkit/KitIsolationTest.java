package io.fcn.persistence.testkit;

import static io.fcn.persistence.jooq.Tables.FCN_IDEMPOTENCY_KEY;
import static io.fcn.persistence.jooq.Tables.FCN_LIFECYCLE_EVENT;
import static io.fcn.persistence.jooq.Tables.FCN_OBSERVATION;
import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;
import static io.fcn.persistence.jooq.Tables.FCN_TRADE;
import static io.fcn.persistence.testkit.FcnTestData.aClaim;
import static io.fcn.persistence.testkit.FcnTestData.aTemplate;
import static io.fcn.persistence.testkit.FcnTestData.aTrade;
import static io.fcn.persistence.testkit.FcnTestData.anEvent;
import static io.fcn.persistence.testkit.FcnTestData.anObservation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.internal.database.Database;

/**
 * Every test starts from an empty database, whatever ran before it: each asserts emptiness, then writes to every
 * table. Run in random order, so a leak from any test into another fails one of them.
 */
@FcnDatabaseTest
@TestMethodOrder(MethodOrderer.Random.class)
class KitIsolationTest {

    private static final AtomicReference<DSLContext> FIRST_DSL = new AtomicReference<>();

    @Test
    void writesTemplatesAndTrades(FcnPersistence fcn, DSLContext dsl, FcnTestClock clock) {
        assertEmptyAndFresh(dsl, clock);
        aTrade().book(fcn);
        aTemplate().draft().create(fcn);
        clock.advance(Duration.ofDays(3));
        assertEquals(2, dsl.fetchCount(FCN_TEMPLATE));
    }

    @Test
    void writesObservationsAndEvents(FcnPersistence fcn, DSLContext dsl, FcnTestClock clock) {
        assertEmptyAndFresh(dsl, clock);
        anObservation().record(fcn);
        anEvent().append(fcn);
        clock.advance(Duration.ofHours(1));
        assertEquals(2, dsl.fetchCount(FCN_TRADE));
    }

    @Test
    void writesClaims(FcnPersistence fcn, DSLContext dsl, FcnTestClock clock) {
        assertEmptyAndFresh(dsl, clock);
        aClaim().completed(fcn);
        aClaim().claimed(fcn);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(2, dsl.fetchCount(FCN_IDEMPOTENCY_KEY));
    }

    @RepeatedTest(3)
    void writesEverything(FcnPersistence fcn, DSLContext dsl, FcnTestClock clock) {
        assertEmptyAndFresh(dsl, clock);
        anObservation().forTrade(aTrade().book(fcn)).record(fcn);
        anEvent().append(fcn);
        aClaim().completed(fcn);
        clock.advance(Duration.ofDays(1));
        assertEquals(2, dsl.fetchCount(FCN_TRADE));
    }

    @Test
    void writesThroughTheDataSourceToo(DataSource dataSource, Database database, DSLContext dsl, FcnTestClock clock)
            throws SQLException {
        assertEmptyAndFresh(dsl, clock);
        assertSame(database.dataSource(), dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO dbo.fcn_template (template_id, name, spec_version, status, issuer, parameters,"
                    + " created_at, updated_at) VALUES ('TPL-RAW', 'raw', '1.0', 'draft', 'BANK-A', '{}',"
                    + " '2026-01-15 09:30:00 +00:00', '2026-01-15 09:30:00 +00:00')");
        }
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, dsl.fetchCount(FCN_TEMPLATE));
    }

    /**
     * The tables are empty, the clock is back at its start (the previous test moved it), and the database is the
     * one the class began with: emptied, not re-created.
     */
    private static void assertEmptyAndFresh(DSLContext dsl, FcnTestClock clock) {
        assertEquals(0, dsl.fetchCount(FCN_TEMPLATE) + dsl.fetchCount(FCN_TRADE) + dsl.fetchCount(FCN_OBSERVATION)
                + dsl.fetchCount(FCN_LIFECYCLE_EVENT) + dsl.fetchCount(FCN_IDEMPOTENCY_KEY), "tables empty");
        assertEquals(FcnTestClock.START, clock.instant());
        FIRST_DSL.compareAndSet(null, dsl);
        assertSame(FIRST_DSL.get(), dsl, "one database and entry point for the whole class");
    }
}
