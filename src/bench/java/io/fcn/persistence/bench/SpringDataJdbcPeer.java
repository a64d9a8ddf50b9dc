package io.fcn.persistence.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import javax.sql.DataSource;

import org.jooq.EnumType;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcSqlServerDialect;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Trade;
import io.fcn.persistence.types.TradeStatus;

/**
 * The peer: what a Spring team would write instead of this library, with Spring Data JDBC (4.0, the release Spring
 * Boot 4.0.7 manages) and its SQL Server dialect on both engines, over the same pool and connection settings. Get a
 * trade by {@code trade_id} is a derived query; booking checks the template, saves the trade and its
 * {@code created} event and reads the trade back, in one transaction ({@link TransactionTemplate}), as the library
 * and {@link HandWrittenJdbc} do. Rows map to the library's {@link Trade}.
 */
final class SpringDataJdbcPeer implements AutoCloseable {

    @Table("fcn_trade")
    record TradeRow(@Id Integer id, String tradeId, String templateId, String specVersion, LocalDate tradeDate,
            LocalDate maturityDate, BigDecimal notional, String currency, String status, boolean autocallTriggered,
            boolean kiTriggered, String tradeParams, LocalDate terminationDate, int version, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Table("fcn_lifecycle_event")
    record EventRow(@Id Integer id, String tradeId, String eventType, LocalDate eventDate, String eventPayload,
            OffsetDateTime createdAt) {
    }

    @Table("fcn_template")
    record TemplateRow(@Id Integer id, String templateId, String specVersion, String status) {
    }

    interface TradeRows extends CrudRepository<TradeRow, Integer> {
        Optional<TradeRow> findByTradeId(String tradeId);
    }

    interface EventRows extends CrudRepository<EventRow, Integer> {
    }

    interface TemplateRows extends Repository<TemplateRow, Integer> {
        Optional<TemplateRow> findByTemplateId(String templateId);
    }

    /** Spring Data JDBC's own configuration, with the SQL Server dialect named rather than detected. */
    @Configuration
    @EnableJdbcRepositories(considerNestedRepositories = true, basePackageClasses = SpringDataJdbcPeer.class)
    static class PeerConfiguration extends AbstractJdbcConfiguration {

        @Bean
        NamedParameterJdbcOperations namedParameterJdbcOperations(DataSource dataSource) {
            return new NamedParameterJdbcTemplate(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Override
        public JdbcDialect jdbcDialect(NamedParameterJdbcOperations operations) {
            return JdbcSqlServerDialect.INSTANCE;
        }
    }

    private final AnnotationConfigApplicationContext context;
    private final TradeRows trades;
    private final EventRows events;
    private final TemplateRows templates;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    SpringDataJdbcPeer(DataSource pool) {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> pool);
        context.register(PeerConfiguration.class);
        context.refresh();
        trades = context.getBean(TradeRows.class);
        events = context.getBean(EventRows.class);
        templates = context.getBean(TemplateRows.class);
        transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    Optional<Trade> findTrade(String tradeId) {
        return trades.findByTradeId(tradeId).map(SpringDataJdbcPeer::toTrade);
    }

    Trade book(NewTrade t) {
        return transaction.execute(status -> {
            TemplateRow template = templates.findByTemplateId(t.templateId())
                    .orElseThrow(() -> new IllegalArgumentException("no template " + t.templateId()));
            if (!"active".equals(template.status()) || !template.specVersion().equalsIgnoreCase(t.specVersion())) {
                throw new IllegalArgumentException("template not usable");
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MICROS);
            trades.save(new TradeRow(null, t.tradeId(), template.templateId(), template.specVersion(), t.tradeDate(),
                    t.maturityDate(), t.notional(), t.currency(), TradeStatus.ACTIVE.getLiteral(), false, false,
                    t.tradeParams(), null, 0, now, now));
            String payload = "{\"template_id\":\"" + template.templateId() + "\",\"spec_version\":\""
                    + template.specVersion() + "\",\"trade_date\":\"" + t.tradeDate() + "\",\"maturity_date\":\""
                    + t.maturityDate() + "\",\"notional\":" + t.notional().toPlainString() + ",\"currency\":\""
                    + t.currency() + "\"}";
            events.save(new EventRow(null, t.tradeId(), "created", t.tradeDate(), payload, now));
            return trades.findByTradeId(t.tradeId()).map(SpringDataJdbcPeer::toTrade).orElseThrow();
        });
    }

    private static Trade toTrade(TradeRow r) {
        return new Trade(r.tradeId(), r.templateId(), r.specVersion(), r.tradeDate(), r.maturityDate(), r.notional(),
                r.currency(), EnumType.lookupLiteral(TradeStatus.class, r.status()), r.autocallTriggered(),
                r.kiTriggered(), r.tradeParams(), Optional.ofNullable(r.terminationDate()), r.version(),
                r.createdAt(), r.updatedAt());
    }

    @Override
    public void close() {
        context.close();
    }
}
