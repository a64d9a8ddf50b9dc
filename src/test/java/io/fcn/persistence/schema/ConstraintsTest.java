package io.fcn.persistence.schema;

import static io.fcn.persistence.jooq.Tables.FCN_IDEMPOTENCY_KEY;
import static io.fcn.persistence.jooq.Tables.FCN_LIFECYCLE_EVENT;
import static io.fcn.persistence.jooq.Tables.FCN_OBSERVATION;
import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;
import static io.fcn.persistence.jooq.Tables.FCN_TRADE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Insert;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.jooq.tables.records.FcnIdempotencyKeyRecord;
import io.fcn.persistence.jooq.tables.records.FcnLifecycleEventRecord;
import io.fcn.persistence.jooq.tables.records.FcnObservationRecord;
import io.fcn.persistence.jooq.tables.records.FcnTemplateRecord;
import io.fcn.persistence.jooq.tables.records.FcnTradeRecord;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.types.ClaimState;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.types.TemplateStatus;
import io.fcn.persistence.types.TradeStatus;

/**
 * Every CHECK and FOREIGN KEY of the migrations rejects a violating row (naming itself in the error) and accepts a
 * valid one; unique keys reject duplicates, case-insensitively as under SQL Server's default collation. Raw jOOQ
 * inserts over the generated classes: this tests the database, not the repositories.
 */
@AllEngines
class ConstraintsTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 15, 9, 30, 0, 0, ZoneOffset.UTC);
    private static final LocalDate TRADE_DATE = LocalDate.of(2026, 1, 15);

    private DSLContext dsl;

    @BeforeEach
    void setUp(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- rows that satisfy every constraint, adjusted per test

    private FcnTemplateRecord template(String templateId, Consumer<FcnTemplateRecord> adjust) {
        FcnTemplateRecord r = dsl.newRecord(FCN_TEMPLATE);
        r.setTemplateId(templateId);
        r.setName("Template " + templateId);
        r.setSpecVersion("1.0");
        r.setStatus(TemplateStatus.ACTIVE);
        r.setIssuer("Issuer");
        r.setParameters("{\"tenor\": 12}");
        adjust.accept(r);
        return r;
    }

    private FcnTradeRecord trade(String tradeId, Consumer<FcnTradeRecord> adjust) {
        FcnTradeRecord r = dsl.newRecord(FCN_TRADE);
        r.setTradeId(tradeId);
        r.setTemplateId("TPL-1");
        r.setSpecVersion("1.0");
        r.setTradeDate(TRADE_DATE);
        r.setMaturityDate(TRADE_DATE.plusYears(1));
        r.setNotional(new BigDecimal("1000000.0000"));
        r.setCurrency("USD");
        r.setStatus(TradeStatus.ACTIVE);
        r.setAutocallTriggered(false);
        r.setKiTriggered(false);
        r.setTradeParams("{\"strike\": 0.8}");
        adjust.accept(r);
        return r;
    }

    private FcnObservationRecord observation(LocalDate date, Consumer<FcnObservationRecord> adjust) {
        FcnObservationRecord r = dsl.newRecord(FCN_OBSERVATION);
        r.setTradeId("TR-1");
        r.setObservationDate(date);
        r.setObservationType(ObservationType.COUPON);
        r.setUnderlyingPrices("{\"AAA\": 101.5}");
        r.setAutocallTriggered(false);
        r.setCouponEligible(true);
        r.setKiTriggered(false);
        adjust.accept(r);
        return r;
    }

    private FcnLifecycleEventRecord event(Consumer<FcnLifecycleEventRecord> adjust) {
        FcnLifecycleEventRecord r = dsl.newRecord(FCN_LIFECYCLE_EVENT);
        r.setTradeId("TR-1");
        r.setEventType(LifecycleEventType.CREATED);
        r.setEventDate(TRADE_DATE);
        r.setEventPayload("{}");
        adjust.accept(r);
        return r;
    }

    private FcnIdempotencyKeyRecord idempotencyKey(String keyHash, Consumer<FcnIdempotencyKeyRecord> adjust) {
        FcnIdempotencyKeyRecord r = dsl.newRecord(FCN_IDEMPOTENCY_KEY);
        r.setKeyHash(keyHash);
        r.setRequestFingerprint("f".repeat(64));
        r.setRequestMethod("POST");
        r.setRequestPath("/trades");
        r.setResponseStatus(201);
        r.setResponseSnapshot("{\"id\": 1}");
        r.setCreatedAt(T0);
        r.setExpiresAt(T0.plusDays(1));
        adjust.accept(r);
        return r;
    }

    private static <R> Consumer<R> asIs() {
        return r -> {
        };
    }

    /** A template TPL-1 and its trade TR-1, which the dependent rows reference. */
    private void parents() {
        accepted(template("TPL-1", asIs()));
        accepted(trade("TR-1", asIs()));
    }

    /**
     * The insert of {@code row} with {@code column} holding the text {@code value}: the generated field takes only
     * its enum's values, and the closed value sets are tested on any text.
     */
    private Row stored(TableRecord<?> row, TableField<?, ?> column, String value) {
        List<Field<?>> fields = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Field<?> f : row.fields()) {
            if (row.changed(f) && !f.equals(column)) {
                fields.add(f);
                values.add(row.get(f));
            }
        }
        fields.add(text(column));
        values.add(value);
        return new Row(row.getTable(), dsl.insertInto(row.getTable()).columns(fields).values(values));
    }

    /** An insert into {@code table}. */
    private record Row(Table<?> table, Insert<?> insert) {
    }

    /** {@code column} read as the text it stores, not as its enum. */
    private static Field<String> text(TableField<?, ?> column) {
        return DSL.field(column.getQualifiedName(), SQLDataType.VARCHAR);
    }

    // ---- assertions

    private void accepted(TableRecord<?> row) {
        accepted(new Row(row.getTable(), dsl.insertInto(row.getTable()).set(row)));
    }

    private void accepted(Row row) {
        assertEquals(1, row.insert().execute(), () -> "insert of " + row.insert());
    }

    private void rejected(String constraint, TableRecord<?> row) {
        rejected(constraint, new Row(row.getTable(), dsl.insertInto(row.getTable()).set(row)));
    }

    private void rejected(String constraint, Row row) {
        int before = dsl.fetchCount(row.table());
        DataAccessException e = assertThrows(DataAccessException.class, row.insert()::execute,
                () -> constraint + " should reject " + row.insert());
        assertTrue(messages(e).contains(constraint), () -> "rejected, but not by " + constraint + ": " + messages(e));
        assertEquals(before, dsl.fetchCount(row.table()));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    // ---- closed value sets

    @Test
    void templateStatusIsAClosedSet() {
        rejected("ck_fcn_template_status", stored(template("TPL-X", asIs()), FCN_TEMPLATE.STATUS, "retired"));
        accepted(stored(template("TPL-D", asIs()), FCN_TEMPLATE.STATUS, "draft"));
        accepted(stored(template("TPL-A", asIs()), FCN_TEMPLATE.STATUS, "active"));
    }

    /**
     * Under SQL Server's case-insensitive default collation {@code 'ACTIVE' IN ('active', …)} holds, so the closed
     * value sets do not enforce lower case; the embedded engine agrees. Callers validate the case before SQL.
     */
    @Test
    void closedValueSetsCompareCaseInsensitivelyLikeTheDefaultCollation() {
        accepted(stored(template("TPL-U", asIs()), FCN_TEMPLATE.STATUS, "ACTIVE"));
        assertEquals("ACTIVE", dsl.select(text(FCN_TEMPLATE.STATUS)).from(FCN_TEMPLATE)
                .where(FCN_TEMPLATE.TEMPLATE_ID.eq("TPL-U")).fetchOne(text(FCN_TEMPLATE.STATUS)));
    }

    @Test
    void tradeStatusIsAClosedSet() {
        accepted(template("TPL-1", asIs()));
        rejected("ck_fcn_trade_status", stored(trade("TR-X", asIs()), FCN_TRADE.STATUS, "open"));
        for (String status : List.of("active", "knocked_in", "knocked_out", "autocalled", "matured", "settled",
                "terminated")) {
            accepted(stored(trade("TR-" + status, asIs()), FCN_TRADE.STATUS, status));
        }
    }

    @Test
    void observationTypeIsAClosedSet() {
        parents();
        rejected("ck_fcn_observation_type",
                stored(observation(TRADE_DATE, asIs()), FCN_OBSERVATION.OBSERVATION_TYPE, "barrier"));
        accepted(stored(observation(TRADE_DATE, asIs()), FCN_OBSERVATION.OBSERVATION_TYPE, "ki"));
    }

    @Test
    void lifecycleEventTypeIsAClosedSet() {
        parents();
        rejected("ck_fcn_lifecycle_event_type", stored(event(asIs()), FCN_LIFECYCLE_EVENT.EVENT_TYPE, "booked"));
        for (String type : List.of("created", "observation_posted", "coupon_paid", "knocked_in", "knocked_out",
                "terminated", "matured", "autocall", "coupon_payment", "ki_breach", "maturity", "autocalled",
                "settled")) {
            accepted(stored(event(asIs()), FCN_LIFECYCLE_EVENT.EVENT_TYPE, type));
        }
    }

    // ---- trade economics

    @Test
    void notionalIsPositive() {
        accepted(template("TPL-1", asIs()));
        rejected("ck_fcn_trade_notional_positive", trade("TR-X", r -> r.setNotional(BigDecimal.ZERO)));
        rejected("ck_fcn_trade_notional_positive", trade("TR-X", r -> r.setNotional(new BigDecimal("-1"))));
        accepted(trade("TR-1", r -> r.setNotional(new BigDecimal("0.0001"))));
    }

    @Test
    void maturityFollowsTheTradeDate() {
        accepted(template("TPL-1", asIs()));
        rejected("ck_fcn_trade_maturity_after_trade_date", trade("TR-X", r -> r.setMaturityDate(TRADE_DATE)));
        rejected("ck_fcn_trade_maturity_after_trade_date",
                trade("TR-X", r -> r.setMaturityDate(TRADE_DATE.minusDays(1))));
        accepted(trade("TR-1", r -> r.setMaturityDate(TRADE_DATE.plusDays(1))));
    }

    @Test
    void currencyIsThreeUpperCaseLetters() {
        accepted(template("TPL-1", asIs()));
        for (String bad : List.of("usd", "Usd", "US1", "U$D", "US")) {
            rejected("ck_fcn_trade_currency", trade("TR-X", r -> r.setCurrency(bad)));
        }
        accepted(trade("TR-1", r -> r.setCurrency("USD")));
        accepted(trade("TR-2", r -> r.setCurrency("THB")));
    }

    // ---- JSON columns hold JSON

    @Test
    void templateParametersAreJson() {
        rejected("ck_fcn_template_parameters_json", template("TPL-X", r -> r.setParameters("not json")));
        rejected("ck_fcn_template_parameters_json", template("TPL-X", r -> r.setParameters("{\"a\": ")));
        accepted(template("TPL-1", r -> r.setParameters("{\"a\": [1, 2]}")));
    }

    @Test
    void tradeParamsAreJson() {
        accepted(template("TPL-1", asIs()));
        rejected("ck_fcn_trade_trade_params_json", trade("TR-X", r -> r.setTradeParams("not json")));
        accepted(trade("TR-1", r -> r.setTradeParams("[]")));
    }

    @Test
    void observationPricesAndDataAreJson() {
        parents();
        rejected("ck_fcn_observation_underlying_prices_json",
                observation(TRADE_DATE, r -> r.setUnderlyingPrices("not json")));
        rejected("ck_fcn_observation_observation_data_json",
                observation(TRADE_DATE, r -> r.setObservationData("not json")));
        accepted(observation(TRADE_DATE, r -> r.setObservationData(null)));
        accepted(observation(TRADE_DATE.plusDays(1), r -> r.setObservationData("{\"note\": \"ok\"}")));
    }

    @Test
    void lifecyclePayloadIsJson() {
        parents();
        rejected("ck_fcn_lifecycle_event_payload_json", event(r -> r.setEventPayload("not json")));
        accepted(event(r -> r.setEventPayload("{\"by\": \"ops\"}")));
    }

    // ---- template deprecation, both directions

    @Test
    void aDeprecatedTemplateHasItsDateAndReason() {
        accepted(template("TPL-1", asIs()));
        rejected("ck_fcn_template_deprecation", template("TPL-X", r -> {
            r.setStatus(TemplateStatus.DEPRECATED);
            r.setDeprecationReason("replaced");
        }));
        rejected("ck_fcn_template_deprecation", template("TPL-X", r -> {
            r.setStatus(TemplateStatus.DEPRECATED);
            r.setDeprecatedAt(T0);
        }));
        accepted(template("TPL-OLD", r -> {
            r.setStatus(TemplateStatus.DEPRECATED);
            r.setDeprecatedAt(T0);
            r.setDeprecationReason("replaced by TPL-1");
            r.setSupersededBy("TPL-1");
        }));
        accepted(template("TPL-GONE", r -> {
            r.setStatus(TemplateStatus.DEPRECATED);
            r.setDeprecatedAt(T0);
            r.setDeprecationReason("withdrawn");
        }));
    }

    @Test
    void aTemplateThatIsNotDeprecatedHasNoDeprecationData() {
        accepted(template("TPL-1", asIs()));
        rejected("ck_fcn_template_deprecation", template("TPL-X", r -> r.setDeprecatedAt(T0)));
        rejected("ck_fcn_template_deprecation", template("TPL-X", r -> r.setDeprecationReason("why")));
        rejected("ck_fcn_template_deprecation", template("TPL-X", r -> r.setSupersededBy("TPL-1")));
        rejected("ck_fcn_template_deprecation", template("TPL-X", r -> {
            r.setStatus(TemplateStatus.DRAFT);
            r.setDeprecatedAt(T0);
            r.setDeprecationReason("why");
        }));
        accepted(template("TPL-2", r -> r.setStatus(TemplateStatus.DRAFT)));
    }

    // ---- idempotency claims

    @Test
    void idempotencyStateIsAClosedSet() {
        rejected("ck_fcn_idempotency_key_state", stored(idempotencyKey("k1", asIs()), FCN_IDEMPOTENCY_KEY.STATE,
                "done"));
        accepted(stored(idempotencyKey("k1", asIs()), FCN_IDEMPOTENCY_KEY.STATE, "completed"));
        accepted(stored(idempotencyKey("k2", r -> {
            r.setLockToken("00000000-0000-0000-0000-000000000001");
            r.setLockedUntil(T0.plusMinutes(5));
        }), FCN_IDEMPOTENCY_KEY.STATE, "in_progress"));
    }

    @Test
    void aClaimInProgressHoldsALease() {
        rejected("ck_fcn_idempotency_key_claim_lease", idempotencyKey("k1", r -> {
            r.setState(ClaimState.IN_PROGRESS);
            r.setLockedUntil(T0.plusMinutes(5));
        }));
        rejected("ck_fcn_idempotency_key_claim_lease", idempotencyKey("k1", r -> {
            r.setState(ClaimState.IN_PROGRESS);
            r.setLockToken("00000000-0000-0000-0000-000000000001");
        }));
        accepted(idempotencyKey("k1", r -> {
            r.setState(ClaimState.IN_PROGRESS);
            r.setLockToken("00000000-0000-0000-0000-000000000001");
            r.setLockedUntil(T0.plusMinutes(5));
            r.setResponseStatus(null);
            r.setResponseSnapshot(null);
        }));
    }

    @Test
    void aCompletedKeyHasItsResponse() {
        rejected("ck_fcn_idempotency_key_completed_response", idempotencyKey("k1", r -> r.setResponseStatus(null)));
        rejected("ck_fcn_idempotency_key_completed_response",
                idempotencyKey("k1", r -> r.setResponseSnapshot(null)));
        accepted(idempotencyKey("k1", r -> r.setState(ClaimState.COMPLETED)));
        // The state defaults to completed: without it, the response is still required.
        assertEquals("completed", dsl.select(text(FCN_IDEMPOTENCY_KEY.STATE)).from(FCN_IDEMPOTENCY_KEY)
                .where(FCN_IDEMPOTENCY_KEY.KEY_HASH.eq("k1")).fetchOne(text(FCN_IDEMPOTENCY_KEY.STATE)));
    }

    @Test
    void aKeyExpiresAfterItIsCreated() {
        rejected("ck_fcn_idempotency_key_expiry", idempotencyKey("k1", r -> r.setExpiresAt(T0)));
        rejected("ck_fcn_idempotency_key_expiry", idempotencyKey("k1", r -> r.setExpiresAt(T0.minusSeconds(1))));
        // The same instant in another offset is not later.
        rejected("ck_fcn_idempotency_key_expiry", idempotencyKey("k1",
                r -> r.setExpiresAt(T0.withOffsetSameInstant(ZoneOffset.ofHours(7)))));
        accepted(idempotencyKey("k1", r -> r.setExpiresAt(T0.plusSeconds(1))));
    }

    // ---- foreign keys

    @Test
    void aTradeNeedsAnExistingTemplate() {
        accepted(template("TPL-1", asIs()));
        rejected("fk_fcn_trade_template", trade("TR-X", r -> r.setTemplateId("TPL-NONE")));
        accepted(trade("TR-1", r -> r.setTemplateId("TPL-1")));
        DataAccessException e = assertThrows(DataAccessException.class,
                () -> dsl.deleteFrom(FCN_TEMPLATE).where(FCN_TEMPLATE.TEMPLATE_ID.eq("TPL-1")).execute());
        assertTrue(messages(e).contains("fk_fcn_trade_template"), () -> messages(e));
    }

    @Test
    void anObservationNeedsAnExistingTrade() {
        parents();
        rejected("fk_fcn_observation_trade", observation(TRADE_DATE, r -> r.setTradeId("TR-NONE")));
        accepted(observation(TRADE_DATE, r -> r.setTradeId("TR-1")));
    }

    @Test
    void aLifecycleEventNeedsAnExistingTrade() {
        parents();
        rejected("fk_fcn_lifecycle_event_trade", event(r -> r.setTradeId("TR-NONE")));
        accepted(event(r -> r.setTradeId("TR-1")));
    }

    @Test
    void aTemplateIsSupersededByAnExistingTemplate() {
        accepted(template("TPL-1", asIs()));
        rejected("fk_fcn_template_superseded_by", template("TPL-OLD", r -> {
            r.setStatus(TemplateStatus.DEPRECATED);
            r.setDeprecatedAt(T0);
            r.setDeprecationReason("replaced");
            r.setSupersededBy("TPL-NONE");
        }));
        accepted(template("TPL-OLD", r -> {
            r.setStatus(TemplateStatus.DEPRECATED);
            r.setDeprecatedAt(T0);
            r.setDeprecationReason("replaced");
            r.setSupersededBy("TPL-1");
        }));
    }

    // ---- unique business keys

    @Test
    void businessKeysAreUnique() {
        parents();
        rejected("uq_fcn_template_template_id", template("TPL-1", asIs()));
        rejected("uq_fcn_trade_trade_id", trade("TR-1", asIs()));
        accepted(observation(TRADE_DATE, asIs()));
        rejected("uq_fcn_observation_trade_id_observation_date", observation(TRADE_DATE, asIs()));
        accepted(idempotencyKey("k1", asIs()));
        rejected("uq_fcn_idempotency_key_key_hash", idempotencyKey("k1", asIs()));
    }

    /** SQL Server's default collation is case-insensitive; the embedded engine is made to behave the same. */
    @Test
    void businessKeysCompareCaseInsensitivelyAsUnderSqlServersDefaultCollation() {
        accepted(template("CASE-1", asIs()));
        rejected("uq_fcn_template_template_id", template("case-1", asIs()));

        assertEquals(List.of("CASE-1"), dsl.select(FCN_TEMPLATE.TEMPLATE_ID).from(FCN_TEMPLATE)
                .where(FCN_TEMPLATE.TEMPLATE_ID.eq("Case-1")).fetch(FCN_TEMPLATE.TEMPLATE_ID));
        // A foreign key matches under the same rules.
        accepted(trade("TR-1", r -> r.setTemplateId("case-1")));
    }
}
