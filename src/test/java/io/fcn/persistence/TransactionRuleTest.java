package io.fcn.persistence;

import static io.fcn.persistence.jooq.Tables.FCN_TRADE;
import static io.fcn.persistence.testkit.FcnTestData.aTemplate;
import static io.fcn.persistence.testkit.FcnTestData.aTrade;
import static io.fcn.persistence.testkit.FcnTestData.anObservation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.SingleConnectionDataSource;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.exceptions.FcnPersistenceException;
import io.fcn.persistence.exceptions.NotFoundException;
import io.fcn.persistence.exceptions.TransactionRolledBackException;
import io.fcn.persistence.idempotency.ClaimToken;
import io.fcn.persistence.idempotency.IdempotencyRepository;
import io.fcn.persistence.idempotency.IdempotentRequest;
import io.fcn.persistence.lifecycle.LifecycleEventFilter;
import io.fcn.persistence.lifecycle.LifecycleEventRepository;
import io.fcn.persistence.observation.ObservationRepository;
import io.fcn.persistence.paging.KeysetRequest;
import io.fcn.persistence.paging.PageRequest;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.template.TemplateFilter;
import io.fcn.persistence.template.TemplateRepository;
import io.fcn.persistence.template.TemplateUpdate;
import io.fcn.persistence.trade.Termination;
import io.fcn.persistence.trade.TradeFilter;
import io.fcn.persistence.trade.TradeRepository;
import io.fcn.persistence.types.LifecycleEventType;

/**
 * README's one rule: every exception that leaves a library call made inside {@code inTransaction} marks the
 * transaction rollback-only; a caller that catches it and carries on gets {@link TransactionRolledBackException}
 * and nothing of the transaction is committed. Held for every public repository method, not a sample: a new public
 * method without a failing call here fails {@link #everyPublicRepositoryMethodIsCovered()}.
 */
@AllEngines
class TransactionRuleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final String MISSING = "NO-SUCH-1";
    private static final KeysetRequest FOREIGN_CURSOR = KeysetRequest.after("AAAAAAAAAAAAAAAAAAAAAAAA", 10);

    /** A failing call for each public repository method, keyed as {@link #key(Method)} names it. */
    private static Map<String, Consumer<FcnPersistence>> failingCalls() {
        Map<String, Consumer<FcnPersistence>> calls = new LinkedHashMap<>();
        calls.put("TemplateRepository.create(NewTemplate)", f -> f.templates().create(aTemplate()
                .withTemplateId("TPL-RULE").build()));
        calls.put("TemplateRepository.find(String)", f -> f.templates().find(" bad id "));
        calls.put("TemplateRepository.get(String)", f -> f.templates().get(MISSING));
        calls.put("TemplateRepository.list(TemplateFilter,KeysetRequest)",
                f -> f.templates().list(TemplateFilter.all(), FOREIGN_CURSOR));
        calls.put("TemplateRepository.list(TemplateFilter,PageRequest)",
                f -> f.templates().list(null, PageRequest.of(1, 10)));
        calls.put("TemplateRepository.update(String,int,TemplateUpdate)",
                f -> f.templates().update(MISSING, 0, TemplateUpdate.name("renamed")));
        calls.put("TemplateRepository.activate(String)", f -> f.templates().activate(MISSING));
        calls.put("TemplateRepository.deprecate(String,String)", f -> f.templates().deprecate(MISSING, "old"));
        calls.put("TemplateRepository.deprecate(String,String,String)",
                f -> f.templates().deprecate(MISSING, "old", "TPL-RULE"));

        calls.put("TradeRepository.book(NewTrade)", f -> f.trades().book(aTrade().withTradeId("TR-OTHER")
                .withTemplateId(MISSING).build()));
        calls.put("TradeRepository.find(String)", f -> f.trades().find(" bad id "));
        calls.put("TradeRepository.get(String)", f -> f.trades().get(MISSING));
        calls.put("TradeRepository.list(TradeFilter,KeysetRequest)",
                f -> f.trades().list(TradeFilter.byTemplate("TPL-RULE"), FOREIGN_CURSOR));
        calls.put("TradeRepository.list(TradeFilter,PageRequest)", f -> f.trades().list(null, PageRequest.of(1, 10)));
        calls.put("TradeRepository.knockIn(String,int,LocalDate)", f -> f.trades().knockIn(MISSING, 0, DAY));
        calls.put("TradeRepository.knockOut(String,int,LocalDate)", f -> f.trades().knockOut(MISSING, 0, DAY));
        calls.put("TradeRepository.autocall(String,int,LocalDate)", f -> f.trades().autocall(MISSING, 0, DAY));
        calls.put("TradeRepository.mature(String,int,LocalDate)", f -> f.trades().mature(MISSING, 0, DAY));
        calls.put("TradeRepository.terminate(String,int,Termination)", f -> f.trades().terminate(MISSING, 0,
                new Termination(DAY, "client request", BigDecimal.ZERO)));
        calls.put("TradeRepository.settle(String,int,LocalDate)", f -> f.trades().settle(MISSING, 0, DAY));

        calls.put("ObservationRepository.record(Observation)",
                f -> f.observations().record(anObservation().forTrade(MISSING).build()));
        calls.put("ObservationRepository.recordAll(List)",
                f -> f.observations().recordAll(List.of(anObservation().forTrade(MISSING).build())));
        calls.put("ObservationRepository.find(String,LocalDate)", f -> f.observations().find(MISSING, null));
        calls.put("ObservationRepository.findByTrade(String,LocalDate,LocalDate)",
                f -> f.observations().findByTrade(MISSING, DAY, DAY.minusDays(1)));

        calls.put("LifecycleEventRepository.append(String,LifecycleEventType,LocalDate,String)",
                f -> f.lifecycleEvents().append(MISSING, LifecycleEventType.COUPON_PAID, DAY, "{}"));
        calls.put("LifecycleEventRepository.history(String)", f -> f.lifecycleEvents().history(null));
        calls.put("LifecycleEventRepository.list(LifecycleEventFilter,KeysetRequest)",
                f -> f.lifecycleEvents().list(LifecycleEventFilter.byTrade("TR-RULE"), FOREIGN_CURSOR));
        calls.put("LifecycleEventRepository.list(LifecycleEventFilter,PageRequest)",
                f -> f.lifecycleEvents().list(null, PageRequest.of(1, 10)));

        calls.put("IdempotencyRepository.claim(String,IdempotentRequest,Duration,Duration)",
                f -> f.idempotency().claim("key-1", IdempotentRequest.withoutBody("POST", "/v1/trades"),
                        Duration.ofHours(1), Duration.ofSeconds(30)));
        calls.put("IdempotencyRepository.claim(String,IdempotentRequest,Duration,Duration,UUID)",
                f -> f.idempotency().claim("key-1", IdempotentRequest.withoutBody("POST", "/v1/trades"),
                        Duration.ofHours(1), Duration.ofSeconds(30), java.util.UUID.randomUUID()));
        calls.put("IdempotencyRepository.claim(String,String,String,String,Duration,Duration)",
                TransactionRuleTest::deprecatedClaim);
        calls.put("IdempotencyRepository.complete(ClaimToken,int,String)",
                f -> f.idempotency().complete(new ClaimToken("0".repeat(64), "not-a-token"), 201, "{}"));
        calls.put("IdempotencyRepository.release(ClaimToken)",
                f -> f.idempotency().release(new ClaimToken("0".repeat(64), "not-a-token")));
        calls.put("IdempotencyRepository.purgeExpired(OffsetDateTime,int)",
                f -> f.idempotency().purgeExpired(f.now(), 10));
        return calls;
    }

    @SuppressWarnings("deprecation")
    private static void deprecatedClaim(FcnPersistence f) {
        f.idempotency().claim("key-1", "0".repeat(64), "POST", "/v1/trades", Duration.ofHours(1),
                Duration.ofSeconds(30));
    }

    private static String key(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "("
                + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","))
                + ")";
    }

    @Test
    void everyPublicRepositoryMethodIsCovered() {
        TreeSet<String> methods = new TreeSet<>();
        for (Class<?> repository : List.of(TemplateRepository.class, TradeRepository.class,
                ObservationRepository.class, LifecycleEventRepository.class, IdempotencyRepository.class)) {
            for (Method m : repository.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
                    methods.add(key(m));
                }
            }
        }
        assertEquals(methods, new TreeSet<>(failingCalls().keySet()));
    }

    @Test
    void aCaughtFailureOfAnyLibraryCallRollsTheTransactionBack(FcnPersistence fcn, DataSource dataSource) {
        aTemplate().withTemplateId("TPL-RULE").create(fcn);
        int i = 0;
        for (Map.Entry<String, Consumer<FcnPersistence>> call : failingCalls().entrySet()) {
            String tradeId = "TR-RULE-" + i++;
            TransactionRolledBackException rolledBack = assertThrows(TransactionRolledBackException.class,
                    () -> fcn.inTransaction(() -> {
                        aTrade().withTradeId(tradeId).withTemplateId("TPL-RULE").book(fcn);
                        try {
                            call.getValue().accept(fcn);
                            fail(call.getKey() + " did not fail");
                        } catch (FcnPersistenceException caught) {
                            // the service catches it and carries on
                        }
                    }), call.getKey());
            assertInstanceOf(FcnPersistenceException.class, rolledBack.getCause(), call.getKey());
            assertEquals(Optional.empty(), committedTrade(dataSource, tradeId), call.getKey() + " committed");
        }
    }

    @Test
    void underCallerManagedTransactionsTheCallerDecides(DataSource dataSource) throws Exception {
        FcnPersistence setUp = FcnPersistence.builder(dataSource).build();
        aTemplate().withTemplateId("TPL-RULE").create(setUp);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            FcnPersistence callerManaged = FcnPersistence.builder(new SingleConnectionDataSource(connection))
                    .callerManagedTransactions().build();
            callerManaged.inTransaction(() -> {
                aTrade().withTradeId("TR-CALLER").withTemplateId("TPL-RULE").book(callerManaged);
                assertThrows(NotFoundException.class, () -> callerManaged.trades().get(MISSING));
            });
            // The library marks nothing in a transaction it does not own: the caller commits (as Spring does when
            // a @Transactional method catches the exception) or rolls back.
            connection.commit();
        }
        assertEquals(Optional.of("TR-CALLER"), committedTrade(dataSource, "TR-CALLER"));
    }

    private static Optional<String> committedTrade(DataSource dataSource, String tradeId) {
        return DSL.using(dataSource, SQLDialect.DEFAULT).select(FCN_TRADE.TRADE_ID).from(FCN_TRADE)
                .where(FCN_TRADE.TRADE_ID.eq(tradeId)).fetchOptional(FCN_TRADE.TRADE_ID);
    }
}
