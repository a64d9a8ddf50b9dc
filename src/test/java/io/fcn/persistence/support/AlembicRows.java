package io.fcn.persistence.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Rows for the service's original (Alembic-built) schema, shared by the tests that adopt such a database. The
 * revision has no server defaults, so the rows carry their timestamps, as the service's ORM writes them.
 */
public final class AlembicRows {

    private static final String AT = "'2025-01-02T09:30:00+00:00'";

    /** One row in every table of the Alembic-era schema. */
    public static final List<String> ROWS = List.of(
            "INSERT INTO dbo.fcn_template (template_id, name, spec_version, status, issuer, parameters, created_at,"
                    + " updated_at) VALUES ('T-1', 'Template one', '1.0', 'active', 'ISSUER', '{\"k\":1}', " + AT
                    + ", " + AT + ")",
            "INSERT INTO dbo.fcn_trade (trade_id, template_id, spec_version, trade_date, maturity_date, notional,"
                    + " currency, status, autocall_triggered, ki_triggered, trade_params, created_at, updated_at) VALUES ('TR-1',"
                    + " 'T-1', '1.0', '2025-01-02', '2026-01-02', 1000.5, 'USD', 'active', 0, 0, '{}', " + AT + ", "
                    + AT + ")",
            "INSERT INTO dbo.fcn_observation (trade_id, observation_date, observation_type, underlying_prices,"
                    + " autocall_triggered, coupon_eligible, ki_triggered, observation_data, created_at) VALUES ('TR-1',"
                    + " '2025-06-02', 'coupon', '{\"x\":100}', 0, 1, 0, NULL, " + AT + ")",
            "INSERT INTO dbo.fcn_lifecycle_event (trade_id, event_type, event_date, event_payload, created_at)"
                    + " VALUES ('TR-1', 'created', '2025-01-02', '{}', " + AT + ")",
            "INSERT INTO dbo.fcn_idempotency_key (key_hash, request_fingerprint, request_method, request_path,"
                    + " response_status, response_snapshot, created_at, expires_at) VALUES ('hash-1', 'fp', 'POST',"
                    + " '/trades', 201, '{}', " + AT + ", '2030-01-01T00:00:00+00:00')");

    /** Reads every row back, in a stable order, to compare before and after. */
    public static final List<String> READS = List.of(
            "SELECT id, template_id, name, parameters, created_at FROM dbo.fcn_template"
                    + " ORDER BY id",
            "SELECT id, trade_id, CAST(trade_date AS DATE), CAST(maturity_date AS DATE), notional, currency,"
                    + " trade_params FROM dbo.fcn_trade ORDER BY id",
            "SELECT id, trade_id, CAST(observation_date AS DATE), observation_type, underlying_prices"
                    + " FROM dbo.fcn_observation ORDER BY id",
            "SELECT id, trade_id, event_type, CAST(event_date AS DATE), event_payload FROM dbo.fcn_lifecycle_event"
                    + " ORDER BY id",
            "SELECT id, key_hash, response_status, response_snapshot FROM dbo.fcn_idempotency_key ORDER BY id",
            "SELECT version_num FROM dbo.alembic_version");

    private AlembicRows() {
    }

    /** Every row {@link #READS} reads, each as its columns joined by " | ". */
    public static List<String> read(DataSource dataSource) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String query : READS) {
                try (ResultSet rs = s.executeQuery(query)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(i > 1 ? " | " : "").append(rs.getString(i));
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }
}
