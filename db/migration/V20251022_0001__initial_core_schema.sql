-- Core schema of the FCN service, ported from its Alembic revision 20251022_0001.
-- Column names are unchanged so the service's data fits; every constraint and index is named.

CREATE TABLE dbo.fcn_template (
    id            INT IDENTITY(1,1) NOT NULL,
    template_id   VARCHAR(100)      NOT NULL,
    name          NVARCHAR(255)     NOT NULL,
    spec_version  VARCHAR(20)       NOT NULL,
    status        VARCHAR(20)       NOT NULL,
    issuer        VARCHAR(100)      NOT NULL,
    parameters    NVARCHAR(MAX)     NOT NULL,
    created_at    DATETIMEOFFSET(7) NOT NULL CONSTRAINT df_fcn_template_created_at DEFAULT SYSDATETIMEOFFSET(),
    updated_at    DATETIMEOFFSET(7) NOT NULL CONSTRAINT df_fcn_template_updated_at DEFAULT SYSDATETIMEOFFSET(),
    CONSTRAINT pk_fcn_template PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_fcn_template_template_id UNIQUE (template_id)
);

CREATE INDEX ix_fcn_template_spec_version_status ON dbo.fcn_template (spec_version, status);

CREATE TABLE dbo.fcn_trade (
    id                  INT IDENTITY(1,1) NOT NULL,
    trade_id            VARCHAR(100)      NOT NULL,
    template_id         VARCHAR(100)      NOT NULL,
    spec_version        VARCHAR(20)       NOT NULL,
    trade_date          DATE              NOT NULL,
    maturity_date       DATE              NOT NULL,
    notional            DECIMAL(18,4)     NOT NULL,
    currency            CHAR(3)           NOT NULL,
    status              VARCHAR(20)       NOT NULL,
    autocall_triggered  BIT               NOT NULL,
    ki_triggered        BIT               NOT NULL,
    trade_params        NVARCHAR(MAX)     NOT NULL,
    created_at          DATETIMEOFFSET(7) NOT NULL CONSTRAINT df_fcn_trade_created_at DEFAULT SYSDATETIMEOFFSET(),
    updated_at          DATETIMEOFFSET(7) NOT NULL CONSTRAINT df_fcn_trade_updated_at DEFAULT SYSDATETIMEOFFSET(),
    CONSTRAINT pk_fcn_trade PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_fcn_trade_trade_id UNIQUE (trade_id)
);

CREATE INDEX ix_fcn_trade_spec_version_status ON dbo.fcn_trade (spec_version, status);
CREATE INDEX ix_fcn_trade_template_id ON dbo.fcn_trade (template_id);

CREATE TABLE dbo.fcn_observation (
    id                  INT IDENTITY(1,1) NOT NULL,
    trade_id            VARCHAR(100)      NOT NULL,
    observation_date    DATE              NOT NULL,
    observation_type    VARCHAR(20)       NOT NULL,
    underlying_prices   NVARCHAR(MAX)     NOT NULL,
    autocall_triggered  BIT               NOT NULL,
    coupon_eligible     BIT               NOT NULL,
    ki_triggered        BIT               NOT NULL,
    observation_data    NVARCHAR(MAX)     NULL,
    created_at          DATETIMEOFFSET(7) NOT NULL CONSTRAINT df_fcn_observation_created_at DEFAULT SYSDATETIMEOFFSET(),
    CONSTRAINT pk_fcn_observation PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_fcn_observation_trade_id_observation_date UNIQUE (trade_id, observation_date)
);

CREATE TABLE dbo.fcn_lifecycle_event (
    id             INT IDENTITY(1,1) NOT NULL,
    trade_id       VARCHAR(100)      NOT NULL,
    event_type     VARCHAR(50)       NOT NULL,
    event_date     DATE              NOT NULL,
    event_payload  NVARCHAR(MAX)     NOT NULL,
    created_at     DATETIMEOFFSET(7) NOT NULL CONSTRAINT df_fcn_lifecycle_event_created_at DEFAULT SYSDATETIMEOFFSET(),
    CONSTRAINT pk_fcn_lifecycle_event PRIMARY KEY CLUSTERED (id)
);

CREATE INDEX ix_fcn_lifecycle_event_trade_id_event_type ON dbo.fcn_lifecycle_event (trade_id, event_type);

CREATE TABLE dbo.fcn_idempotency_key (
    id                   INT IDENTITY(1,1) NOT NULL,
    key_hash             VARCHAR(64)       NOT NULL,
    request_fingerprint  VARCHAR(64)       NOT NULL,
    request_method       VARCHAR(10)       NOT NULL,
    request_path         VARCHAR(500)      NOT NULL,
    response_status      INT               NOT NULL,
    response_snapshot    NVARCHAR(MAX)     NOT NULL,
    created_at           DATETIMEOFFSET(7) NOT NULL CONSTRAINT df_fcn_idempotency_key_created_at DEFAULT SYSDATETIMEOFFSET(),
    expires_at           DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT pk_fcn_idempotency_key PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_fcn_idempotency_key_key_hash UNIQUE (key_hash)
);

CREATE INDEX ix_fcn_idempotency_key_expires_at ON dbo.fcn_idempotency_key (expires_at);
