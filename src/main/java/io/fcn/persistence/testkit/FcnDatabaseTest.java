package io.fcn.persistence.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class an FCN database: created once for the class on the chosen engine, migrated to the
 * library's latest version (or {@link #version()}), emptied before every test, closed after the class.
 * Test, lifecycle and constructor parameters of these types are injected: {@code FcnPersistence} (its clock is the
 * {@link FcnTestClock}, and every statement passes the T-SQL guard), {@code DataSource}, {@code DSLContext},
 * {@link FcnTestClock}, {@code Database} and {@link TestEngine}.
 *
 * <p>The engine: {@link #engine()} when set; else the configuration parameter or system property
 * {@value EngineSelection#PROPERTY}; else the environment variable {@value EngineSelection#ENV_VARIABLE}; else the
 * external SQL Server when {@code FCN_TEST_MSSQL_URL} is set; else embedded H2. An engine asked for explicitly that
 * is not available here skips the class with the reason; the kit never falls back silently.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FcnDatabaseExtension.class)
public @interface FcnDatabaseTest {

    /**
     * The engine for this class; {@link EngineChoice#AUTO} leaves it to the run's settings.
     * @return the engine choice
     */
    EngineChoice engine() default EngineChoice.AUTO;

    /**
     * The migration version to stop at (e.g. {@code "20251022.0001"}), for tests of upgrade paths; empty means the
     * latest version the library carries.
     * @return the version, or empty for the latest
     */
    String version() default "";
}
