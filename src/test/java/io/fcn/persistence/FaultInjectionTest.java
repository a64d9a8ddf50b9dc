package io.fcn.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.zaxxer.hikari.HikariDataSource;

import io.fcn.persistence.exceptions.CommitOutcomeUnknownException;
import io.fcn.persistence.exceptions.FcnPersistenceException;
import io.fcn.persistence.retry.Retry;
import io.fcn.persistence.retry.RetryPolicy;
import io.fcn.persistence.support.load.ForwardedDatabase;
import io.fcn.persistence.support.load.ForwardedDatabase.Engine;
import io.fcn.persistence.support.load.LoadHarness;
import io.fcn.persistence.support.load.LoadHarness.Answered;
import io.fcn.persistence.support.load.LoadHarness.Request;

/**
 * Issue 18.14: 16 clients book trades through the load harness (claim → book → complete with idempotency keys, read
 * back) over a shared pool whose connections pass through a forwarder; meanwhile every connection is cut at random
 * moments, several times, and once the server is unreachable for a few seconds. Each client retries a request
 * with the same key and request id until it is answered, as a service would (the retry helper for transient
 * failures, the whole request again after an unknown commit outcome or when the helper gave up). Afterwards:
 * every completed key has exactly one trade and one {@code created} event, no trade is without its completed key,
 * and every request answers again (a replay) exactly as it was first answered.
 */
class FaultInjectionTest {

    private static final int CLIENTS = 16;
    private static final int POOL_SIZE = 8;
    private static final int MIN_REQUESTS_PER_CLIENT = 5;
    /** Whole-request tries per request: far more than the faults need, so a request that runs out is a failure. */
    private static final int TRIES_PER_REQUEST = 60;

    static List<Engine> engines() {
        return Engine.available();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyRequestIsAnsweredOnceAndBookedOnceWhileConnectionsAreCut(Engine engine) throws Exception {
        try (ForwardedDatabase db = ForwardedDatabase.open(engine)) {
            LoadHarness.prepare(FcnPersistence.builder(db.direct()).build());
            HikariDataSource pool = db.pool(POOL_SIZE);
            FcnPersistence fcn = FcnPersistence.builder(pool).build();
            Counts counts = new Counts();
            Retry retry = Retry.of(fcn).policy(new RetryPolicy(6, Duration.ofMillis(20), Duration.ofMillis(400)))
                    .listener((attempt, failure, delay) -> counts.retries.incrementAndGet());
            LoadHarness harness = new LoadHarness(fcn, retry, Duration.ofSeconds(30));
            String run = Long.toHexString(System.nanoTime() & 0xffffffL).toUpperCase(Locale.ROOT);
            long seed = System.nanoTime();
            Random random = new Random(seed);

            List<Request> requests = new CopyOnWriteArrayList<>();
            Map<Request, String> answers = new ConcurrentHashMap<>();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean chaosOver = new AtomicBoolean();
            AtomicInteger sequence = new AtomicInteger();

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int done = 0; done < MIN_REQUESTS_PER_CLIENT || !chaosOver.get(); done++) {
                        Request r = Request.of(run, sequence.incrementAndGet());
                        requests.add(r);
                        serve(harness, r, answers, failures, counts);
                    }
                    return null;
                }));
            }
            long started = System.nanoTime();
            Thread.sleep(300); // the clients are under way before the first cut
            chaos(db, random);
            chaosOver.set(true);
            clients.shutdown();
            // A bound on the run, not a measurement: a hung client fails the test instead of the build.
            boolean finished = clients.awaitTermination(90, TimeUnit.SECONDS);
            for (Future<?> f : running) {
                if (f.isDone()) {
                    f.get();
                }
            }
            assertTrue(finished, "the clients did not finish within 90 s");
            double runSeconds = (System.nanoTime() - started) / 1e9;

            // Healed: every request answers again, from its stored response, exactly as before.
            FcnPersistence calm = FcnPersistence.builder(db.pool(4)).build();
            LoadHarness replayer = new LoadHarness(calm, Retry.of(calm), Duration.ofSeconds(30));
            List<String> differing = new ArrayList<>();
            for (Map.Entry<Request, String> e : answers.entrySet()) {
                LoadHarness.Outcome again = replayer.perform(e.getKey());
                if (!(again instanceof Answered a) || !a.replayed() || !a.body().equals(e.getValue())) {
                    differing.add(e.getKey().key() + ": " + e.getValue() + ", then " + again);
                }
            }
            LoadHarness.Check check = LoadHarness.verify(db.direct(), run, requests);

            System.out.printf(Locale.ROOT, "[fault injection, %s] requests %d, answered %d, cuts %d (%d connections"
                    + " cut, one outage), retries %d, whole-request retries %d (unknown commit outcome %d, retries"
                    + " exhausted %d, in progress %d), replays %d, failures %d; completed keys %d, trades %d,"
                    + " created events %d; load %.1f s; seed %d%n", engine, requests.size(), answers.size(), db.forwarder.cuts(),
                    db.forwarder.connectionsCut(), counts.retries.get(), counts.requestRetries.get(),
                    counts.unknownCommits.get(), counts.exhausted.get(), counts.busy.get(), counts.replays.get(),
                    failures.size(), check.completedKeys(), check.trades(), check.createdEvents(), runSeconds, seed);

            assertEquals(List.of(), failures, "requests that were never answered");
            assertEquals(List.of(), check.problems());
            assertEquals(List.of(), differing, "requests answered differently the second time");
            assertEquals(requests.size(), answers.size());
            assertEquals(requests.size(), check.completedKeys());
            assertEquals(requests.size(), check.trades());
            assertEquals(requests.size(), check.createdEvents());
            assertTrue(db.forwarder.connectionsCut() > 0 && counts.retries.get() > 0,
                    "the faults must hit the clients: " + db.forwarder.connectionsCut() + " connections cut, "
                            + counts.retries.get() + " retries");
        }
    }

    /** Cuts at random moments, three times; the server unreachable for 3 s; three more cuts. */
    private static void chaos(ForwardedDatabase db, Random random) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            Thread.sleep(200 + random.nextInt(600));
            db.forwarder.cutAll();
        }
        Thread.sleep(200 + random.nextInt(600));
        db.forwarder.down();
        Thread.sleep(3_000);
        db.forwarder.heal();
        for (int i = 0; i < 3; i++) {
            Thread.sleep(200 + random.nextInt(600));
            db.forwarder.cutAll();
        }
        Thread.sleep(500);
    }

    /** Tries {@code r} until it is answered, as a client of the service would, with the same key every time. */
    private static void serve(LoadHarness harness, Request r, Map<Request, String> answers, List<String> failures,
            Counts counts) throws InterruptedException {
        for (int attempt = 1; attempt <= TRIES_PER_REQUEST; attempt++) {
            if (attempt > 1) {
                counts.requestRetries.incrementAndGet();
            }
            try {
                LoadHarness.Outcome outcome = harness.perform(r);
                if (outcome instanceof Answered a) {
                    if (a.replayed()) {
                        counts.replays.incrementAndGet();
                    }
                    if (!LoadHarness.responseBody(a.readBack()).equals(a.body())) {
                        failures.add(r.key() + " answered " + a.body() + " but reads back " + a.readBack());
                    }
                    answers.put(r, a.body());
                    return;
                }
                if (outcome instanceof LoadHarness.Busy) {
                    counts.busy.incrementAndGet(); // our own claim is handed back, so this is someone else's lease
                } else {
                    failures.add(r.key() + ": " + outcome);
                    return;
                }
            } catch (CommitOutcomeUnknownException e) {
                counts.unknownCommits.incrementAndGet(); // ask again: a replay if it committed, a claim if not
            } catch (FcnPersistenceException e) {
                if (!RetryPolicy.isRetryable(e)) {
                    if (PRINTED.getAndIncrement() == 0) {
                        e.printStackTrace(System.out); // the first unexpected failure, whole, for the log
                    }
                    failures.add(r.key() + ": " + e);
                    return;
                }
                counts.exhausted.incrementAndGet();
            }
            Thread.sleep(100);
        }
        failures.add(r.key() + ": not answered after " + TRIES_PER_REQUEST + " tries");
    }

    private static final AtomicInteger PRINTED = new AtomicInteger();

    private static final class Counts {
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger requestRetries = new AtomicInteger();
        final AtomicInteger unknownCommits = new AtomicInteger();
        final AtomicInteger exhausted = new AtomicInteger();
        final AtomicInteger busy = new AtomicInteger();
        final AtomicInteger replays = new AtomicInteger();
    }
}
