-- === table added with a foreign key and an index
CREATE TABLE dbo.fcn_c (
    id INT IDENTITY(1,1) NOT NULL,
    a_code VARCHAR(20) NOT NULL,
    placed DATETIMEOFFSET(7) NOT NULL CONSTRAINT df_fcn_c_placed DEFAULT sysdatetimeoffset(),
    CONSTRAINT pk_fcn_c PRIMARY KEY CLUSTERED (id),
    CONSTRAINT ck_fcn_c_a_code CHECK (a_code <> 'none')
);
CREATE INDEX ix_fcn_c_a_code_id ON dbo.fcn_c (a_code, id);
ALTER TABLE dbo.fcn_c ADD CONSTRAINT fk_fcn_c_a FOREIGN KEY (a_code) REFERENCES dbo.fcn_a (code);
-- --- rollback
ALTER TABLE dbo.fcn_c DROP CONSTRAINT fk_fcn_c_a;
DROP TABLE dbo.fcn_c;
-- === table dropped (irreversible: drops table fcn_b and its rows)
ALTER TABLE dbo.fcn_b DROP CONSTRAINT fk_fcn_b_a;
DROP TABLE dbo.fcn_b;
-- --- rollback
CREATE TABLE dbo.fcn_b (
    id INT IDENTITY(1,1) NOT NULL,
    a_code VARCHAR(20) NOT NULL,
    note VARCHAR(50) NULL,
    CONSTRAINT pk_fcn_b PRIMARY KEY CLUSTERED (id)
);
ALTER TABLE dbo.fcn_b ADD CONSTRAINT fk_fcn_b_a FOREIGN KEY (a_code) REFERENCES dbo.fcn_a (code);
-- === columns added
ALTER TABLE dbo.fcn_a ADD remark NVARCHAR(200) NULL;
ALTER TABLE dbo.fcn_a ADD version INT NOT NULL CONSTRAINT df_fcn_a_version DEFAULT 0;
GO
-- fcn:nocheck
ALTER TABLE dbo.fcn_a ADD CONSTRAINT ck_fcn_a_version CHECK (version >= 0);
-- --- rollback
ALTER TABLE dbo.fcn_a DROP CONSTRAINT ck_fcn_a_version;
ALTER TABLE dbo.fcn_a DROP CONSTRAINT IF EXISTS df_fcn_a_version;
ALTER TABLE dbo.fcn_a DROP COLUMN remark;
ALTER TABLE dbo.fcn_a DROP COLUMN version;
-- === column dropped (irreversible: drops column fcn_b.note and its values)
ALTER TABLE dbo.fcn_b DROP COLUMN note;
-- --- rollback
ALTER TABLE dbo.fcn_b ADD note VARCHAR(50) NULL;
-- === column length and nullability changed
DROP INDEX ix_fcn_a_label ON dbo.fcn_a;
EXEC sp_rename 'dbo.fcn_a.label', 'label_swap', 'COLUMN';
ALTER TABLE dbo.fcn_a ADD label NVARCHAR(200) NULL;
GO
UPDATE dbo.fcn_a SET label = label_swap;
ALTER TABLE dbo.fcn_a DROP COLUMN label_swap;
GO
-- REVIEW: fcn_b.note: Babelfish cannot ALTER COLUMN … NOT NULL; this statement runs on SQL Server and the embedded engine
ALTER TABLE dbo.fcn_b ALTER COLUMN note VARCHAR(50) NOT NULL;
GO
-- fcn:online
CREATE INDEX ix_fcn_a_label ON dbo.fcn_a (label);
-- --- rollback
DROP INDEX ix_fcn_a_label ON dbo.fcn_a;
EXEC sp_rename 'dbo.fcn_a.label', 'label_swap', 'COLUMN';
ALTER TABLE dbo.fcn_a ADD label NVARCHAR(100) NULL;
GO
UPDATE dbo.fcn_a SET label = label_swap;
ALTER TABLE dbo.fcn_a DROP COLUMN label_swap;
GO
EXEC sp_rename 'dbo.fcn_b.note', 'note_swap', 'COLUMN';
ALTER TABLE dbo.fcn_b ADD note VARCHAR(50) NULL;
GO
UPDATE dbo.fcn_b SET note = note_swap;
ALTER TABLE dbo.fcn_b DROP COLUMN note_swap;
GO
-- fcn:online
CREATE INDEX ix_fcn_a_label ON dbo.fcn_a (label);
-- === column under keys and a foreign key changed
ALTER TABLE dbo.fcn_b DROP CONSTRAINT fk_fcn_b_a;
ALTER TABLE dbo.fcn_a DROP CONSTRAINT uq_fcn_a_code;
-- REVIEW: fcn_a.code: Babelfish cannot ALTER COLUMN … NOT NULL; this statement runs on SQL Server and the embedded engine
ALTER TABLE dbo.fcn_a ALTER COLUMN code VARCHAR(40) NOT NULL;
GO
ALTER TABLE dbo.fcn_a ADD CONSTRAINT uq_fcn_a_code UNIQUE (code);
-- fcn:nocheck
ALTER TABLE dbo.fcn_b ADD CONSTRAINT fk_fcn_b_a FOREIGN KEY (a_code) REFERENCES dbo.fcn_a (code);
-- --- rollback
ALTER TABLE dbo.fcn_b DROP CONSTRAINT fk_fcn_b_a;
ALTER TABLE dbo.fcn_a DROP CONSTRAINT uq_fcn_a_code;
-- REVIEW: fcn_a.code: Babelfish cannot ALTER COLUMN … NOT NULL; this statement runs on SQL Server and the embedded engine
ALTER TABLE dbo.fcn_a ALTER COLUMN code VARCHAR(20) NOT NULL;
GO
ALTER TABLE dbo.fcn_a ADD CONSTRAINT uq_fcn_a_code UNIQUE (code);
-- fcn:nocheck
ALTER TABLE dbo.fcn_b ADD CONSTRAINT fk_fcn_b_a FOREIGN KEY (a_code) REFERENCES dbo.fcn_a (code);
-- === indexes added, dropped and changed
DROP INDEX ix_fcn_a_label ON dbo.fcn_a;
-- fcn:online
CREATE INDEX ix_fcn_a_label ON dbo.fcn_a (label, id);
-- fcn:online
CREATE INDEX ix_fcn_b_a_code ON dbo.fcn_b (a_code) INCLUDE (note);
-- fcn:online
CREATE UNIQUE INDEX ux_fcn_b_note ON dbo.fcn_b (note) INCLUDE (a_code) WHERE note is not null;
-- --- rollback
DROP INDEX ix_fcn_a_label ON dbo.fcn_a;
DROP INDEX ix_fcn_b_a_code ON dbo.fcn_b;
DROP INDEX ux_fcn_b_note ON dbo.fcn_b;
-- fcn:online
CREATE INDEX ix_fcn_a_label ON dbo.fcn_a (label);
-- === index dropped
DROP INDEX ix_fcn_a_label ON dbo.fcn_a;
-- --- rollback
-- fcn:online
CREATE INDEX ix_fcn_a_label ON dbo.fcn_a (label);
-- === checks added, dropped and changed
ALTER TABLE dbo.fcn_a DROP CONSTRAINT ck_fcn_a_amount;
-- fcn:nocheck
ALTER TABLE dbo.fcn_a ADD CONSTRAINT ck_fcn_a_amount CHECK (amount > 0);
-- fcn:nocheck
ALTER TABLE dbo.fcn_b ADD CONSTRAINT ck_fcn_b_note CHECK (note <> 'none');
-- --- rollback
ALTER TABLE dbo.fcn_a DROP CONSTRAINT ck_fcn_a_amount;
ALTER TABLE dbo.fcn_b DROP CONSTRAINT ck_fcn_b_note;
-- fcn:nocheck
ALTER TABLE dbo.fcn_a ADD CONSTRAINT ck_fcn_a_amount CHECK (amount >= 0);
-- === default dropped
ALTER TABLE dbo.fcn_a DROP CONSTRAINT ck_fcn_a_amount;
ALTER TABLE dbo.fcn_a DROP CONSTRAINT IF EXISTS df_fcn_a_amount;
EXEC sp_rename 'dbo.fcn_a.amount', 'amount_swap', 'COLUMN';
ALTER TABLE dbo.fcn_a ADD amount DECIMAL(18,4) NULL;
GO
UPDATE dbo.fcn_a SET amount = amount_swap;
ALTER TABLE dbo.fcn_a DROP COLUMN amount_swap;
GO
-- fcn:nocheck
ALTER TABLE dbo.fcn_a ADD CONSTRAINT ck_fcn_a_amount CHECK (amount >= 0);
-- --- rollback
ALTER TABLE dbo.fcn_a DROP CONSTRAINT ck_fcn_a_amount;
EXEC sp_rename 'dbo.fcn_a.amount', 'amount_swap', 'COLUMN';
ALTER TABLE dbo.fcn_a ADD amount DECIMAL(18,4) NOT NULL CONSTRAINT df_fcn_a_amount DEFAULT 0;
GO
UPDATE dbo.fcn_a SET amount = amount_swap;
ALTER TABLE dbo.fcn_a DROP COLUMN amount_swap;
GO
-- fcn:nocheck
ALTER TABLE dbo.fcn_a ADD CONSTRAINT ck_fcn_a_amount CHECK (amount >= 0);
-- === default added to an existing column
EXEC sp_rename 'dbo.fcn_b.note', 'note_swap', 'COLUMN';
ALTER TABLE dbo.fcn_b ADD note VARCHAR(50) NULL CONSTRAINT df_fcn_b_note DEFAULT 'none';
GO
UPDATE dbo.fcn_b SET note = note_swap;
ALTER TABLE dbo.fcn_b DROP COLUMN note_swap;
-- --- rollback
ALTER TABLE dbo.fcn_b DROP CONSTRAINT IF EXISTS df_fcn_b_note;
EXEC sp_rename 'dbo.fcn_b.note', 'note_swap', 'COLUMN';
ALTER TABLE dbo.fcn_b ADD note VARCHAR(50) NULL;
GO
UPDATE dbo.fcn_b SET note = note_swap;
ALTER TABLE dbo.fcn_b DROP COLUMN note_swap;
-- === unique key added and dropped, foreign key dropped
ALTER TABLE dbo.fcn_b DROP CONSTRAINT fk_fcn_b_a;
ALTER TABLE dbo.fcn_b ADD CONSTRAINT uq_fcn_b_a_code_note UNIQUE (a_code, note);
-- --- rollback
ALTER TABLE dbo.fcn_b DROP CONSTRAINT uq_fcn_b_a_code_note;
-- fcn:nocheck
ALTER TABLE dbo.fcn_b ADD CONSTRAINT fk_fcn_b_a FOREIGN KEY (a_code) REFERENCES dbo.fcn_a (code);
-- === foreign key added to an existing table
ALTER TABLE dbo.fcn_a ADD parent_code VARCHAR(20) NULL;
GO
-- fcn:nocheck
ALTER TABLE dbo.fcn_a ADD CONSTRAINT fk_fcn_a_parent FOREIGN KEY (parent_code) REFERENCES dbo.fcn_a (code);
-- --- rollback
ALTER TABLE dbo.fcn_a DROP CONSTRAINT fk_fcn_a_parent;
ALTER TABLE dbo.fcn_a DROP COLUMN parent_code;
-- === renames
EXEC sp_rename 'dbo.fcn_b', 'fcn_item', 'OBJECT';
EXEC sp_rename 'dbo.fcn_a.label', 'title', 'COLUMN';
DROP INDEX ix_fcn_a_label ON dbo.fcn_a;
CREATE INDEX ix_fcn_a_title ON dbo.fcn_a (title);
-- --- rollback
EXEC sp_rename 'dbo.fcn_item', 'fcn_b', 'OBJECT';
EXEC sp_rename 'dbo.fcn_a.title', 'label', 'COLUMN';
DROP INDEX ix_fcn_a_title ON dbo.fcn_a;
CREATE INDEX ix_fcn_a_label ON dbo.fcn_a (label);
