-- Indexes for the repositories' lists. A list page is a keyset seek, "where <filter> and id > ? order by id"
-- (or OFFSET … FETCH over the same order), so each list needs an index on its filter's equality columns followed
-- by id. SQL Server appends the clustered key (id) to the key of every non-unique nonclustered index, so
-- (a, b) already orders rows by (a, b, id) there; where a list relies on that, the comment says so. The new
-- indexes name id explicitly, so their order does not depend on that rule (and holds on the embedded engine).

-- Trades by status alone. Trades by (spec_version, status) use ix_fcn_trade_spec_version_status, trades by
-- template use ix_fcn_trade_template_id: both ordered by id through the implicit clustered key.
CREATE INDEX ix_fcn_trade_status_id ON dbo.fcn_trade (status, id);

-- Templates by status alone, and by spec_version alone (ix_fcn_template_spec_version_status cannot order a
-- spec_version-only list by id across statuses). Templates by (spec_version, status) use that index, ordered by
-- the implicit clustered key.
CREATE INDEX ix_fcn_template_status_id ON dbo.fcn_template (status, id);
CREATE INDEX ix_fcn_template_spec_version_id ON dbo.fcn_template (spec_version, id);

-- Events of a trade in event order (id). Events by (trade, type) use ix_fcn_lifecycle_event_trade_id_event_type,
-- ordered by the implicit clustered key.
CREATE INDEX ix_fcn_lifecycle_event_trade_id_id ON dbo.fcn_lifecycle_event (trade_id, id);

-- Events by date range: the list is ordered by (event_date, id), so a page is a seek on this index.
CREATE INDEX ix_fcn_lifecycle_event_event_date_id ON dbo.fcn_lifecycle_event (event_date, id);
