package io.fcn.persistence.support.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotencyKeys;
import io.fcn.persistence.idempotency.IdempotentRequest;
import io.fcn.persistence.retry.Retry;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Trade;

/**
 * The load a trading service puts on the library, one request at a time: claim the request's idempotency key (with
 * the request's id, so a retry gets its own claim back), book the trade and complete the key in one transaction,
 * then read the trade back. A completed key answers with its stored response instead. Shared by the fault-injection
 * test and the throughput benchmark ({@code src/bench}); {@link #verify} checks a database after a run.
 */
public final class LoadHarness {

    public static final String TEMPLATE_ID = "TPL-LOAD";
    public static final String SPEC_VERSION = "1.0";
    public static final String PATH = "/v1/trades";
    static final Duration TTL = Duration.ofHours(24);

    private final FcnPersistence fcn;
    private final Retry retry;
    private final Duration lease;

    /**
     * Requests through {@code fcn}; each step through {@code retry} (the claim as an idempotent call, booking and
     * completing as one transaction). {@code lease}: how long a claim holds its key.
     */
    public LoadHarness(FcnPersistence fcn, Retry retry, Duration lease) {
        this.fcn = Objects.requireNonNull(fcn, "fcn");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.lease = Objects.requireNonNull(lease, "lease");
    }

    /** The template every request books against; created once per database. */
    public static void prepare(FcnPersistence fcn) {
        if (fcn.templates().find(TEMPLATE_ID).isEmpty()) {
            fcn.templates().create(NewTemplate.active(TEMPLATE_ID, "FCN load", SPEC_VERSION, "Bank A",
                    "{\"tenor_months\":12}"));
        }
    }

    /**
     * One client request: its idempotency key, the trade it books, and the id the client keeps across retries.
     * @param key the idempotency key
     * @param tradeId the trade booked
     * @param requestId the request's id, the same on every retry
     */
    public record Request(String run, String key, String tradeId, UUID requestId) {

        /** Request {@code n} of run {@code run} (a short tag that keeps runs apart). */
        public static Request of(String run, long n) {
            return new Request(run, "load-" + run + "-" + n, "TRD-" + run + "-" + n, UUID.randomUUID());
        }

        /** {@return the request path: the run's own, so a run's keys can be counted} */
        public String path() {
            return PATH + "/" + run;
        }

        /** {@return the request the key guards: POST with the trade's id as its body} */
        public IdempotentRequest http() {
            return IdempotentRequest.of("POST", path(), body());
        }

        /** {@return the request's body} */
        public String body() {
            return "{\"trade_id\":\"" + tradeId + "\"}";
        }
    }

    /** What one try of a request came to. */
    public sealed interface Outcome permits Answered, Busy, Rejected {
    }

    /**
     * The request was answered: freshly ({@code replayed} false) or from the key's stored response.
     * @param status the response status
     * @param body the response body
     * @param replayed whether the answer was a stored one
     * @param readBack the trade read back after the answer
     */
    public record Answered(int status, String body, boolean replayed, Trade readBack) implements Outcome {
    }

    /** Another claimant's lease holds the key: try again later. */
    public record Busy() implements Outcome {
    }

    /** The key is held for another request. */
    public record Rejected() implements Outcome {
    }

    /** The response a booking answers with: the same for every answer to the same request. */
    public static String responseBody(Trade trade) {
        return "{\"trade_id\":\"" + trade.tradeId() + "\",\"status\":\"" + trade.status().getLiteral()
                + "\",\"version\":" + trade.version() + "}";
    }

    /** The trade request {@code r} books. */
    public static NewTrade newTrade(Request r) {
        return NewTrade.builder().tradeId(r.tradeId()).templateId(TEMPLATE_ID).specVersion(SPEC_VERSION)
                .tradeDate(LocalDate.of(2026, 1, 15)).maturityDate(LocalDate.of(2027, 1, 15))
                .notional(new BigDecimal("1000000.0000")).currency("USD").tradeParams("{\"strike\":0.85}").build();
    }

    /**
     * One try of {@code r}: claim, book and complete, read back. Throws what the retry helper gave up on (a
     * failure that is not retryable, {@code CommitOutcomeUnknownException}, the last of too many transient ones);
     * the caller may try the whole request again with the same {@link Request}.
     */
    public Outcome perform(Request r) {
        IdempotentRequest http = r.http();
        ClaimOutcome claim = retry.idempotent(() -> fcn.idempotency().claim(r.key(), http, TTL, lease,
                r.requestId()));
        if (claim instanceof ClaimOutcome.Replay replay) {
            return new Answered(replay.status(), replay.body(), true, readBack(r));
        }
        if (claim instanceof ClaimOutcome.InProgress) {
            return new Busy();
        }
        if (!(claim instanceof ClaimOutcome.Claimed claimed)) {
            return new Rejected();
        }
        String body = retry.inTransaction(() -> {
            String response = responseBody(fcn.trades().book(newTrade(r)));
            fcn.idempotency().complete(claimed.token(), 201, response);
            return response;
        });
        return new Answered(201, body, false, readBack(r));
    }

    private Trade readBack(Request r) {
        return retry.idempotent(() -> fcn.trades().find(r.tradeId())).orElseThrow(
                () -> new NotFoundException("trade", r.tradeId()));
    }

    /**
     * Set-based, for runs too long to check request by request (the benchmark): run {@code run} claimed exactly
     * {@code requests} keys, all completed, and booked exactly one trade with one {@code created} event for each.
     * {@return what does not hold; empty when all does}
     */
    public static List<String> verifyRun(DataSource direct, String run, long requests) throws SQLException {
        List<String> problems = new ArrayList<>();
        String prefix = "TRD-" + run + "-%";
        String[][] counts = {
            {"claimed keys", "SELECT COUNT(*) FROM fcn_idempotency_key WHERE request_path = ?", PATH + "/" + run},
            {"completed keys", "SELECT COUNT(*) FROM fcn_idempotency_key WHERE request_path = ?"
                    + " AND state = 'completed'", PATH + "/" + run},
            {"trades", "SELECT COUNT(*) FROM fcn_trade WHERE trade_id LIKE ?", prefix},
            {"created events", "SELECT COUNT(*) FROM fcn_lifecycle_event WHERE trade_id LIKE ?"
                    + " AND event_type = 'created'", prefix},
            {"distinct traded ids among the events", "SELECT COUNT(DISTINCT trade_id) FROM fcn_lifecycle_event"
                    + " WHERE trade_id LIKE ? AND event_type = 'created'", prefix}};
        try (Connection c = direct.getConnection()) {
            for (String[] count : counts) {
                try (PreparedStatement ps = c.prepareStatement(count[1])) {
                    ps.setString(1, count[2]);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) != requests) {
                            problems.add(count[0] + " of run " + run + ": " + rs.getLong(1) + ", requests answered: "
                                    + requests);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** What {@link #verify} found. */
    public record Check(int completedKeys, int leasedKeys, int trades, int createdEvents, List<String> problems) {
    }

    /**
     * Checks the database behind {@code direct} after a run of {@code requests}: every completed key has exactly one
     * trade and one {@code created} event, and its stored response matches the trade; no trade exists without a
     * completed key, and none but the requests' trades carry the run's prefix {@code "TRD-" + run + "-"}.
     */
    public static Check verify(DataSource direct, String run, Collection<Request> requests) throws SQLException {
        int completed = 0;
        int leased = 0;
        int trades = 0;
        int events = 0;
        List<String> problems = new ArrayList<>();
        try (Connection c = direct.getConnection();
                PreparedStatement key = c.prepareStatement(
                        "SELECT state, response_snapshot FROM fcn_idempotency_key WHERE key_hash = ?");
                PreparedStatement trade = c.prepareStatement(
                        "SELECT COUNT(*), MAX(status), MAX(version) FROM fcn_trade WHERE trade_id = ?");
                PreparedStatement created = c.prepareStatement("SELECT COUNT(*) FROM fcn_lifecycle_event"
                        + " WHERE trade_id = ? AND event_type = 'created'")) {
            for (Request r : requests) {
                key.setString(1, IdempotencyKeys.keyHash(r.key()));
                String state = null;
                String body = null;
                try (ResultSet rs = key.executeQuery()) {
                    if (rs.next()) {
                        state = rs.getString(1);
                        body = rs.getString(2);
                    }
                }
                trade.setString(1, r.tradeId());
                int tradeCount;
                String expectedBody;
                try (ResultSet rs = trade.executeQuery()) {
                    rs.next();
                    tradeCount = rs.getInt(1);
                    expectedBody = "{\"trade_id\":\"" + r.tradeId() + "\",\"status\":\"" + rs.getString(2)
                            + "\",\"version\":" + rs.getInt(3) + "}";
                }
                created.setString(1, r.tradeId());
                int eventCount;
                try (ResultSet rs = created.executeQuery()) {
                    rs.next();
                    eventCount = rs.getInt(1);
                }
                trades += tradeCount;
                events += eventCount;
                if ("completed".equals(state)) {
                    completed++;
                    if (tradeCount != 1 || eventCount != 1) {
                        problems.add(r.key() + " is completed with " + tradeCount + " trades and " + eventCount
                                + " created events");
                    } else if (!expectedBody.equals(body)) {
                        problems.add(r.key() + " stores " + body + ", its trade says " + expectedBody);
                    }
                } else if ("in_progress".equals(state)) {
                    leased++;
                    if (tradeCount != 0) {
                        problems.add(r.key() + " is still in progress but its trade exists");
                    }
                } else if (tradeCount != 0 || eventCount != 0) {
                    problems.add(r.tradeId() + " exists without a completed or leased key (key state " + state + ")");
                }
            }
            try (PreparedStatement all = c.prepareStatement("SELECT COUNT(*) FROM fcn_trade WHERE trade_id LIKE ?")) {
                all.setString(1, "TRD-" + run + "-%");
                try (ResultSet rs = all.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != trades) {
                        problems.add(rs.getInt(1) + " trades of run " + run + ", " + trades + " of its requests");
                    }
                }
            }
        }
        return new Check(completed, leased, trades, events, problems);
    }
}
