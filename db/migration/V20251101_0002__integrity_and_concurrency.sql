-- What the first revision lacked: referential integrity, closed value sets, optimistic locking,
-- template deprecation and idempotency claims with a lease.
-- SQL Server compiles a whole batch before running it, so a statement that uses a column added in the same batch
-- fails; GO ends a batch (Flyway splits there, and so does jOOQ's parser).

-- Referential integrity (business keys are UNIQUE constraints, which both engines accept as FK targets).
ALTER TABLE dbo.fcn_trade ADD CONSTRAINT fk_fcn_trade_template
    FOREIGN KEY (template_id) REFERENCES dbo.fcn_template (template_id);
ALTER TABLE dbo.fcn_observation ADD CONSTRAINT fk_fcn_observation_trade
    FOREIGN KEY (trade_id) REFERENCES dbo.fcn_trade (trade_id);
ALTER TABLE dbo.fcn_lifecycle_event ADD CONSTRAINT fk_fcn_lifecycle_event_trade
    FOREIGN KEY (trade_id) REFERENCES dbo.fcn_trade (trade_id);

-- Closed value sets, in the lower-case values of the service's API contract.
ALTER TABLE dbo.fcn_template ADD CONSTRAINT ck_fcn_template_status
    CHECK (status IN ('draft', 'active', 'deprecated'));
ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_status
    CHECK (status IN ('active', 'knocked_in', 'knocked_out', 'autocalled', 'matured', 'settled', 'terminated'));
ALTER TABLE dbo.fcn_observation ADD CONSTRAINT ck_fcn_observation_type
    CHECK (observation_type IN ('autocall', 'coupon', 'ki', 'maturity'));
-- The API's event types, the first revision's, and autocalled/settled.
ALTER TABLE dbo.fcn_lifecycle_event ADD CONSTRAINT ck_fcn_lifecycle_event_type
    CHECK (event_type IN ('created', 'observation_posted', 'coupon_paid', 'knocked_in', 'knocked_out',
                          'terminated', 'matured', 'autocall', 'coupon_payment', 'ki_breach', 'maturity',
                          'autocalled', 'settled'));

ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_notional_positive CHECK (notional > 0);
ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_maturity_after_trade_date CHECK (maturity_date > trade_date);
-- Not LIKE '[A-Z][A-Z][A-Z]': the default collation is case-insensitive, so that accepts 'usd'.
ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_currency CHECK (
        ASCII(SUBSTRING(currency, 1, 1)) BETWEEN 65 AND 90
    AND ASCII(SUBSTRING(currency, 2, 1)) BETWEEN 65 AND 90
    AND ASCII(SUBSTRING(currency, 3, 1)) BETWEEN 65 AND 90);
ALTER TABLE dbo.fcn_idempotency_key ADD CONSTRAINT ck_fcn_idempotency_key_expiry CHECK (expires_at > created_at);

-- JSON columns hold JSON.
ALTER TABLE dbo.fcn_template ADD CONSTRAINT ck_fcn_template_parameters_json CHECK (ISJSON(parameters) = 1);
ALTER TABLE dbo.fcn_trade ADD CONSTRAINT ck_fcn_trade_trade_params_json CHECK (ISJSON(trade_params) = 1);
ALTER TABLE dbo.fcn_observation ADD CONSTRAINT ck_fcn_observation_underlying_prices_json
    CHECK (ISJSON(underlying_prices) = 1);
ALTER TABLE dbo.fcn_observation ADD CONSTRAINT ck_fcn_observation_observation_data_json
    CHECK (observation_data IS NULL OR ISJSON(observation_data) = 1);
ALTER TABLE dbo.fcn_lifecycle_event ADD CONSTRAINT ck_fcn_lifecycle_event_payload_json
    CHECK (ISJSON(event_payload) = 1);

-- Template deprecation.
ALTER TABLE dbo.fcn_template ADD deprecated_at DATETIMEOFFSET(7) NULL;
ALTER TABLE dbo.fcn_template ADD deprecation_reason NVARCHAR(500) NULL;
ALTER TABLE dbo.fcn_template ADD superseded_by VARCHAR(100) NULL;
GO
ALTER TABLE dbo.fcn_template ADD CONSTRAINT fk_fcn_template_superseded_by
    FOREIGN KEY (superseded_by) REFERENCES dbo.fcn_template (template_id);
ALTER TABLE dbo.fcn_template ADD CONSTRAINT ck_fcn_template_deprecation CHECK (
       (status = 'deprecated' AND deprecated_at IS NOT NULL AND deprecation_reason IS NOT NULL)
    OR (status <> 'deprecated' AND deprecated_at IS NULL AND deprecation_reason IS NULL AND superseded_by IS NULL));

ALTER TABLE dbo.fcn_trade ADD termination_date DATE NULL;

-- Optimistic locking.
ALTER TABLE dbo.fcn_template ADD version INT NOT NULL CONSTRAINT df_fcn_template_version DEFAULT 0;
ALTER TABLE dbo.fcn_trade ADD version INT NOT NULL CONSTRAINT df_fcn_trade_version DEFAULT 0;

-- Idempotency claims: a row is claimed (in_progress, with a lease and its owner token) before it is completed.
-- Rows of the first revision are completed responses.
ALTER TABLE dbo.fcn_idempotency_key ADD state VARCHAR(20) NOT NULL
    CONSTRAINT df_fcn_idempotency_key_state DEFAULT 'completed';
GO
ALTER TABLE dbo.fcn_idempotency_key ADD locked_until DATETIMEOFFSET(7) NULL;
ALTER TABLE dbo.fcn_idempotency_key ADD lock_token VARCHAR(36) NULL;

-- The response columns become nullable (a claim has no response yet). Not ALTER COLUMN … NULL: T-SQL engines
-- other than SQL Server (Babelfish) cannot relax nullability in place, so the columns are swapped through a
-- rename, which every engine runs alike. The table holds short-lived keys only.
EXEC sp_rename 'dbo.fcn_idempotency_key.response_status', 'response_status_v1', 'COLUMN';
EXEC sp_rename 'dbo.fcn_idempotency_key.response_snapshot', 'response_snapshot_v1', 'COLUMN';
ALTER TABLE dbo.fcn_idempotency_key ADD response_status INT NULL;
ALTER TABLE dbo.fcn_idempotency_key ADD response_snapshot NVARCHAR(MAX) NULL;
GO
UPDATE dbo.fcn_idempotency_key SET response_status = response_status_v1, response_snapshot = response_snapshot_v1;
ALTER TABLE dbo.fcn_idempotency_key DROP COLUMN response_status_v1;
ALTER TABLE dbo.fcn_idempotency_key DROP COLUMN response_snapshot_v1;
GO
ALTER TABLE dbo.fcn_idempotency_key ADD CONSTRAINT ck_fcn_idempotency_key_state
    CHECK (state IN ('in_progress', 'completed'));
ALTER TABLE dbo.fcn_idempotency_key ADD CONSTRAINT ck_fcn_idempotency_key_completed_response
    CHECK (state <> 'completed' OR (response_status IS NOT NULL AND response_snapshot IS NOT NULL));
ALTER TABLE dbo.fcn_idempotency_key ADD CONSTRAINT ck_fcn_idempotency_key_claim_lease
    CHECK (state <> 'in_progress' OR (lock_token IS NOT NULL AND locked_until IS NOT NULL));
