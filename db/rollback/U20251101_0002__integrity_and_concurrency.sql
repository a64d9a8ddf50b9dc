-- Undoes V20251101_0002__integrity_and_concurrency.sql, in reverse order. Every row of the first revision's tables
-- is kept, except unfinished idempotency claims (state <> 'completed'): the first revision's table cannot hold a
-- key without a response, so they are deleted (clients retry them as new requests). The values of the columns V2
-- added (deprecation, termination_date, version, claim leases) go with those columns. A deprecated template becomes
-- active: without its deprecation columns V2 could not be applied again (ck_fcn_template_deprecation), and the
-- first revision cannot retire a template (docs/migrations.md, what each undo does to each state).
-- GO ends a batch before a statement that uses a column added in it, as in V2.

DELETE FROM dbo.fcn_idempotency_key WHERE state <> 'completed';
ALTER TABLE dbo.fcn_idempotency_key DROP CONSTRAINT ck_fcn_idempotency_key_claim_lease;
ALTER TABLE dbo.fcn_idempotency_key DROP CONSTRAINT ck_fcn_idempotency_key_completed_response;
ALTER TABLE dbo.fcn_idempotency_key DROP CONSTRAINT ck_fcn_idempotency_key_state;

-- The response columns become NOT NULL again, by the same portable column swap V2 used (no ALTER COLUMN). A NOT
-- NULL column added to a table with rows needs a default; it is named, and dropped once the values are copied.
-- Defaults are dropped IF EXISTS: Babelfish keeps no DEFAULT constraints by name (it cannot drop them at all, so
-- there the two response defaults stay: a warning-level difference), SQL Server and H2 drop them.
EXEC sp_rename 'dbo.fcn_idempotency_key.response_status', 'response_status_v2', 'COLUMN';
EXEC sp_rename 'dbo.fcn_idempotency_key.response_snapshot', 'response_snapshot_v2', 'COLUMN';
ALTER TABLE dbo.fcn_idempotency_key ADD response_status INT NOT NULL
    CONSTRAINT df_fcn_idempotency_key_response_status DEFAULT 0;
ALTER TABLE dbo.fcn_idempotency_key ADD response_snapshot NVARCHAR(MAX) NOT NULL
    CONSTRAINT df_fcn_idempotency_key_response_snapshot DEFAULT '';
GO
UPDATE dbo.fcn_idempotency_key SET response_status = response_status_v2, response_snapshot = response_snapshot_v2;
ALTER TABLE dbo.fcn_idempotency_key DROP CONSTRAINT IF EXISTS df_fcn_idempotency_key_response_status;
ALTER TABLE dbo.fcn_idempotency_key DROP CONSTRAINT IF EXISTS df_fcn_idempotency_key_response_snapshot;
ALTER TABLE dbo.fcn_idempotency_key DROP COLUMN response_status_v2;
ALTER TABLE dbo.fcn_idempotency_key DROP COLUMN response_snapshot_v2;
GO

-- Idempotency claims.
ALTER TABLE dbo.fcn_idempotency_key DROP COLUMN lock_token;
ALTER TABLE dbo.fcn_idempotency_key DROP COLUMN locked_until;
ALTER TABLE dbo.fcn_idempotency_key DROP CONSTRAINT IF EXISTS df_fcn_idempotency_key_state;
ALTER TABLE dbo.fcn_idempotency_key DROP COLUMN state;

-- Optimistic locking.
ALTER TABLE dbo.fcn_trade DROP CONSTRAINT IF EXISTS df_fcn_trade_version;
ALTER TABLE dbo.fcn_trade DROP COLUMN version;
ALTER TABLE dbo.fcn_template DROP CONSTRAINT IF EXISTS df_fcn_template_version;
ALTER TABLE dbo.fcn_template DROP COLUMN version;

ALTER TABLE dbo.fcn_trade DROP COLUMN termination_date;

-- Template deprecation.
ALTER TABLE dbo.fcn_template DROP CONSTRAINT ck_fcn_template_deprecation;
UPDATE dbo.fcn_template SET status = 'active' WHERE status = 'deprecated';
ALTER TABLE dbo.fcn_template DROP CONSTRAINT fk_fcn_template_superseded_by;
ALTER TABLE dbo.fcn_template DROP COLUMN superseded_by;
ALTER TABLE dbo.fcn_template DROP COLUMN deprecation_reason;
ALTER TABLE dbo.fcn_template DROP COLUMN deprecated_at;

-- JSON checks, closed value sets and the other checks.
ALTER TABLE dbo.fcn_lifecycle_event DROP CONSTRAINT ck_fcn_lifecycle_event_payload_json;
ALTER TABLE dbo.fcn_observation DROP CONSTRAINT ck_fcn_observation_observation_data_json;
ALTER TABLE dbo.fcn_observation DROP CONSTRAINT ck_fcn_observation_underlying_prices_json;
ALTER TABLE dbo.fcn_trade DROP CONSTRAINT ck_fcn_trade_trade_params_json;
ALTER TABLE dbo.fcn_template DROP CONSTRAINT ck_fcn_template_parameters_json;
ALTER TABLE dbo.fcn_idempotency_key DROP CONSTRAINT ck_fcn_idempotency_key_expiry;
ALTER TABLE dbo.fcn_trade DROP CONSTRAINT ck_fcn_trade_currency;
ALTER TABLE dbo.fcn_trade DROP CONSTRAINT ck_fcn_trade_maturity_after_trade_date;
ALTER TABLE dbo.fcn_trade DROP CONSTRAINT ck_fcn_trade_notional_positive;
ALTER TABLE dbo.fcn_lifecycle_event DROP CONSTRAINT ck_fcn_lifecycle_event_type;
ALTER TABLE dbo.fcn_observation DROP CONSTRAINT ck_fcn_observation_type;
ALTER TABLE dbo.fcn_trade DROP CONSTRAINT ck_fcn_trade_status;
ALTER TABLE dbo.fcn_template DROP CONSTRAINT ck_fcn_template_status;

-- Referential integrity.
ALTER TABLE dbo.fcn_lifecycle_event DROP CONSTRAINT fk_fcn_lifecycle_event_trade;
ALTER TABLE dbo.fcn_observation DROP CONSTRAINT fk_fcn_observation_trade;
ALTER TABLE dbo.fcn_trade DROP CONSTRAINT fk_fcn_trade_template;
