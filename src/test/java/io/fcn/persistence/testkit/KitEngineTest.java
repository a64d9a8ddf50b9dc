package io.fcn.persistence.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.internal.database.ExternalSqlServer;

/** The engine a class gets: the default, and engines asked for by the annotation. */
class KitEngineTest {

    @Nested
    @FcnDatabaseTest
    class ByDefault {
        @Test
        void embeddedUnlessTheRunSaysOtherwise(TestEngine engine, Database database) {
            assumeTrue(System.getProperty(EngineSelection.PROPERTY) == null
                    && System.getenv(EngineSelection.ENV_VARIABLE) == null
                    && ExternalSqlServer.fromEnvironment().isEmpty(), "the run chooses its own engine");
            assertEquals(TestEngine.EMBEDDED, engine);
            assertEquals(EngineFamily.H2, database.family());
        }
    }

    @Nested
    @FcnDatabaseTest(engine = EngineChoice.EMBEDDED)
    class EmbeddedAskedFor {
        @Test
        void runsOnH2(TestEngine engine, Database database) {
            assertEquals(TestEngine.EMBEDDED, engine);
            assertEquals(EngineFamily.H2, database.family());
        }
    }

    /** Without Docker this class is skipped with the reason (one line printed); with Docker it runs there. */
    @Nested
    @FcnDatabaseTest(engine = EngineChoice.CONTAINER)
    class ContainerAskedFor {
        @Test
        void runsOnSqlServerOrIsSkipped(TestEngine engine, Database database) {
            assertEquals(TestEngine.SQL_SERVER_CONTAINER, engine);
            assertEquals(EngineFamily.SQL_SERVER, database.family());
        }
    }

    /** Likewise with FCN_TEST_MSSQL_URL. */
    @Nested
    @FcnDatabaseTest(engine = EngineChoice.EXTERNAL)
    class ExternalAskedFor {
        @Test
        void runsOnTheExternalServerOrIsSkipped(TestEngine engine, Database database) {
            assertEquals(TestEngine.EXTERNAL_SQL_SERVER, engine);
            assertEquals(EngineFamily.SQL_SERVER, database.family());
        }
    }
}
