-- Undoes V20251022_0001__initial_core_schema.sql: drops the five tables, and with them every row they hold.
-- Runs after U20251101_0002, so no foreign key references them any more.
DROP TABLE dbo.fcn_idempotency_key;
DROP TABLE dbo.fcn_lifecycle_event;
DROP TABLE dbo.fcn_observation;
DROP TABLE dbo.fcn_trade;
DROP TABLE dbo.fcn_template;
