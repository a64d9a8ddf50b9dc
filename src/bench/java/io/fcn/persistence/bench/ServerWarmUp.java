package io.fcn.persistence.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;

/**
 * A few seconds of reads and writes through the freshly started H2 server before any fork runs. The server lives
 * in {@link BenchMain}'s JVM for the whole run, so without this the first TCP benchmarks (the JDBC sides, by JMH's
 * alphabetical order) would pay for compiling the server's code and the later ones would not.
 */
final class ServerWarmUp {

    private static final long NANOS = 3_000_000_000L;

    private ServerWarmUp() {
    }

    static void run(int port, Path fixtureDir) throws SQLException {
        String url = BenchDatabase.h2Url("tcp://127.0.0.1:" + port + "/mem:warmup", ";DB_CLOSE_DELAY=-1");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            BenchDatabase.runScript(c, fixtureDir.resolve("schema-" + Fixtures.key() + ".sql"));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO fcn_template (template_id, name, spec_version, status, issuer, parameters,"
                        + " created_at, updated_at) VALUES ('" + BenchDatabase.TEMPLATE_ID + "', 'w', '"
                        + BenchDatabase.SPEC_VERSION + "', 'active', 'W', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                s.execute(Fixtures.trades(BenchEngine.H2_TCP, "TRD-W", 1_000));
            }
            try (PreparedStatement read = c.prepareStatement(HandWrittenJdbc.SELECT_TRADE);
                    PreparedStatement write = c.prepareStatement("INSERT INTO fcn_lifecycle_event (trade_id,"
                            + " event_type, event_date, event_payload, created_at) VALUES (?, 'coupon_paid',"
                            + " DATE '2026-04-17', '{}', ?)")) {
                long end = System.nanoTime() + NANOS;
                for (int i = 0; System.nanoTime() < end; i++) {
                    read.setString(1, "TRD-W" + (1 + i % 1_000));
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            rs.getObject(15, OffsetDateTime.class);
                        }
                    }
                    if (i % 4 == 0) {
                        write.setString(1, "TRD-W" + (1 + i % 1_000));
                        write.setObject(2, OffsetDateTime.now());
                        write.executeUpdate();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }
}
