package io.fcn.persistence.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The CPU time the calling threads spend per operation, beside JMH's wall time ({@code -prof
 * io.fcn.persistence.bench.CpuPerOpProfiler}, docs/performance.md): over TDS a call's wall time is the server's and
 * the network's as much as the client's, and this says how much of it is the client's own work (the library, jOOQ,
 * the driver). It counts the benchmark's worker threads only, so the pool's and the driver's background threads are
 * left out; an iteration's set-up, if a benchmark has one, is counted in.
 */
public final class CpuPerOpProfiler implements InternalProfiler {

    /** The secondary result's name, which {@link ResultTable} reads. */
    static final String LABEL = "cpu/op";
    private static final String WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> before = Map.of();

    @Override
    public String getDescription() {
        return "CPU time of the benchmark threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = workerCpu();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long nanos = 0;
        for (Map.Entry<Long, Long> thread : workerCpu().entrySet()) {
            nanos += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        long ops = result.getMetadata().getMeasuredOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(LABEL, nanos / 1_000.0 / ops, "us/op", AggregationPolicy.AVG));
    }

    /** CPU nanoseconds so far of each live worker thread, by thread id. */
    private Map<Long, Long> workerCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER)) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }
}
