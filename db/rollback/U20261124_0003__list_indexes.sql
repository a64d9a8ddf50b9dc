-- Undoes V20261124_0003__list_indexes.sql.
DROP INDEX ix_fcn_lifecycle_event_event_date_id ON dbo.fcn_lifecycle_event;
DROP INDEX ix_fcn_lifecycle_event_trade_id_id ON dbo.fcn_lifecycle_event;
DROP INDEX ix_fcn_template_spec_version_id ON dbo.fcn_template;
DROP INDEX ix_fcn_template_status_id ON dbo.fcn_template;
DROP INDEX ix_fcn_trade_status_id ON dbo.fcn_trade;
