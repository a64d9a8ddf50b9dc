package io.fcn.persistence.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The engine parameter every benchmark class inherits: JMH runs each benchmark once per value, in its own fork.
 * {@link BenchMain} narrows the list to the engines it prepared (the T-SQL one only when
 * {@code FCN_TEST_MSSQL_URL} is set).
 */
@State(Scope.Thread)
public abstract class EngineParam {

    @Param({"h2", "h2tcp", "tsql"})
    public String engine;

    protected BenchEngine engine() {
        return BenchEngine.of(engine);
    }
}
