package io.fcn.persistence.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which engine a {@link FcnDatabaseTest} class asks for. */
public enum EngineChoice {

    /** Whatever the run's settings say (see {@link FcnDatabaseTest}): embedded H2 unless told otherwise. */
    AUTO("auto", null),
    /** H2 in SQL Server mode, in memory: always available. */
    EMBEDDED("embedded", TestEngine.EMBEDDED),
    /** SQL Server 2022 in a container shared by the whole run: needs Docker. */
    CONTAINER("container", TestEngine.SQL_SERVER_CONTAINER),
    /** The SQL Server named by {@code FCN_TEST_MSSQL_URL}. */
    EXTERNAL("external", TestEngine.EXTERNAL_SQL_SERVER);

    private final String value;
    private final TestEngine engine;

    EngineChoice(String value, TestEngine engine) {
        this.value = value;
        this.engine = engine;
    }

    /**
     * The spelling in {@code fcn.test.engine} / {@code FCN_TEST_ENGINE}.
     * @return the spelling
     */
    public String value() {
        return value;
    }

    /**
     * The engine it names; empty for {@link #AUTO}.
     * @return the engine, or empty
     */
    public Optional<TestEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /**
     * The choice spelled {@code text} (case-insensitive, surrounding blanks ignored).
     * @param text the spelling
     * @return the choice
     * @throws IllegalArgumentException when no choice is spelled so
     */
    public static EngineChoice parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.value.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown FCN test engine '" + text.trim()
                        + "': use one of " + Arrays.stream(values()).map(EngineChoice::value)
                                .collect(Collectors.joining("|"))));
    }
}
