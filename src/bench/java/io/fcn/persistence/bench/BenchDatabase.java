package io.fcn.persistence.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.engine.EmbeddedDatabase;
import io.fcn.persistence.migration.FcnMigrations;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.trade.NewTrade;

/**
 * One migrated in-memory H2 database per benchmark fork, behind one connection pool that both sides share: the
 * library (built with its production defaults, no test listeners) and the hand-written JDBC.
 */
final class BenchDatabase implements AutoCloseable {

    static final String TEMPLATE_ID = "TPL-BENCH";
    static final String SPEC_VERSION = "1.0";
    static final LocalDate TRADE_DATE = LocalDate.of(2026, 1, 15);
    static final LocalDate MATURITY_DATE = LocalDate.of(2027, 1, 15);
    static final BigDecimal NOTIONAL = new BigDecimal("1000000.0000");
    static final String TRADE_PARAMS = "{\"underlyings\": [\"AAPL\", \"MSFT\"]}";

    final EmbeddedDatabase database;
    final JdbcConnectionPool pool;
    final FcnPersistence fcn;

    BenchDatabase() {
        database = EmbeddedDatabase.inMemory();
        pool = JdbcConnectionPool.create(database.jdbcUrl(), "sa", "");
        pool.setMaxConnections(8);
        FcnMigrations.migrate(pool);
        fcn = FcnPersistence.builder(pool).build();
        fcn.templates().create(NewTemplate.active(TEMPLATE_ID, "Bench template", SPEC_VERSION, "BANK-A",
                "{\"tenor_months\": 12}"));
    }

    DataSource dataSource() {
        return pool;
    }

    static NewTrade newTrade(String tradeId) {
        return NewTrade.builder().tradeId(tradeId).templateId(TEMPLATE_ID).specVersion(SPEC_VERSION)
                .tradeDate(TRADE_DATE).maturityDate(MATURITY_DATE).notional(NOTIONAL).currency("USD")
                .tradeParams(TRADE_PARAMS).build();
    }

    /** Fixture rows, built once per fork in one statement (not measured). */
    void execute(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
        database.close();
    }
}
