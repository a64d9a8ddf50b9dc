package io.fcn.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.idempotency.IdempotencyRepository;
import io.fcn.persistence.idempotency.IdempotentRequest;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.template.TemplateUpdate;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.trade.Termination;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.types.TemplateStatus;

/**
 * Every input a service builds has a named form that validates when built; the positional forms that invite a swap
 * are deprecated, and docs/upgrading.md lists each with its replacement.
 */
class NamedConstructionTest {

    private static final LocalDate D = LocalDate.of(2026, 4, 15);

    private static String field(org.junit.jupiter.api.function.Executable build) {
        return assertThrows(ValidationException.class, build).field();
    }

    @Test
    void aTemplateIsBuiltByName() {
        NewTemplate t = NewTemplate.builder().templateId("TPL-1").name("FCN 12M").specVersion("1.0").issuer("Bank A")
                .parameters("{}").active().build();
        assertEquals(List.of("TPL-1", "FCN 12M", "1.0", "Bank A", "{}"),
                List.of(t.templateId(), t.name(), t.specVersion(), t.issuer(), t.parameters()));
        assertEquals(TemplateStatus.ACTIVE, t.status());
        NewTemplate.Builder draft = NewTemplate.builder().templateId("TPL-2").name("n").specVersion("1.0")
                .issuer("Bank A").parameters("[]").draft();
        assertEquals(TemplateStatus.DRAFT, draft.build().status());
        assertEquals("status", field(() -> NewTemplate.builder().templateId("T").name("n").specVersion("1")
                .issuer("i").parameters("{}").build()), "the status is chosen, not defaulted");
        assertEquals("issuer", field(() -> draft.issuer("ธนาคาร").build()));
        assertEquals("status", field(() -> draft.issuer("i").status(TemplateStatus.DEPRECATED).build()));
    }

    @Test
    void aTemplateUpdateIsBuiltByName() {
        TemplateUpdate both = TemplateUpdate.builder().name("New name").parameters("{\"a\": 1}").build();
        assertEquals(Optional.of("New name"), both.name());
        assertEquals(Optional.of("{\"a\": 1}"), both.parameters());
        assertEquals(Optional.empty(), TemplateUpdate.builder().parameters("[]").build().name());
        assertEquals("update", field(() -> TemplateUpdate.builder().build()));
        assertEquals("parameters", field(() -> TemplateUpdate.builder().name("n").parameters("{").build()));
    }

    @Test
    void aTerminationIsBuiltByNameAndValidatedWhenBuilt() {
        Termination t = Termination.builder().date(D).reason("client request")
                .settlementAmount(new BigDecimal("-1250.00")).build();
        assertEquals(new Termination(D, "client request", new BigDecimal("-1250.00")), t);
        assertEquals("termination_date", field(() -> Termination.builder().reason("r")
                .settlementAmount(BigDecimal.ZERO).build()));
        assertEquals("termination_reason", field(() -> Termination.builder().date(D).reason(" ")
                .settlementAmount(BigDecimal.ZERO).build()));
        assertEquals("termination_reason", field(() -> Termination.builder().date(D).reason("r".repeat(501))
                .settlementAmount(BigDecimal.ZERO).build()));
        assertEquals("settlement_amount", field(() -> Termination.builder().date(D).reason("r").build()));
    }

    @Test
    void anObservationIsBuiltByNameAndValidatedWhenBuilt() {
        Observation o = Observation.builder().tradeId("TRD-1").observationDate(D).type(ObservationType.KI)
                .underlyingPrices("{\"AAPL\": 182.5}").kiTriggered(true).observationData("{\"note\": 1}").build();
        assertEquals(List.of(false, false, true),
                List.of(o.autocallTriggered(), o.couponEligible(), o.kiTriggered()), "each flag by its name");
        assertEquals("TRD-1", o.tradeId());
        assertEquals("{\"note\": 1}", o.observationData());
        Observation.Builder valid = Observation.builder().tradeId("TRD-1").observationDate(D)
                .type(ObservationType.COUPON).underlyingPrices("{}");
        assertEquals(null, valid.build().observationData());
        assertEquals("trade_id", field(() -> Observation.builder().observationDate(D).type(ObservationType.COUPON)
                .underlyingPrices("{}").build()));
        assertEquals("trade_id", field(() -> valid.tradeId("TRD-1 ").build()));
        assertEquals("observation_date", field(() -> valid.tradeId("TRD-1").observationDate(null).build()));
        assertEquals("observation_type", field(() -> valid.observationDate(D).type(null).build()));
        assertEquals("underlying_prices", field(() -> valid.type(ObservationType.COUPON).underlyingPrices("{")
                .build()));
        assertEquals("observation_data", field(() -> valid.underlyingPrices("{}").observationData("no").build()));
    }

    @Test
    void aTradeIsBuiltByName() {
        NewTrade t = NewTrade.builder().tradeId("TRD-1").templateId("TPL-1").specVersion("1.0").tradeDate(D)
                .maturityDate(D.plusYears(1)).notional(BigDecimal.TEN).currency("USD").tradeParams("{}").build();
        assertEquals(List.of("TRD-1", "TPL-1", "1.0"), List.of(t.tradeId(), t.templateId(), t.specVersion()));
        assertEquals("maturity_date", field(() -> NewTrade.builder().tradeId("TRD-1").templateId("TPL-1")
                .specVersion("1.0").tradeDate(D).maturityDate(D).notional(BigDecimal.TEN).currency("USD")
                .tradeParams("{}").build()));
    }

    /** The positional forms of the inputs, deprecated, each listed in docs/upgrading.md. */
    @Test
    void theOldFormsAreDeprecatedAndListedInTheUpgradingGuide() throws IOException {
        List<String> deprecated = new ArrayList<>();
        for (Class<?> type : List.of(NewTemplate.class, TemplateUpdate.class, NewTrade.class, Termination.class,
                Observation.class, IdempotentRequest.class, IdempotencyRepository.class)) {
            List<Executable> members = new ArrayList<>(Arrays.asList(type.getConstructors()));
            members.addAll(Arrays.asList(type.getMethods()));
            for (Executable m : members) {
                if (m.isAnnotationPresent(Deprecated.class) && m.getDeclaringClass() == type) {
                    deprecated.add(signature(m));
                }
            }
        }
        assertEquals(new TreeSet<>(List.of(
                "IdempotencyRepository.claim(String, String, String, String, Duration, Duration)",
                "NewTemplate(String, String, String, String, String, TemplateStatus)",
                "NewTemplate.active(String, String, String, String, String)",
                "NewTemplate.draft(String, String, String, String, String)",
                "NewTrade(String, String, String, LocalDate, LocalDate, BigDecimal, String, String)",
                "Observation(String, LocalDate, ObservationType, String, boolean, boolean, boolean, String)",
                "TemplateUpdate(Optional, Optional)",
                "TemplateUpdate.nameAndParameters(String, String)")), new TreeSet<>(deprecated));
        String guide = Files.readString(Path.of("docs/upgrading.md"));
        for (String old : deprecated) {
            assertTrue(guide.contains("`" + old + "`"), "docs/upgrading.md lists " + old);
        }
        assertFalse(Termination.class.getConstructors()[0].isAnnotationPresent(Deprecated.class));
    }

    private static String signature(Executable m) {
        String params = Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", "));
        String owner = m.getDeclaringClass().getSimpleName();
        return (m instanceof Constructor<?> ? owner : owner + "." + m.getName()) + "(" + params + ")";
    }
}
