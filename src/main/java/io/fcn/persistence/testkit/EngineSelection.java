package io.fcn.persistence.testkit;

import java.util.Optional;
import java.util.function.Function;

/**
 * Which engine a test class runs on, and why; or why it cannot run here. Pure: the caller passes what the run
 * configures and what the machine offers, so the rules are tested without Docker or a server.
 *
 * @param engine the engine to run on
 * @param source what chose it, for messages ({@code @FcnDatabaseTest(engine = CONTAINER)}, {@code fcn.test.engine},
 *               …)
 * @param unavailableReason why the engine cannot run here (the class is then skipped), or empty
 */
public record EngineSelection(TestEngine engine, String source, Optional<String> unavailableReason) {

    /** JUnit configuration parameter and system property naming the engine for the run. */
    public static final String PROPERTY = "fcn.test.engine";
    /** Environment variable naming the engine for the run, when the property is not set. */
    public static final String ENV_VARIABLE = "FCN_TEST_ENGINE";
    /** Set, it makes the external SQL Server the default engine. */
    public static final String EXTERNAL_URL_VARIABLE = "FCN_TEST_MSSQL_URL";

    /**
     * The rules, first match wins: the annotation's engine (unless AUTO); the property; the environment variable;
     * the external server when its URL is set; embedded H2. Only an explicitly named engine can be unavailable: the
     * defaults pick engines that are there.
     *
     * @param annotated   the class's {@link FcnDatabaseTest#engine()}
     * @param property    the value of {@value #PROPERTY}, or null
     * @param environment the value of {@value #ENV_VARIABLE}, or null
     * @param externalUrlSet whether {@value #EXTERNAL_URL_VARIABLE} is set
     * @param availability why an engine cannot run here, or empty when it can
     * @return the selection: the engine, and why it is unavailable if it is
     * @throws IllegalArgumentException a property or variable names no engine
     */
    public static EngineSelection select(EngineChoice annotated, String property, String environment,
            boolean externalUrlSet, Function<TestEngine, Optional<String>> availability) {
        if (annotated != EngineChoice.AUTO) {
            return explicit(annotated, "@FcnDatabaseTest(engine = " + annotated.name() + ")", availability);
        }
        if (property != null && !property.isBlank()) {
            EngineChoice choice = EngineChoice.parse(property);
            if (choice != EngineChoice.AUTO) {
                return explicit(choice, PROPERTY + "=" + choice.value(), availability);
            }
        } else if (environment != null && !environment.isBlank()) {
            EngineChoice choice = EngineChoice.parse(environment);
            if (choice != EngineChoice.AUTO) {
                return explicit(choice, ENV_VARIABLE + "=" + choice.value(), availability);
            }
        }
        if (externalUrlSet) {
            return new EngineSelection(TestEngine.EXTERNAL_SQL_SERVER, EXTERNAL_URL_VARIABLE + " is set",
                    Optional.empty());
        }
        return new EngineSelection(TestEngine.EMBEDDED, "the default", Optional.empty());
    }

    private static EngineSelection explicit(EngineChoice choice, String source,
            Function<TestEngine, Optional<String>> availability) {
        TestEngine engine = choice.engine().orElseThrow();
        return new EngineSelection(engine, source, availability.apply(engine));
    }

    /**
     * Whether the class can run.
     * @return true when the engine is available
     */
    public boolean available() {
        return unavailableReason.isEmpty();
    }

    /**
     * The one line printed, and the skip reason shown, when the engine is unavailable.
     * @return the message
     */
    public String skipMessage() {
        return "[fcn-persistence] " + engine.label() + " requested by " + source + " is unavailable ("
                + unavailableReason.orElse("available") + "): tests skipped, no fallback";
    }
}
