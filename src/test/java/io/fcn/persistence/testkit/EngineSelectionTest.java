package io.fcn.persistence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The engine rules, with the machine's offer and the run's settings passed in. */
class EngineSelectionTest {

    private static final Function<TestEngine, Optional<String>> ALL_THERE = e -> Optional.empty();
    private static final Function<TestEngine, Optional<String>> ONLY_EMBEDDED = e -> switch (e) {
        case EMBEDDED -> Optional.empty();
        case SQL_SERVER_CONTAINER -> Optional.of("no Docker engine found");
        case EXTERNAL_SQL_SERVER -> Optional.of("FCN_TEST_MSSQL_URL is not set");
    };

    @Test
    void embeddedByDefault() {
        EngineSelection s = EngineSelection.select(EngineChoice.AUTO, null, null, false, ALL_THERE);
        assertEquals(TestEngine.EMBEDDED, s.engine());
        assertTrue(s.available());
    }

    @Test
    void theContainerOnlyWhenAskedFor() {
        assertEquals(TestEngine.EMBEDDED,
                EngineSelection.select(EngineChoice.AUTO, null, null, false, ALL_THERE).engine());
        assertEquals(TestEngine.SQL_SERVER_CONTAINER,
                EngineSelection.select(EngineChoice.AUTO, "container", null, false, ALL_THERE).engine());
    }

    @Test
    void theExternalServerWhenItsUrlIsSet() {
        EngineSelection s = EngineSelection.select(EngineChoice.AUTO, null, null, true, ONLY_EMBEDDED);
        assertEquals(TestEngine.EXTERNAL_SQL_SERVER, s.engine());
        assertEquals("FCN_TEST_MSSQL_URL is set", s.source());
    }

    @Test
    void annotationBeforePropertyBeforeEnvironmentBeforeUrl() {
        assertEquals(TestEngine.EMBEDDED, EngineSelection.select(EngineChoice.EMBEDDED, "container", "external",
                true, ALL_THERE).engine());
        assertEquals(TestEngine.SQL_SERVER_CONTAINER, EngineSelection.select(EngineChoice.AUTO, " Container ",
                "external", true, ALL_THERE).engine());
        assertEquals(TestEngine.EXTERNAL_SQL_SERVER, EngineSelection.select(EngineChoice.AUTO, null, "external",
                false, ALL_THERE).engine());
        assertEquals(TestEngine.EMBEDDED, EngineSelection.select(EngineChoice.AUTO, "embedded", null, true,
                ALL_THERE).engine(), "embedded can be forced although the URL is set");
        assertEquals(TestEngine.EXTERNAL_SQL_SERVER, EngineSelection.select(EngineChoice.AUTO, "auto", null, true,
                ALL_THERE).engine(), "auto leaves it to the defaults");
    }

    @Test
    void anExplicitlyRequestedUnavailableEngineIsSkippedWithItsReasonNeverReplaced() {
        EngineSelection s = EngineSelection.select(EngineChoice.CONTAINER, null, null, false, ONLY_EMBEDDED);
        assertEquals(TestEngine.SQL_SERVER_CONTAINER, s.engine());
        assertFalse(s.available());
        assertEquals("[fcn-persistence] SQL Server container requested by @FcnDatabaseTest(engine = CONTAINER)"
                + " is unavailable (no Docker engine found): tests skipped, no fallback", s.skipMessage());

        EngineSelection byProperty = EngineSelection.select(EngineChoice.AUTO, "external", null, false,
                ONLY_EMBEDDED);
        assertFalse(byProperty.available());
        assertTrue(byProperty.skipMessage().contains("fcn.test.engine=external"), byProperty.skipMessage());
        assertTrue(byProperty.skipMessage().contains("FCN_TEST_MSSQL_URL is not set"), byProperty.skipMessage());
    }

    @Test
    void aMisspelledEngineFailsInsteadOfGuessing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineSelection.select(EngineChoice.AUTO, "docker", null, false, ALL_THERE));
        assertEquals("Unknown FCN test engine 'docker': use one of auto|embedded|container|external", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EngineSelection.select(EngineChoice.AUTO, null, "h2", false, ALL_THERE));
    }
}
