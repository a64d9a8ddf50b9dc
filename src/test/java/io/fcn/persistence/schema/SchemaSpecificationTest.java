package io.fcn.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;

/**
 * The oracle: the schema the two migrations define, written out here by hand, checked against the live catalog of
 * the migrated database on every engine. Only what the engine can show is asserted ({@link Engine}): N-ness not on
 * H2, DEFAULT constraint names on SQL Server only, fractional-second digits not on Babelfish; what it cannot show
 * must read as unknown.
 */
@AllEngines
class SchemaSpecificationTest {

    /** Table → columns as {@code name TYPE NULL|NOT NULL [IDENTITY]}, in migration order. */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();
    private static final Map<String, String> PRIMARY_KEYS = new LinkedHashMap<>();
    private static final Map<String, List<String>> UNIQUE_KEYS = new LinkedHashMap<>();
    private static final Map<String, List<String>> FOREIGN_KEYS = new LinkedHashMap<>();
    private static final Map<String, List<String>> INDEXES = new LinkedHashMap<>();
    private static final Map<String, List<String>> CHECKS = new LinkedHashMap<>();
    /** Column defaults as {@code column = expression [CONSTRAINT name]}. */
    private static final Map<String, List<String>> DEFAULTS = new LinkedHashMap<>();

    static {
        COLUMNS.put("fcn_template", List.of(
                "id INT NOT NULL IDENTITY",
                "template_id VARCHAR(100) NOT NULL",
                "name NVARCHAR(255) NOT NULL",
                "spec_version VARCHAR(20) NOT NULL",
                "status VARCHAR(20) NOT NULL",
                "issuer VARCHAR(100) NOT NULL",
                "parameters NVARCHAR(MAX) NOT NULL",
                "created_at DATETIMEOFFSET(7) NOT NULL",
                "updated_at DATETIMEOFFSET(7) NOT NULL",
                "deprecated_at DATETIMEOFFSET(7) NULL",
                "deprecation_reason NVARCHAR(500) NULL",
                "superseded_by VARCHAR(100) NULL",
                "version INT NOT NULL"));
        COLUMNS.put("fcn_trade", List.of(
                "id INT NOT NULL IDENTITY",
                "trade_id VARCHAR(100) NOT NULL",
                "template_id VARCHAR(100) NOT NULL",
                "spec_version VARCHAR(20) NOT NULL",
                "trade_date DATE NOT NULL",
                "maturity_date DATE NOT NULL",
                "notional DECIMAL(18,4) NOT NULL",
                "currency CHAR(3) NOT NULL",
                "status VARCHAR(20) NOT NULL",
                "autocall_triggered BIT NOT NULL",
                "ki_triggered BIT NOT NULL",
                "trade_params NVARCHAR(MAX) NOT NULL",
                "created_at DATETIMEOFFSET(7) NOT NULL",
                "updated_at DATETIMEOFFSET(7) NOT NULL",
                "termination_date DATE NULL",
                "version INT NOT NULL"));
        COLUMNS.put("fcn_observation", List.of(
                "id INT NOT NULL IDENTITY",
                "trade_id VARCHAR(100) NOT NULL",
                "observation_date DATE NOT NULL",
                "observation_type VARCHAR(20) NOT NULL",
                "underlying_prices NVARCHAR(MAX) NOT NULL",
                "autocall_triggered BIT NOT NULL",
                "coupon_eligible BIT NOT NULL",
                "ki_triggered BIT NOT NULL",
                "observation_data NVARCHAR(MAX) NULL",
                "created_at DATETIMEOFFSET(7) NOT NULL"));
        COLUMNS.put("fcn_lifecycle_event", List.of(
                "id INT NOT NULL IDENTITY",
                "trade_id VARCHAR(100) NOT NULL",
                "event_type VARCHAR(50) NOT NULL",
                "event_date DATE NOT NULL",
                "event_payload NVARCHAR(MAX) NOT NULL",
                "created_at DATETIMEOFFSET(7) NOT NULL"));
        COLUMNS.put("fcn_idempotency_key", List.of(
                "id INT NOT NULL IDENTITY",
                "key_hash VARCHAR(64) NOT NULL",
                "request_fingerprint VARCHAR(64) NOT NULL",
                "request_method VARCHAR(10) NOT NULL",
                "request_path VARCHAR(500) NOT NULL",
                "response_status INT NULL",
                "response_snapshot NVARCHAR(MAX) NULL",
                "created_at DATETIMEOFFSET(7) NOT NULL",
                "expires_at DATETIMEOFFSET(7) NOT NULL",
                "state VARCHAR(20) NOT NULL",
                "locked_until DATETIMEOFFSET(7) NULL",
                "lock_token VARCHAR(36) NULL"));

        PRIMARY_KEYS.put("fcn_template", "pk_fcn_template (id)");
        PRIMARY_KEYS.put("fcn_trade", "pk_fcn_trade (id)");
        PRIMARY_KEYS.put("fcn_observation", "pk_fcn_observation (id)");
        PRIMARY_KEYS.put("fcn_lifecycle_event", "pk_fcn_lifecycle_event (id)");
        PRIMARY_KEYS.put("fcn_idempotency_key", "pk_fcn_idempotency_key (id)");

        UNIQUE_KEYS.put("fcn_template", List.of("uq_fcn_template_template_id (template_id)"));
        UNIQUE_KEYS.put("fcn_trade", List.of("uq_fcn_trade_trade_id (trade_id)"));
        UNIQUE_KEYS.put("fcn_observation",
                List.of("uq_fcn_observation_trade_id_observation_date (trade_id, observation_date)"));
        UNIQUE_KEYS.put("fcn_lifecycle_event", List.of());
        UNIQUE_KEYS.put("fcn_idempotency_key", List.of("uq_fcn_idempotency_key_key_hash (key_hash)"));

        FOREIGN_KEYS.put("fcn_template",
                List.of("fk_fcn_template_superseded_by (superseded_by) -> fcn_template (template_id)"));
        FOREIGN_KEYS.put("fcn_trade", List.of("fk_fcn_trade_template (template_id) -> fcn_template (template_id)"));
        FOREIGN_KEYS.put("fcn_observation", List.of("fk_fcn_observation_trade (trade_id) -> fcn_trade (trade_id)"));
        FOREIGN_KEYS.put("fcn_lifecycle_event",
                List.of("fk_fcn_lifecycle_event_trade (trade_id) -> fcn_trade (trade_id)"));
        FOREIGN_KEYS.put("fcn_idempotency_key", List.of());

        // V20251022_0001, then V20261124_0003's list indexes.
        INDEXES.put("fcn_template", List.of("ix_fcn_template_spec_version_id (spec_version, id)",
                "ix_fcn_template_spec_version_status (spec_version, status)",
                "ix_fcn_template_status_id (status, id)"));
        INDEXES.put("fcn_trade", List.of("ix_fcn_trade_spec_version_status (spec_version, status)",
                "ix_fcn_trade_status_id (status, id)",
                "ix_fcn_trade_template_id (template_id)"));
        INDEXES.put("fcn_observation", List.of());
        INDEXES.put("fcn_lifecycle_event", List.of("ix_fcn_lifecycle_event_event_date_id (event_date, id)",
                "ix_fcn_lifecycle_event_trade_id_event_type (trade_id, event_type)",
                "ix_fcn_lifecycle_event_trade_id_id (trade_id, id)"));
        INDEXES.put("fcn_idempotency_key", List.of("ix_fcn_idempotency_key_expires_at (expires_at)"));

        CHECKS.put("fcn_template", List.of("ck_fcn_template_status", "ck_fcn_template_parameters_json",
                "ck_fcn_template_deprecation"));
        CHECKS.put("fcn_trade", List.of("ck_fcn_trade_status", "ck_fcn_trade_notional_positive",
                "ck_fcn_trade_maturity_after_trade_date", "ck_fcn_trade_currency", "ck_fcn_trade_trade_params_json"));
        CHECKS.put("fcn_observation", List.of("ck_fcn_observation_type", "ck_fcn_observation_underlying_prices_json",
                "ck_fcn_observation_observation_data_json"));
        CHECKS.put("fcn_lifecycle_event", List.of("ck_fcn_lifecycle_event_type", "ck_fcn_lifecycle_event_payload_json"));
        CHECKS.put("fcn_idempotency_key", List.of("ck_fcn_idempotency_key_expiry", "ck_fcn_idempotency_key_state",
                "ck_fcn_idempotency_key_completed_response", "ck_fcn_idempotency_key_claim_lease"));

        DEFAULTS.put("fcn_template", List.of(
                "created_at = sysdatetimeoffset() CONSTRAINT df_fcn_template_created_at",
                "updated_at = sysdatetimeoffset() CONSTRAINT df_fcn_template_updated_at",
                "version = 0 CONSTRAINT df_fcn_template_version"));
        DEFAULTS.put("fcn_trade", List.of(
                "created_at = sysdatetimeoffset() CONSTRAINT df_fcn_trade_created_at",
                "updated_at = sysdatetimeoffset() CONSTRAINT df_fcn_trade_updated_at",
                "version = 0 CONSTRAINT df_fcn_trade_version"));
        DEFAULTS.put("fcn_observation", List.of(
                "created_at = sysdatetimeoffset() CONSTRAINT df_fcn_observation_created_at"));
        DEFAULTS.put("fcn_lifecycle_event", List.of(
                "created_at = sysdatetimeoffset() CONSTRAINT df_fcn_lifecycle_event_created_at"));
        DEFAULTS.put("fcn_idempotency_key", List.of(
                "created_at = sysdatetimeoffset() CONSTRAINT df_fcn_idempotency_key_created_at",
                "state = 'completed' CONSTRAINT df_fcn_idempotency_key_state"));
    }

    private SchemaModel live;
    private Engine engine;

    @BeforeEach
    void readCatalog(DataSource dataSource, Database database) {
        live = SchemaReader.live(dataSource).read();
        engine = Engine.of(database);
    }

    @Test
    void theLibraryHasExactlyItsFiveTables() {
        assertEquals(sorted(List.copyOf(COLUMNS.keySet())), live.tableNames());
    }

    @Test
    void everyColumnHasItsTypeSizeNullabilityAndIdentity() {
        COLUMNS.forEach((table, columns) -> assertEquals(
                sorted(columns.stream().map(this::visible).toList()),
                sorted(table(table).columns().stream().map(SchemaSpecificationTest::render).toList()),
                table));
    }

    @Test
    void nationalCharacterTypesAreVisibleOnlyWhereTheEngineShowsThem() {
        for (TableModel table : live.tables()) {
            for (ColumnModel column : table.columns()) {
                if (column.type().family().isCharacter()) {
                    assertEquals(engine.showsNationalTypes(), column.type().nationalKnown(),
                            table.name() + "." + column.name());
                }
            }
        }
    }

    @Test
    void everyPrimaryKeyHasItsNameAndColumns() {
        PRIMARY_KEYS.forEach((table, key) -> assertEquals(key, render(table(table).primaryKey()), table));
    }

    @Test
    void everyUniqueConstraintHasItsNameAndColumns() {
        UNIQUE_KEYS.forEach((table, keys) -> assertEquals(sorted(keys),
                sorted(table(table).uniqueKeys().stream().map(SchemaSpecificationTest::render).toList()), table));
    }

    @Test
    void everyForeignKeyHasItsNameColumnsAndTarget() {
        FOREIGN_KEYS.forEach((table, keys) -> assertEquals(sorted(keys),
                sorted(table(table).foreignKeys().stream()
                        .map(fk -> fk.name() + " (" + String.join(", ", fk.columns()) + ") -> " + fk.referencedTable()
                                + " (" + String.join(", ", fk.referencedColumns()) + ")")
                        .toList()), table));
    }

    @Test
    void everyIndexHasItsNameAndColumnsAndNoneIsUniqueOrFiltered() {
        INDEXES.forEach((table, indexes) -> {
            List<IndexModel> actual = table(table).indexes();
            assertEquals(sorted(indexes), sorted(actual.stream()
                    .map(i -> i.name() + " (" + String.join(", ", i.columns()) + ")").toList()), table);
            for (IndexModel index : actual) {
                assertEquals(false, index.unique(), index.name());
                assertEquals(engine.showsIncludedColumns() ? List.of() : null, index.includedColumns(),
                        index.name());
                assertEquals(engine.showsIndexFilters() ? Optional.empty() : null, index.filter(), index.name());
            }
        });
    }

    @Test
    void everyCheckConstraintExistsByName() {
        CHECKS.forEach((table, checks) -> assertEquals(sorted(checks),
                sorted(table(table).checks().stream().map(CheckModel::name).toList()), table));
    }

    @Test
    void everyDefaultHasItsExpressionAndWhereVisibleItsName() {
        DEFAULTS.forEach((table, defaults) -> assertEquals(
                sorted(defaults.stream()
                        .map(d -> engine.showsDefaultNames() ? d : d.replaceAll(" CONSTRAINT .*", "")).toList()),
                sorted(table(table).defaults().stream()
                        .map(d -> d.column() + " = " + d.expression()
                                + (d.name() == null ? "" : " CONSTRAINT " + d.name()))
                        .toList()), table));
    }

    private TableModel table(String name) {
        return live.table(name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    /**
     * The expectation as this engine can show it: without N where N-ness is invisible, without fractional-second
     * digits where they are.
     */
    private String visible(String column) {
        String shown = engine.showsNationalTypes() ? column
                : column.replace(" NVARCHAR(", " VARCHAR(").replace(" NCHAR(", " CHAR(");
        return engine.showsFractionalSecondsScale() ? shown
                : shown.replaceAll(" (DATETIMEOFFSET|DATETIME2|TIME)\\(\\d\\)", " $1");
    }

    /** Rendered here, not by the model, so the oracle does not depend on the code it checks. */
    private static String render(ColumnModel c) {
        ColumnType t = c.type();
        String size = switch (t.family().size()) {
            case NONE -> "";
            case LENGTH -> "(" + (t.length().max() ? "MAX" : t.length().value()) + ")";
            case PRECISION_SCALE -> "(" + t.precision() + "," + t.scale() + ")";
            case FRACTIONAL_SECONDS -> t.scale() == null ? "" : "(" + t.scale() + ")";
        };
        return c.name() + " " + t.family().name() + size + (c.nullable() ? " NULL" : " NOT NULL")
                + (c.identity() ? " IDENTITY" : "");
    }

    private static String render(KeyModel key) {
        return key == null ? null : key.name() + " (" + String.join(", ", key.columns()) + ")";
    }

    private static <T extends Comparable<T>> List<T> sorted(List<T> items) {
        return items.stream().sorted().toList();
    }
}
