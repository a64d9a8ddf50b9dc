package io.fcn.persistence.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class once per available engine (embedded H2 always; a SQL Server container with Docker; the
 * server named by FCN_TEST_MSSQL_URL), each on a fresh database of its own, emptied before every test (with
 * {@code migrated = false}, every test gets a fresh, empty database of its own instead).
 * Tests receive {@code FcnPersistence}, {@code Database}, {@code DataSource}, {@code DSLContext},
 * {@code FcnTestClock} and {@code TsqlGuardListener} as parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(AllEnginesExtension.class)
public @interface AllEngines {

    /** Whether the database is migrated to the latest version before the tests (else it is left empty). */
    boolean migrated() default true;
}
