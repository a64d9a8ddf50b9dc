-- The service's own table, in its own Flyway history (flyway_schema_history), after the library's migrations:
-- its foreign key needs fcn_trade to exist already.
CREATE TABLE dbo.svc_trade_client (
    trade_id   VARCHAR(100)  NOT NULL,
    client_id  NVARCHAR(100) NOT NULL,
    CONSTRAINT pk_svc_trade_client PRIMARY KEY (trade_id),
    CONSTRAINT fk_svc_trade_client_trade FOREIGN KEY (trade_id) REFERENCES dbo.fcn_trade (trade_id)
);

CREATE INDEX ix_svc_trade_client_client_id ON dbo.svc_trade_client (client_id);
