package io.fcn.persistence.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import io.fcn.persistence.idempotency.IdempotencyKeys;
import io.fcn.persistence.retry.Retry;
import io.fcn.persistence.support.load.LoadHarness;
import io.fcn.persistence.support.load.LoadHarness.Answered;
import io.fcn.persistence.support.load.LoadHarness.Request;

/**
 * Throughput under concurrency (issue 17.3): 1, 4 and 16 client threads share one pool (at most 8 connections,
 * {@link BenchDatabase}) and each runs the load harness's request, {@code request<threads>_library} through
 * {@link LoadHarness} (claim with a request id, book + complete in one transaction, read back; through the retry
 * helper, which retries nothing when nothing fails) and {@code request<threads>_jdbc} the same statements by hand
 * ({@link HandWrittenJdbc#claimBookComplete}). Sampled times per request (mean, p50, p99); {@link BenchMain} adds
 * requests per second (threads ÷ mean). After each trial every request the side answered has exactly one claimed
 * and completed key, one trade and one {@code created} event, or the trial fails.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 2, time = 2)
public class ThroughputBenchmark {

    /** Requests of the measured side run on one thread before the trial's warm-up (counted and checked too). */
    static final int SINGLE_THREAD_WARM_UP = 5_000;

    /** The pool and the entry point all client threads share, one per fork; checked when the trial ends. */
    @State(Scope.Benchmark)
    public static class Shared extends EngineParam {
        BenchDatabase db;
        HandWrittenJdbc jdbc;
        LoadHarness harness;
        final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        final AtomicLong libraryRequests = new AtomicLong();
        final AtomicLong jdbcRequests = new AtomicLong();

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams params) throws SQLException {
            db = BenchDatabase.small(engine());
            jdbc = new HandWrittenJdbc(db.dataSource());
            LoadHarness.prepare(db.fcn);
            harness = new LoadHarness(db.fcn, Retry.of(db.fcn), Duration.ofSeconds(30));
            // The measured side's code compiled first, on one thread. Compiled under the trial's load instead, with
            // the engine and up to 16 clients on two cores, the JIT was still at work after 20 s of warm-up: at 16
            // threads on Babelfish the library's CPU per request fell from 1,210 to about 500 µs over a minute.
            boolean librarySide = params.getBenchmark().endsWith("_library");
            for (int i = 0; i < SINGLE_THREAD_WARM_UP; i++) {
                if (librarySide) {
                    library(this);
                } else {
                    jdbc(this);
                }
            }
        }

        @TearDown(Level.Trial)
        public void checkAndClose() throws SQLException {
            try {
                List<String> problems = new ArrayList<>();
                problems.addAll(LoadHarness.verifyRun(db.dataSource(), "L" + run, libraryRequests.get()));
                problems.addAll(LoadHarness.verifyRun(db.dataSource(), "J" + run, jdbcRequests.get()));
                System.out.println("throughput check (" + engine + "): " + libraryRequests.get() + " library and "
                        + jdbcRequests.get() + " JDBC requests, " + (problems.isEmpty() ? "each with one key, one"
                        + " trade and one created event" : "PROBLEMS " + problems));
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("lost or duplicated bookings: " + problems);
                }
            } finally {
                db.close();
            }
        }

        Request next(String side, AtomicLong counter) {
            return Request.of(side + run, counter.incrementAndGet());
        }
    }

    private static String library(Shared s) {
        Request r = s.next("L", s.libraryRequests);
        if (!(s.harness.perform(r) instanceof Answered a) || a.replayed()) {
            throw new IllegalStateException("not a fresh answer: " + r);
        }
        return a.body();
    }

    private static String jdbc(Shared s) throws SQLException {
        Request r = s.next("J", s.jdbcRequests);
        return s.jdbc.claimBookComplete(r.key(), IdempotencyKeys.fingerprint("POST", r.path(), r.body()), r.path(),
                LoadHarness.newTrade(r), r.requestId().toString());
    }

    @Benchmark
    @Threads(1)
    public String request1_library(Shared s) {
        return library(s);
    }

    @Benchmark
    @Threads(1)
    public String request1_jdbc(Shared s) throws SQLException {
        return jdbc(s);
    }

    @Benchmark
    @Threads(4)
    public String request4_library(Shared s) {
        return library(s);
    }

    @Benchmark
    @Threads(4)
    public String request4_jdbc(Shared s) throws SQLException {
        return jdbc(s);
    }

    @Benchmark
    @Threads(16)
    @Warmup(iterations = 30, time = 2) // at 16 threads both sides were still getting faster after 40 s
    public String request16_library(Shared s) {
        return library(s);
    }

    @Benchmark
    @Threads(16)
    @Warmup(iterations = 30, time = 2) // at 16 threads both sides were still getting faster after 40 s
    public String request16_jdbc(Shared s) throws SQLException {
        return jdbc(s);
    }
}
