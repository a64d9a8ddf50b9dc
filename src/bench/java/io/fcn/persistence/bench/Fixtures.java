package io.fcn.persistence.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.sql.DataSource;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.internal.scripts.MigrationScripts;
import io.fcn.persistence.template.NewTemplate;

/**
 * The benchmark rows, written set-based in each engine's own SQL (fixtures are not measured): H2 numbers its rows
 * with {@code SYSTEM_RANGE}, T-SQL with a cross join of digits. Keep the two variants alike.
 */
final class Fixtures {

    /** Bump when a fixture's rows change: the stored H2 fixture files are then rebuilt. */
    static final int VERSION = 2;

    /**
     * Rows per H2 insert statement, each committed. One statement of 1,000,000 rows took several times as long: while
     * its transaction is open, H2's store walks every map's growing chain of kept versions each time it writes.
     */
    static final int H2_CHUNK = 10_000;

    static final int PAGING_TRADES = 1_000_000;
    static final int PURGE_KEYS = 1_000_000;
    /** Trades {@code TRD-G1…} that the single-row benchmarks read and append events to. */
    static final int SINGLE_ROW_TRADES = 1_000;
    /** Trades {@code TRD-O1…} that the observation batches belong to. */
    static final int OBSERVATION_TRADES = 10;

    private Fixtures() {
    }

    /**
     * Names this fixture version under this schema: stored fixtures are reused only while the migrations (text) and
     * {@link #VERSION} are unchanged.
     */
    static String key() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("fixtures " + VERSION + " " + PAGING_TRADES + " " + PURGE_KEYS + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (MigrationScripts.Script script : MigrationScripts.migrations()) {
                sha.update((script.filename() + "\n" + script.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one active template every trade uses, created through the library. */
    static void template(DataSource dataSource) {
        FcnPersistence.builder(dataSource).build().templates().create(NewTemplate.builder()
                .templateId(BenchDatabase.TEMPLATE_ID).name("Bench template").specVersion(BenchDatabase.SPEC_VERSION)
                .issuer("BANK-A").parameters("{\"tenor_months\": 12}").active().build());
    }

    /** Active trades {@code <prefix>1…<prefix><count>}, in that id order. */
    static String trades(BenchEngine engine, String prefix, int count) {
        return engine.isH2()
                ? h2Trades(prefix, 1, count)
                : numbers(count) + "INSERT INTO fcn_trade (" + TRADE_COLUMNS + ") SELECT CONCAT('" + prefix + "', i),"
                        + " '" + BenchDatabase.TEMPLATE_ID + "', '" + BenchDatabase.SPEC_VERSION + "', '2026-01-15',"
                        + " '2027-01-15', 1000000, 'USD', 'active', 0, 0, '{}', 0, SYSDATETIMEOFFSET(),"
                        + " SYSDATETIMEOFFSET() FROM n WHERE i <= " + count + " ORDER BY i";
    }

    /** Completed idempotency keys that expired on 2026-01-02 (the purge runs "now" = 2026-06-01). */
    static String expiredKeys(BenchEngine engine, int count) {
        return engine.isH2()
                ? h2ExpiredKeys(1, count)
                : numbers(count) + "INSERT INTO fcn_idempotency_key (" + KEY_COLUMNS + ") SELECT CONCAT('k', i), 'f',"
                        + " 'POST', '/v1/trades', 'completed', 201, '{}', '2026-01-01 00:00:00 +00:00',"
                        + " '2026-01-02 00:00:00 +00:00' FROM n WHERE i <= " + count;
    }

    /** H2: trades {@code <prefix><from>…<prefix><to>} (see {@link #trades}). */
    static String h2Trades(String prefix, long from, long to) {
        return "INSERT INTO fcn_trade (" + TRADE_COLUMNS + ") SELECT CONCAT('" + prefix + "', \"X\"), '"
                + BenchDatabase.TEMPLATE_ID + "', '" + BenchDatabase.SPEC_VERSION + "', DATE '2026-01-15',"
                + " DATE '2027-01-15', 1000000, 'USD', 'active', FALSE, FALSE, '{}', 0, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP FROM SYSTEM_RANGE(" + from + ", " + to + ")";
    }

    /** H2: keys {@code k<from>…k<to>} (see {@link #expiredKeys}). */
    static String h2ExpiredKeys(long from, long to) {
        return "INSERT INTO fcn_idempotency_key (" + KEY_COLUMNS + ") SELECT CONCAT('k', \"X\"), 'f', 'POST',"
                + " '/v1/trades', 'completed', 201, '{}', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00',"
                + " TIMESTAMP WITH TIME ZONE '2026-01-02 00:00:00+00' FROM SYSTEM_RANGE(" + from + ", " + to + ")";
    }

    /** H2: rows 1…{@code count}, {@link #H2_CHUNK} to a statement, on an auto-committing statement. */
    static void h2InChunks(Statement statement, int count, RowRange insert) throws SQLException {
        for (long from = 1; from <= count; from += H2_CHUNK) {
            statement.execute(insert.insert(from, Math.min(count, from + H2_CHUNK - 1)));
        }
    }

    /** The statement inserting rows {@code from…to}. */
    interface RowRange {
        String insert(long from, long to);
    }

    private static final String TRADE_COLUMNS = "trade_id, template_id, spec_version, trade_date, maturity_date,"
            + " notional, currency, status, autocall_triggered, ki_triggered, trade_params, version, created_at,"
            + " updated_at";
    private static final String KEY_COLUMNS = "key_hash, request_fingerprint, request_method, request_path, state,"
            + " response_status, response_snapshot, created_at, expires_at";

    /** T-SQL: a CTE {@code n(i)} numbering 1…10^k ≥ count (no numbers table on every engine). */
    private static String numbers(int count) {
        StringBuilder sum = new StringBuilder("d0.v");
        StringBuilder from = new StringBuilder("d d0");
        long scale = 10;
        for (int k = 1; scale < count; k++, scale *= 10) {
            sum.append(" + ").append(scale).append(" * d").append(k).append(".v");
            from.append(" CROSS JOIN d d").append(k);
        }
        return "WITH d AS (SELECT v FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS t (v)),"
                + " n AS (SELECT " + sum + " + 1 AS i FROM " + from + ") ";
    }
}
