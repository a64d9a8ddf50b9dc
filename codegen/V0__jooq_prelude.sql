-- jOOQ-only prelude for code generation: never applied to a database.
-- jOOQ's parser does not know SQL Server's DATETIMEOFFSET; this domain makes it OffsetDateTime.
CREATE DOMAIN DATETIMEOFFSET AS TIMESTAMP(7) WITH TIME ZONE;
