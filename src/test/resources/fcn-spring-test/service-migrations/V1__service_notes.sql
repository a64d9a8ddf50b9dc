-- A service's own migration that references the library's table: it runs only after the library's migrations.
CREATE TABLE service_note (
    id        INT          NOT NULL PRIMARY KEY,
    trade_id  VARCHAR(100) NOT NULL,
    CONSTRAINT fk_service_note_trade FOREIGN KEY (trade_id) REFERENCES fcn_trade (trade_id)
);
