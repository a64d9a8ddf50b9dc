package io.fcn.persistence.migration;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.drift.DriftReport;
import io.fcn.persistence.idempotency.ClaimOutcome;
import io.fcn.persistence.idempotency.IdempotencyKeys;
import io.fcn.persistence.types.LifecycleEventType;
import io.fcn.persistence.observation.Observation;
import io.fcn.persistence.types.ObservationType;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.SchemaReader;
import io.fcn.persistence.schema.model.TableFilter;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.template.NewTemplate;
import io.fcn.persistence.trade.NewTrade;
import io.fcn.persistence.exceptions.MigrationException;
import io.fcn.persistence.internal.scripts.MigrationScripts;

@AllEngines(migrated = false)
class MigrationOperationsTest {

    private static final String V1 = "20251022.0001";
    private static final String V2 = "20251101.0002";

    /** The first revision's columns, as V1 creates them: what undoing V2 must keep, row for row. */
    private static final Map<String, List<String>> V1_COLUMNS = new LinkedHashMap<>();

    static {
        V1_COLUMNS.put("fcn_template", List.of("id", "template_id", "name", "spec_version", "status", "issuer",
                "parameters", "created_at", "updated_at"));
        V1_COLUMNS.put("fcn_trade", List.of("id", "trade_id", "template_id", "spec_version", "trade_date",
                "maturity_date", "notional", "currency", "status", "autocall_triggered", "ki_triggered",
                "trade_params", "created_at", "updated_at"));
        V1_COLUMNS.put("fcn_observation", List.of("id", "trade_id", "observation_date", "observation_type",
                "underlying_prices", "autocall_triggered", "coupon_eligible", "ki_triggered", "observation_data",
                "created_at"));
        V1_COLUMNS.put("fcn_lifecycle_event", List.of("id", "trade_id", "event_type", "event_date",
                "event_payload", "created_at"));
        V1_COLUMNS.put("fcn_idempotency_key", List.of("id", "key_hash", "request_fingerprint", "request_method",
                "request_path", "response_status", "response_snapshot", "created_at", "expires_at"));
    }

    @Test
    void migrateUndoToBaseMigrateLeavesAnIdenticalSchema(DataSource dataSource) {
        MigrationOperations ops = MigrationOperations.on(dataSource);
        assertEquals(MigrationScripts.migrations().size(), ops.migrate(null).size());
        SchemaModel fresh = SchemaReader.live(dataSource).read();

        List<StepResult> undone = ops.undo(UndoTarget.toBase());
        assertEquals(List.of("20261124.0003", V2, V1), undone.stream().map(StepResult::version).toList());
        assertEquals(List.of(), SchemaReader.live(dataSource).read().tableNames(), "no library table left");
        assertNull(ops.info().currentVersion());
        assertEquals(MigrationScripts.migrations().size(), ops.info().pending().size());

        ops.migrate(null);
        DriftReport report = DriftReport.compare(fresh, SchemaReader.live(dataSource).read());
        assertTrue(report.isEmpty(), report::toText);
        assertEquals(MigrationScripts.latestVersion(), ops.info().currentVersion());
        assertTrue(FcnMigrations.flyway(dataSource).validateWithResult().validationSuccessful);
    }

    @Test
    void undoOfV2KeepsEveryRowOfTheFirstRevisionAndDeletesUnfinishedClaims(DataSource dataSource) {
        MigrationOperations ops = MigrationOperations.on(dataSource);
        ops.migrate(null);
        FcnPersistence fcn = FcnPersistence.builder(dataSource).build();
        fcn.templates().create(NewTemplate.active("TPL-1", "Worst-of", "1.0", "BANK-A", "{\"tenor_months\": 12}"));
        fcn.trades().book(NewTrade.builder().tradeId("TRD-1").templateId("TPL-1").specVersion("1.0")
                .tradeDate(LocalDate.of(2026, 1, 15)).maturityDate(LocalDate.of(2027, 1, 15))
                .notional(new BigDecimal("1000000.00")).currency("USD").tradeParams("{\"u\": [\"AAPL\"]}").build());
        fcn.observations().record(new Observation("TRD-1", LocalDate.of(2026, 4, 15), ObservationType.COUPON,
                "{\"AAPL\": 182.5}", false, true, false, null));
        fcn.lifecycleEvents().append("TRD-1", LifecycleEventType.COUPON_PAID, LocalDate.of(2026, 4, 17),
                "{\"amount\": 8750.00}");
        ClaimOutcome done = fcn.idempotency().claim("done-key", IdempotencyKeys.fingerprint("POST", "/v1/a", "{}"),
                "POST", "/v1/a", Duration.ofHours(24), Duration.ofSeconds(30));
        fcn.idempotency().complete(((ClaimOutcome.Claimed) done).token(), 201, "{\"status\": \"created\"}");
        fcn.idempotency().claim("open-key", IdempotencyKeys.fingerprint("POST", "/v1/b", "{}"), "POST", "/v1/b",
                Duration.ofHours(24), Duration.ofSeconds(30));

        DSLContext dsl = DSL.using(dataSource, SQLDialect.DEFAULT);
        Map<String, List<List<Object>>> before = v1Rows(dsl);
        assertEquals(2, before.get("fcn_idempotency_key").size());

        ops.undo(UndoTarget.toVersion(V1));
        assertEquals(V1, ops.info().currentVersion());

        Map<String, List<List<Object>>> after = v1Rows(dsl);
        String completedHash = IdempotencyKeys.keyHash("done-key");
        before.put("fcn_idempotency_key", before.get("fcn_idempotency_key").stream()
                .filter(row -> row.get(1).equals(completedHash)).toList());
        assertEquals(1, before.get("fcn_idempotency_key").size());
        assertEquals(before, after, "every row of the first revision's tables but the unfinished claim");
        List<String> v2Columns = SchemaReader.live(dataSource).read().table("fcn_trade").orElseThrow()
                .columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        assertEquals(V1_COLUMNS.get("fcn_trade").stream().sorted().toList(), v2Columns.stream().sorted().toList());
        // The response columns are NOT NULL again, as in the first revision.
        assertThrows(RuntimeException.class, () -> dsl.insertInto(table(name("dbo", "fcn_idempotency_key")))
                .columns(field(name("key_hash")), field(name("request_fingerprint")), field(name("request_method")),
                        field(name("request_path")), field(name("response_snapshot")), field(name("expires_at")))
                .values("h", "f", "POST", "/p", "{}", java.time.OffsetDateTime.parse("2099-01-01T00:00:00Z"))
                .execute());

        ops.migrate(null);
        assertEquals(after, v1Rows(dsl), "migrating up again keeps them too");
    }

    @Test
    void migrateStopsAtTheTarget(DataSource dataSource) {
        MigrationOperations ops = MigrationOperations.on(dataSource);
        assertEquals(List.of(V1, V2), ops.migrate(V2).stream().map(StepResult::version).toList());
        assertEquals(V2, ops.info().currentVersion());
        assertEquals(List.of("20261124.0003"), ops.info().pending().stream().map(MigrationEntry::version).toList());
        assertEquals(List.of(V2), ops.undo(UndoTarget.steps(1)).stream().map(StepResult::version).toList());
        assertEquals(V1, ops.info().currentVersion());
    }

    @Test
    void sqlPrintsWhatMigrateThenExecutesAndChangesNothing(DataSource dataSource) {
        RecordingDataSource recording = new RecordingDataSource(dataSource);
        MigrationOperations ops = MigrationOperations.on(recording.dataSource());
        ops.migrate(V1);
        SchemaModel before = SchemaReader.live(dataSource, TableFilter.all()).read();

        List<String> printed = ops.sql(null).stream().flatMap(s -> s.statements().stream()).toList();
        assertFalse(printed.isEmpty());
        assertEquals(before, SchemaReader.live(dataSource, TableFilter.all()).read(), "sql changed the database");
        assertEquals(V1, ops.info().currentVersion());

        recording.clear();
        ops.migrate(null);
        assertEquals(printed, scriptStatements(recording.statements()));

        List<String> undoPrinted = ops.sqlUndo(UndoTarget.toVersion(V1)).stream()
                .flatMap(s -> s.statements().stream()).toList();
        recording.clear();
        ops.undo(UndoTarget.toVersion(V1));
        assertEquals(undoPrinted, scriptStatements(recording.statements()).stream()
                .filter(sql -> !sql.startsWith("delete from \"dbo\".\"" + FcnMigrations.HISTORY_TABLE)).toList());
    }

    @Test
    void aMigrationCreatedByNewAndFilledInIsAppliedByTheNextMigrate(DataSource dataSource, @TempDir Path dir) throws Exception {
        Path migrations = dir.resolve("db/migration");
        Path rollbacks = dir.resolve("db/rollback");
        NewMigration.Created created = NewMigration.create(migrations, rollbacks, "Add trade note!",
                LocalDate.of(2026, 11, 25));
        assertEquals("20261125.0004", created.version());
        assertEquals("V20261125_0004__add_trade_note.sql", created.migration().getFileName().toString());
        assertEquals("U20261125_0004__add_trade_note.sql", created.rollback().getFileName().toString());
        Files.writeString(created.migration(), Files.readString(created.migration())
                + "ALTER TABLE dbo.fcn_trade ADD note NVARCHAR(200) NULL;\n");
        Files.writeString(created.rollback(), Files.readString(created.rollback())
                + "ALTER TABLE dbo.fcn_trade DROP COLUMN note;\n");

        MigrationOperations ops = MigrationOperations.on(dataSource).withProjectDirectories(migrations, rollbacks);
        List<StepResult> applied = ops.migrate(null);
        assertEquals("20261125.0004", applied.get(applied.size() - 1).version());
        assertTrue(columns(dataSource, "fcn_trade").contains("note"));
        assertEquals("yes", ops.info().migrations().get(3).rollback());

        assertEquals("20261126.0005", NewMigration.create(migrations, rollbacks, "next", LocalDate.of(2026, 11, 26))
                .version(), "the sequence continues after the directory's files");
        Files.delete(migrations.resolve("V20261126_0005__next.sql"));
        Files.delete(rollbacks.resolve("U20261126_0005__next.sql"));

        ops.undo(UndoTarget.steps(1));
        assertFalse(columns(dataSource, "fcn_trade").contains("note"));
    }

    @Test
    void undoRefusesPastAnIrreversibleMigrationAndUndoesNothing(DataSource dataSource, @TempDir Path dir)
            throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V20261125_0004__drop_notes.sql"),
                "-- fcn:irreversible the dropped column's values are gone\n"
                        + "ALTER TABLE dbo.fcn_trade ADD note2 INT NULL;\n");
        MigrationOperations ops = MigrationOperations.on(dataSource)
                .withProjectDirectories(migrations, dir.resolve("rollback"));
        ops.migrate(null);
        assertEquals("irreversible: the dropped column's values are gone",
                ops.info().migrations().get(3).rollback());

        MigrationException e = assertThrows(MigrationException.class, () -> ops.undo(UndoTarget.steps(2)));
        assertTrue(e.getMessage().contains("irreversible: the dropped column's values are gone"), e.getMessage());
        assertEquals("20261125.0004", ops.info().currentVersion(), "nothing was undone");
        assertThrows(MigrationException.class, () -> ops.undo(UndoTarget.steps(9)));
        assertThrows(MigrationException.class, () -> ops.undo(UndoTarget.toVersion("20250101.0001")));
    }

    @Test
    void undoRefusesWhenTheHistoryHasAVersionTheJarDoesNotKnow(DataSource dataSource, @TempDir Path dir)
            throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V20261125_0004__extra.sql"), "ALTER TABLE dbo.fcn_trade ADD n INT NULL;\n");
        MigrationOperations.on(dataSource).withProjectDirectories(migrations, dir).migrate(null);

        MigrationOperations jarOnly = MigrationOperations.on(dataSource);
        MigrationException e = assertThrows(MigrationException.class, () -> jarOnly.undo(UndoTarget.steps(1)));
        assertTrue(e.getMessage().contains("unknown"), e.getMessage());
        assertTrue(columns(dataSource, "fcn_trade").contains("n"));
    }

    @Test
    void purgeIdempotencyDeletesExpiredKeysOnly(DataSource dataSource, FcnPersistence atStartOfTest) {
        MigrationOperations ops = MigrationOperations.on(dataSource);
        ops.migrate(null);
        // Claimed at the test clock's start (January 2026) for an hour: long expired by the system clock.
        atStartOfTest.idempotency().claim("old-key", IdempotencyKeys.fingerprint("POST", "/v1/a", "{}"), "POST",
                "/v1/a", Duration.ofHours(1), Duration.ofSeconds(30));
        FcnPersistence.builder(dataSource).build().idempotency().claim("fresh-key",
                IdempotencyKeys.fingerprint("POST", "/v1/b", "{}"), "POST", "/v1/b", Duration.ofHours(24),
                Duration.ofSeconds(30));
        assertEquals(1, ops.purgeIdempotency(10));
        assertEquals(List.of(IdempotencyKeys.keyHash("fresh-key")), DSL.using(dataSource, SQLDialect.DEFAULT)
                .select(field(name("key_hash"), String.class)).from(table(name("dbo", "fcn_idempotency_key")))
                .fetch(r -> r.value1()));
    }

    private static List<String> columns(DataSource dataSource, String table) {
        return SchemaReader.live(dataSource).read().table(table).orElseThrow().columns().stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** The recorded statements that are the scripts', in recorded order: Flyway's own bookkeeping aside. */
    private static List<String> scriptStatements(List<String> recorded) {
        return recorded.stream().filter(sql -> !bookkeeping(sql)).toList();
    }

    /** Flyway's (and the embedded preparation's) queries, locks, session settings and history writes. */
    private static boolean bookkeeping(String sql) {
        String s = sql.strip().toUpperCase(Locale.ROOT);
        return s.contains(FcnMigrations.HISTORY_TABLE.toUpperCase(Locale.ROOT)) && !s.startsWith("DELETE")
                || s.startsWith("SELECT") || s.startsWith("SET ") || s.startsWith("CALL ") || s.startsWith("USE ")
                || s.startsWith("DECLARE") || s.startsWith("CREATE SCHEMA") || s.startsWith("CREATE ALIAS")
                || s.contains("SP_GETAPPLOCK") || s.contains("SP_RELEASEAPPLOCK") || s.contains("INFORMATION_SCHEMA");
    }

    private static Map<String, List<List<Object>>> v1Rows(DSLContext dsl) {
        Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
        V1_COLUMNS.forEach((t, cols) -> {
            List<Field<Object>> fields = cols.stream().map(c -> field(name(c))).toList();
            rows.put(t, new ArrayList<>(dsl.select(fields).from(table(name("dbo", t)))
                    .orderBy(field(name("id"))).fetch(r -> r.intoList())));
        });
        return rows;
    }
}
