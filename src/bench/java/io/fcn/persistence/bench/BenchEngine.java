package io.fcn.persistence.bench;

import java.util.Arrays;

/**
 * The engines a benchmark runs on, as the values of the JMH parameter {@code engine}. Both sides of a pair (library
 * and JDBC) always run on the same engine, through the same connection pool.
 */
enum BenchEngine {

    /** H2 in the benchmark's own JVM: in memory for the small fixtures, a file for the 1,000,000-row ones. */
    H2("h2"),
    /** H2 in server mode, reached over TCP on 127.0.0.1 (the server runs in {@link BenchMain}'s JVM). */
    H2_TCP("h2tcp"),
    /** The T-SQL engine named by {@code FCN_TEST_MSSQL_URL}: SQL Server, or an engine speaking its protocol. */
    TSQL("tsql");

    /** The JMH parameter's name, declared in {@link EngineParam}. */
    static final String PARAM = "engine";

    final String param;

    BenchEngine(String param) {
        this.param = param;
    }

    static BenchEngine of(String param) {
        return Arrays.stream(values()).filter(e -> e.param.equals(param)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown engine '" + param + "': one of "
                        + Arrays.stream(values()).map(e -> e.param).toList()));
    }

    boolean isH2() {
        return this != TSQL;
    }
}
