package io.fcn.persistence.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.jooq.EnumType;

import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Trade;
import io.fcn.persistence.types.TradeStatus;

/**
 * The same work as the library, written as a careful hand-written DAO would: one connection from the pool per call
 * (or per transaction), the same statements and transaction boundaries, rows mapped to the library's records. H2
 * keeps a per-session cache of prepared statements, so preparing the same SQL again on a pooled connection is a
 * cache hit, as with a pool's statement cache on SQL Server.
 *
 * <p>{@link #held(DataSource)} is the floor of the same work: one connection taken for the run and one
 * {@code PreparedStatement} per statement text, prepared once and kept open; every call runs the same statements,
 * binds and transaction boundaries on them, without a pool checkout or a prepare.
 */
final class HandWrittenJdbc implements AutoCloseable {

    static final String TRADE_COLUMNS = "trade_id, template_id, spec_version, trade_date, maturity_date, notional,"
            + " currency, status, autocall_triggered, ki_triggered, trade_params, termination_date, version,"
            + " created_at, updated_at";
    static final String SELECT_TRADE = "SELECT " + TRADE_COLUMNS + " FROM fcn_trade WHERE trade_id = ?";
    private static final String SELECT_TEMPLATE =
            "SELECT template_id, spec_version, status FROM fcn_template WHERE template_id = ?";
    private static final String INSERT_TRADE = "INSERT INTO fcn_trade (trade_id, template_id, spec_version,"
            + " trade_date, maturity_date, notional, currency, status, autocall_triggered, ki_triggered, trade_params,"
            + " version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO fcn_lifecycle_event (trade_id, event_type, event_date,"
            + " event_payload, created_at) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_CLAIM = "INSERT INTO fcn_idempotency_key (key_hash, request_fingerprint,"
            + " request_method, request_path, state, lock_token, locked_until, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, 'in_progress', ?, ?, ?, ?)";
    private static final String COMPLETE_CLAIM = "UPDATE fcn_idempotency_key SET state = 'completed',"
            + " response_status = ?, response_snapshot = ?, lock_token = NULL, locked_until = NULL"
            + " WHERE key_hash = ? AND lock_token = ? AND state = 'in_progress'";
    private static final String INSERT_OBSERVATION = "INSERT INTO fcn_observation (trade_id, observation_date,"
            + " observation_type, underlying_prices, autocall_triggered, coupon_eligible, ki_triggered,"
            + " observation_data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int LOOKUP_CHUNK = 500;

    private final DataSource pool;
    private final Clock clock = Clock.systemUTC();
    /** The held floor's connection and statements; null for the pooled side. */
    private final Connection heldConnection;
    private final Map<String, PreparedStatement> heldStatements = new HashMap<>();

    HandWrittenJdbc(DataSource pool) {
        this(pool, null);
    }

    private HandWrittenJdbc(DataSource pool, Connection heldConnection) {
        this.pool = pool;
        this.heldConnection = heldConnection;
    }

    /** The floor: one connection from {@code pool} for the run, each statement prepared once on it and kept. */
    static HandWrittenJdbc held(DataSource pool) throws SQLException {
        return new HandWrittenJdbc(pool, pool.getConnection());
    }

    /** A connection for one call or transaction: from the pool, or the held one. */
    private Connection connection() throws SQLException {
        return heldConnection != null ? heldConnection : pool.getConnection();
    }

    private void release(Connection c) throws SQLException {
        if (c != heldConnection) {
            c.close();
        }
    }

    /** The statement for {@code sql} on {@code c}: a new one, or the held one prepared at its first use. */
    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        if (c != heldConnection) {
            return c.prepareStatement(sql);
        }
        PreparedStatement ps = heldStatements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            heldStatements.put(sql, ps);
        }
        return ps;
    }

    private void done(PreparedStatement ps) throws SQLException {
        if (heldConnection == null) {
            ps.close();
        }
    }

    @Override
    public void close() throws SQLException {
        if (heldConnection != null) {
            for (PreparedStatement ps : heldStatements.values()) {
                ps.close();
            }
            heldConnection.close();
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    Optional<Trade> findTrade(String tradeId) throws SQLException {
        Connection c = connection();
        try {
            return findTrade(c, tradeId);
        } finally {
            release(c);
        }
    }

    private Optional<Trade> findTrade(Connection c, String tradeId) throws SQLException {
        PreparedStatement ps = prepare(c, SELECT_TRADE);
        try {
            return findTrade(ps, tradeId);
        } finally {
            done(ps);
        }
    }

    /** With a statement the caller keeps open: the lower bound of plain JDBC. */
    private static Optional<Trade> findTrade(PreparedStatement ps, String tradeId) throws SQLException {
        ps.setString(1, tradeId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(toTrade(rs)) : Optional.empty();
        }
    }

    /** Template check, trade insert, {@code created} event and the read-back, in one transaction. */
    Trade book(NewTrade t) throws SQLException {
        return inTransaction(c -> bookIn(c, t));
    }

    /** Statements on one connection, in one transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** {@code work} in one transaction on a connection of its own (or the held one), committed or rolled back. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        Connection c = connection();
        try {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } finally {
            release(c);
        }
    }

    /** {@link #book}'s statements on {@code c}, inside the caller's transaction. */
    private Trade bookIn(Connection c, NewTrade t) throws SQLException {
        String templateId;
        String specVersion;
        PreparedStatement template = prepare(c, SELECT_TEMPLATE);
        try {
            template.setString(1, t.templateId());
            try (ResultSet rs = template.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no template " + t.templateId());
                }
                templateId = rs.getString(1);
                specVersion = rs.getString(2);
                if (!"active".equals(rs.getString(3)) || !specVersion.equalsIgnoreCase(t.specVersion())) {
                    throw new IllegalArgumentException("template not usable");
                }
            }
        } finally {
            done(template);
        }
        OffsetDateTime now = now();
        PreparedStatement ps = prepare(c, INSERT_TRADE);
        try {
            ps.setString(1, t.tradeId());
            ps.setString(2, templateId);
            ps.setString(3, specVersion);
            ps.setObject(4, t.tradeDate());
            ps.setObject(5, t.maturityDate());
            ps.setBigDecimal(6, t.notional());
            ps.setString(7, t.currency());
            ps.setString(8, TradeStatus.ACTIVE.getLiteral());
            ps.setBoolean(9, false);
            ps.setBoolean(10, false);
            ps.setString(11, t.tradeParams());
            ps.setInt(12, 0);
            ps.setObject(13, now);
            ps.setObject(14, now);
            ps.executeUpdate();
        } finally {
            done(ps);
        }
        String payload = "{\"template_id\":\"" + templateId + "\",\"spec_version\":\"" + specVersion
                + "\",\"trade_date\":\"" + t.tradeDate() + "\",\"maturity_date\":\"" + t.maturityDate()
                + "\",\"notional\":" + t.notional().toPlainString() + ",\"currency\":\"" + t.currency()
                + "\"}";
        insertEvent(c, t.tradeId(), LifecycleEventType.CREATED, t.tradeDate(), payload, now);
        Trade booked = findTrade(c, t.tradeId()).orElseThrow();
        return booked;
    }

    /**
     * The load harness's request ({@code support/load/LoadHarness}) by hand: the claim with the request id as its
     * token (auto-committed), then booking and completing the key in one transaction, then the trade read back on
     * a connection of its own; the response is the harness's.
     */
    String claimBookComplete(String key, String fingerprint, String path, NewTrade t, String requestId)
            throws SQLException {
        String keyHash = sha256Hex(key);
        insertClaim(keyHash, fingerprint, "POST", path, requestId, now());
        String response = inTransaction(c -> {
            Trade booked = bookIn(c, t);
            String body = "{\"trade_id\":\"" + booked.tradeId() + "\",\"status\":\"" + booked.status().getLiteral()
                    + "\",\"version\":" + booked.version() + "}";
            complete(c, 201, body, keyHash, requestId);
            return body;
        });
        findTrade(t.tradeId()).orElseThrow();
        return response;
    }

    /** One auto-committed insert, as the library's append outside a transaction. */
    void appendEvent(String tradeId, LifecycleEventType type, LocalDate date, String payload) throws SQLException {
        Connection c = connection();
        try {
            insertEvent(c, tradeId, type, date, payload, now());
        } finally {
            release(c);
        }
    }

    private void insertEvent(Connection c, String tradeId, LifecycleEventType type, LocalDate date,
            String payload, OffsetDateTime now) throws SQLException {
        PreparedStatement ps = prepare(c, INSERT_EVENT);
        try {
            ps.setString(1, tradeId);
            ps.setString(2, type.getLiteral());
            ps.setObject(3, date);
            ps.setString(4, payload);
            ps.setObject(5, now);
            ps.executeUpdate();
        } finally {
            done(ps);
        }
    }

    /** The claim (auto-committed insert), then the completion in its own transaction; returns the key hash. */
    String claimAndComplete(String key, String fingerprint, String method, String path, int status, String body)
            throws SQLException {
        String keyHash = sha256Hex(key);
        String token = UUID.randomUUID().toString();
        insertClaim(keyHash, fingerprint, method, path, token, now());
        inTransaction(c -> {
            complete(c, status, body, keyHash, token);
            return null;
        });
        return keyHash;
    }

    /** The claim: one auto-committed insert on a connection of its own. */
    private void insertClaim(String keyHash, String fingerprint, String method, String path, String token,
            OffsetDateTime now) throws SQLException {
        Connection c = connection();
        try {
            PreparedStatement ps = prepare(c, INSERT_CLAIM);
            try {
                ps.setString(1, keyHash);
                ps.setString(2, fingerprint);
                ps.setString(3, method);
                ps.setString(4, path);
                ps.setString(5, token);
                ps.setObject(6, now.plusSeconds(30));
                ps.setObject(7, now);
                ps.setObject(8, now.plusHours(24));
                ps.executeUpdate();
            } finally {
                done(ps);
            }
        } finally {
            release(c);
        }
    }

    private void complete(Connection c, int status, String body, String keyHash, String token) throws SQLException {
        PreparedStatement ps = prepare(c, COMPLETE_CLAIM);
        try {
            ps.setInt(1, status);
            ps.setString(2, body);
            ps.setString(3, keyHash);
            ps.setString(4, token);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("claim lost");
            }
        } finally {
            done(ps);
        }
    }

    /**
     * The library's batch work: rows repeated within the batch are found first (a later identical row is skipped,
     * a different one refused), the batch's keys are looked up (chunks of 500 pairs, reading what a stored row is
     * compared on), a stored row that differs is refused, then the new rows are inserted in one transaction as one
     * JDBC batch. The library compares JSON by meaning; here the text is compared, which costs less.
     */
    int recordAll(List<Observation> rows) throws SQLException {
        OffsetDateTime now = now();
        Map<String, Observation> byKey = new LinkedHashMap<>();
        for (Observation o : rows) {
            Observation first = byKey.putIfAbsent(key(o.tradeId(), o.observationDate()), o);
            if (first != null && !same(first, o)) {
                throw new IllegalArgumentException("rows differ for " + key(o.tradeId(), o.observationDate()));
            }
        }
        List<Observation> keys = new ArrayList<>(byKey.values());
        try (Connection c = pool.getConnection()) {
            Map<String, Observation> stored = new HashMap<>();
            for (int from = 0; from < keys.size(); from += LOOKUP_CHUNK) {
                List<Observation> chunk = keys.subList(from, Math.min(keys.size(), from + LOOKUP_CHUNK));
                StringBuilder sql = new StringBuilder("SELECT trade_id, observation_date, observation_type,"
                        + " underlying_prices, autocall_triggered, coupon_eligible, ki_triggered, observation_data"
                        + " FROM fcn_observation WHERE ");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "" : " OR ").append("(trade_id = ? AND observation_date = ?)");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (Observation o : chunk) {
                        ps.setString(p++, o.tradeId());
                        ps.setObject(p++, o.observationDate());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Observation o = new Observation(rs.getString(1), rs.getObject(2, LocalDate.class),
                                    EnumType.lookupLiteral(ObservationType.class, rs.getString(3)), rs.getString(4),
                                    rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8));
                            stored.put(key(o.tradeId(), o.observationDate()), o);
                        }
                    }
                }
            }
            List<Observation> fresh = new ArrayList<>(keys.size());
            for (Observation o : keys) {
                Observation existing = stored.get(key(o.tradeId(), o.observationDate()));
                if (existing == null) {
                    fresh.add(o);
                } else if (!same(existing, o)) {
                    throw new IllegalArgumentException("stored row differs for " + key(o.tradeId(), o.observationDate()));
                }
            }
            fresh.sort(Comparator.comparing((Observation o) -> key(o.tradeId(), o.observationDate())));
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT_OBSERVATION)) {
                for (Observation o : fresh) {
                    ps.setString(1, o.tradeId());
                    ps.setObject(2, o.observationDate());
                    ps.setString(3, o.type().getLiteral());
                    ps.setString(4, o.underlyingPrices());
                    ps.setBoolean(5, o.autocallTriggered());
                    ps.setBoolean(6, o.couponEligible());
                    ps.setBoolean(7, o.kiTriggered());
                    ps.setString(8, o.observationData());
                    ps.setObject(9, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return fresh.size();
        }
    }

    private static String key(String tradeId, LocalDate date) {
        return tradeId.toLowerCase(Locale.ROOT) + "|" + date;
    }

    private static boolean same(Observation a, Observation b) {
        return a.type() == b.type() && a.underlyingPrices().equals(b.underlyingPrices())
                && a.autocallTriggered() == b.autocallTriggered() && a.couponEligible() == b.couponEligible()
                && a.kiTriggered() == b.kiTriggered() && Objects.equals(a.observationData(), b.observationData());
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Trade toTrade(ResultSet rs) throws SQLException {
        Date termination = rs.getDate(12);
        return new Trade(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getString(7),
                EnumType.lookupLiteral(TradeStatus.class, rs.getString(8)), rs.getBoolean(9), rs.getBoolean(10),
                rs.getString(11),
                Optional.ofNullable(termination).map(Date::toLocalDate), rs.getInt(13),
                rs.getObject(14, OffsetDateTime.class), rs.getObject(15, OffsetDateTime.class));
    }
}
