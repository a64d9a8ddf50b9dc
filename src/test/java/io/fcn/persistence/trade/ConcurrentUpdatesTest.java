package io.fcn.persistence.trade;

import static io.fcn.persistence.trade.TradeFixtures.MATURITY;
import static io.fcn.persistence.trade.TradeFixtures.TRADE_DATE;
import static io.fcn.persistence.trade.TradeFixtures.activeTemplate;
import static io.fcn.persistence.trade.TradeFixtures.bookedTrade;
import static io.fcn.persistence.trade.TradeFixtures.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.exceptions.DuplicateKeyException;
import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.FcnPersistenceException;
import io.fcn.persistence.exceptions.OptimisticLockException;
import io.fcn.persistence.lifecycle.LifecycleEvent;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.template.Template;
import io.fcn.persistence.template.TemplateUpdate;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.types.TradeStatus;

/**
 * Real threads, each transaction on its own connection from the DataSource, all released at once: optimistic
 * locking loses no update, and the unique key admits one booking. A race counts only once it saw a conflict.
 */
@AllEngines
class ConcurrentUpdatesTest {

    private static final int THREADS = 8;
    private static final int INCREMENTS_PER_THREAD = 5;
    private static final int MAX_ATTEMPTS = 10_000;
    /** Races run until one shows contention; each race checks every invariant. */
    private static final int MAX_RACES = 20;
    private static final Pattern COUNTER = Pattern.compile("\\{\"counter\":(\\d+)}");

    @Test
    void concurrentReadModifyWritesOfATemplateLoseNoUpdate(FcnPersistence db) throws Exception {
        activeTemplate(db, "TPL");
        db.templates().update("TPL", 0, TemplateUpdate.parameters("{\"counter\":0}"));

        int successes = THREADS * INCREMENTS_PER_THREAD;
        int conflicts = 0;
        // A race in which the threads happened to take turns tests nothing: run it again, up to MAX_RACES times.
        for (int race = 1; race <= MAX_RACES && conflicts == 0; race++) {
            List<Integer> conflicted = runAll(() -> {
                int done = 0;
                int conflictsOfThisThread = 0;
                for (int attempt = 0; done < INCREMENTS_PER_THREAD; attempt++) {
                    assertTrue(attempt < MAX_ATTEMPTS, "no progress");
                    Template read = db.templates().get("TPL");
                    int counter = counter(read.parameters());
                    try {
                        Template written = db.templates().update("TPL", read.version(),
                                TemplateUpdate.parameters("{\"counter\":" + (counter + 1) + "}"));
                        assertEquals(read.version() + 1, written.version());
                        done++;
                    } catch (OptimisticLockException e) {
                        conflictsOfThisThread++;
                    } catch (FcnPersistenceException e) {
                        if (!e.isRetryable()) {
                            throw e;
                        }
                    }
                }
                return conflictsOfThisThread;
            });

            Template last = db.templates().get("TPL");
            assertEquals(1 + race * successes, last.version(), "one version per successful update (plus the set-up's)");
            assertEquals(race * successes, counter(last.parameters()), "every successful increment is reflected");
            conflicts = conflicted.stream().mapToInt(Integer::intValue).sum();
        }
        assertTrue(conflicts > 0, "no optimistic-lock conflict in " + MAX_RACES + " races: nothing was contended");
    }

    @Test
    void concurrentTransitionsOfATradeLoseNoneAndAppendEachEventOnce(FcnPersistence db) throws Exception {
        int conflicts = 0;
        // As above: each race on a trade of its own, until one of them saw a conflict.
        for (int race = 1; race <= MAX_RACES && conflicts == 0; race++) {
            String tradeId = "TR-" + race;
            bookedTrade(db, tradeId);
            List<int[]> outcomes = runAll(() -> {
                int done = 0;
                int conflictsOfThisThread = 0;
                for (int attempt = 0; ; attempt++) {
                    assertTrue(attempt < MAX_ATTEMPTS, "no progress");
                    Trade read = db.trades().get(tradeId);
                    try {
                        switch (read.status()) {
                            case ACTIVE -> db.trades().knockIn(tradeId, read.version(), TRADE_DATE.plusDays(1));
                            case KNOCKED_IN -> db.trades().mature(tradeId, read.version(), MATURITY);
                            case MATURED -> db.trades().settle(tradeId, read.version(), MATURITY.plusDays(2));
                            default -> {
                                return new int[] {done, conflictsOfThisThread};
                            }
                        }
                        done++;
                    } catch (OptimisticLockException e) {
                        // Another thread moved it first: read again.
                        conflictsOfThisThread++;
                    } catch (FcnPersistenceException e) {
                        if (!e.isRetryable()) {
                            throw e;
                        }
                    }
                }
            });

            Trade last = db.trades().get(tradeId);
            int total = outcomes.stream().mapToInt(o -> o[0]).sum();
            assertEquals(3, total, "each of the three transitions succeeded exactly once");
            assertEquals(total, last.version(), "final version = number of successful transitions");
            assertEquals(TradeStatus.SETTLED, last.status());
            assertTrue(last.kiTriggered());
            assertEquals(List.of(LifecycleEventType.CREATED, LifecycleEventType.KNOCKED_IN,
                    LifecycleEventType.MATURED, LifecycleEventType.SETTLED),
                    db.lifecycleEvents().history(tradeId).stream().map(LifecycleEvent::type).toList());
            conflicts = outcomes.stream().mapToInt(o -> o[1]).sum();
        }
        assertTrue(conflicts > 0, "no optimistic-lock conflict in " + MAX_RACES + " races: nothing was contended");
    }

    @Test
    void concurrentBookingsOfOneTradeIdAdmitExactlyOne(FcnPersistence db) throws Exception {
        activeTemplate(db, "TPL");
        List<Integer> booked = runAll(() -> {
            try {
                db.trades().book(trade("TR-1", "TPL").build());
                return 1;
            } catch (DuplicateKeyException e) {
                return 0;
            }
        });
        assertEquals(1, booked.stream().mapToInt(Integer::intValue).sum());
        assertEquals(1, db.lifecycleEvents().history("TR-1").size(), "one created event");
    }

    /** Runs {@code work} on {@link #THREADS} threads released together; rethrows the first failure. */
    private static <T> List<T> runAll(Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int counter(String parameters) {
        Matcher m = COUNTER.matcher(parameters);
        assertTrue(m.matches(), parameters);
        return Integer.parseInt(m.group(1));
    }
}
