package io.fcn.persistence.internal.catalog;

import java.util.Locale;
import java.util.Map;

import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.schema.model.ColumnType;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.TypeFamily;

/**
 * The one explicit mapping from each source's type names to the engine-neutral {@link TypeFamily}. Where a source
 * cannot tell NVARCHAR from VARCHAR (H2 stores both as one type; jOOQ's code generator reads both as VARCHAR), the
 * mapping says so, and the comparison then does not check N-ness. Names not listed map to {@link TypeFamily#OTHER}.
 */
public final class TypeMapping {

    /** A family, and whether the source's name shows the family's N-ness. */
    public record Mapped(TypeFamily family, boolean nationalKnown) {
    }

    /** {@code sys.types} names. SQL Server shows everything. */
    private static final Map<String, Mapped> SQL_SERVER = Map.ofEntries(
            known("char", TypeFamily.CHAR),
            known("nchar", TypeFamily.NCHAR),
            known("varchar", TypeFamily.VARCHAR),
            known("nvarchar", TypeFamily.NVARCHAR),
            known("binary", TypeFamily.BINARY),
            known("varbinary", TypeFamily.VARBINARY),
            known("bit", TypeFamily.BIT),
            known("tinyint", TypeFamily.TINYINT),
            known("smallint", TypeFamily.SMALLINT),
            known("int", TypeFamily.INT),
            known("bigint", TypeFamily.BIGINT),
            known("decimal", TypeFamily.DECIMAL),
            known("numeric", TypeFamily.DECIMAL),
            known("real", TypeFamily.REAL),
            known("float", TypeFamily.FLOAT),
            known("date", TypeFamily.DATE),
            known("time", TypeFamily.TIME),
            known("datetime", TypeFamily.DATETIME),
            known("datetime2", TypeFamily.DATETIME2),
            known("datetimeoffset", TypeFamily.DATETIMEOFFSET),
            known("uniqueidentifier", TypeFamily.UNIQUEIDENTIFIER));

    /**
     * {@code INFORMATION_SCHEMA.COLUMNS.DATA_TYPE} of H2 2.x in MSSQLServer mode. NVARCHAR becomes CHARACTER VARYING
     * (VARCHAR_IGNORECASE with {@code IGNORECASE=TRUE}) and NCHAR becomes CHARACTER: N-ness is not visible. BIT is
     * BOOLEAN, DATETIMEOFFSET is TIMESTAMP WITH TIME ZONE, DECIMAL is NUMERIC.
     */
    private static final Map<String, Mapped> H2 = Map.ofEntries(
            unknownN("character", TypeFamily.CHAR),
            unknownN("character varying", TypeFamily.VARCHAR),
            unknownN("varchar_ignorecase", TypeFamily.VARCHAR),
            known("binary", TypeFamily.BINARY),
            known("binary varying", TypeFamily.VARBINARY),
            known("boolean", TypeFamily.BIT),
            known("tinyint", TypeFamily.TINYINT),
            known("smallint", TypeFamily.SMALLINT),
            known("integer", TypeFamily.INT),
            known("bigint", TypeFamily.BIGINT),
            known("numeric", TypeFamily.DECIMAL),
            known("decimal", TypeFamily.DECIMAL),
            known("real", TypeFamily.REAL),
            known("double precision", TypeFamily.FLOAT),
            known("date", TypeFamily.DATE),
            known("time", TypeFamily.TIME),
            known("timestamp", TypeFamily.DATETIME2),
            known("timestamp with time zone", TypeFamily.DATETIMEOFFSET),
            known("uuid", TypeFamily.UNIQUEIDENTIFIER));

    /**
     * jOOQ's {@code DataType.getTypeName()} of the generated classes. The code generator reads NVARCHAR as VARCHAR,
     * so VARCHAR and CHAR do not show N-ness there; DATETIMEOFFSET arrives as TIMESTAMP WITH TIME ZONE.
     */
    private static final Map<String, Mapped> JOOQ = Map.ofEntries(
            unknownN("char", TypeFamily.CHAR),
            unknownN("varchar", TypeFamily.VARCHAR),
            known("nchar", TypeFamily.NCHAR),
            known("nvarchar", TypeFamily.NVARCHAR),
            known("binary", TypeFamily.BINARY),
            known("varbinary", TypeFamily.VARBINARY),
            known("boolean", TypeFamily.BIT),
            known("bit", TypeFamily.BIT),
            known("tinyint", TypeFamily.TINYINT),
            known("smallint", TypeFamily.SMALLINT),
            known("integer", TypeFamily.INT),
            known("bigint", TypeFamily.BIGINT),
            known("decimal", TypeFamily.DECIMAL),
            known("numeric", TypeFamily.DECIMAL),
            known("real", TypeFamily.REAL),
            known("double", TypeFamily.FLOAT),
            known("float", TypeFamily.FLOAT),
            known("date", TypeFamily.DATE),
            known("time", TypeFamily.TIME),
            known("timestamp", TypeFamily.DATETIME2),
            known("timestamp with time zone", TypeFamily.DATETIMEOFFSET),
            known("uuid", TypeFamily.UNIQUEIDENTIFIER));

    /**
     * {@code DataType.getTypeName()} of jOOQ's parser and DDL interpreter reading the migration files
     * ({@link MigrationInterpreter}): T-SQL names survive, N-ness included; DATETIMEOFFSET, unknown to jOOQ, keeps
     * its own name.
     */
    private static final Map<String, Mapped> MIGRATION = Map.ofEntries(
            known("char", TypeFamily.CHAR),
            known("nchar", TypeFamily.NCHAR),
            known("varchar", TypeFamily.VARCHAR),
            known("nvarchar", TypeFamily.NVARCHAR),
            known("binary", TypeFamily.BINARY),
            known("varbinary", TypeFamily.VARBINARY),
            known("bit", TypeFamily.BIT),
            known("boolean", TypeFamily.BIT),
            known("tinyint", TypeFamily.TINYINT),
            known("smallint", TypeFamily.SMALLINT),
            known("integer", TypeFamily.INT),
            known("int", TypeFamily.INT),
            known("bigint", TypeFamily.BIGINT),
            known("decimal", TypeFamily.DECIMAL),
            known("numeric", TypeFamily.DECIMAL),
            known("real", TypeFamily.REAL),
            known("double", TypeFamily.FLOAT),
            known("float", TypeFamily.FLOAT),
            known("date", TypeFamily.DATE),
            known("time", TypeFamily.TIME),
            known("datetime", TypeFamily.DATETIME),
            known("datetime2", TypeFamily.DATETIME2),
            known("timestamp", TypeFamily.DATETIME2),
            known("datetimeoffset", TypeFamily.DATETIMEOFFSET),
            known("timestamp with time zone", TypeFamily.DATETIMEOFFSET),
            known("uniqueidentifier", TypeFamily.UNIQUEIDENTIFIER),
            known("uuid", TypeFamily.UNIQUEIDENTIFIER));

    private static final Mapped OTHER = new Mapped(TypeFamily.OTHER, true);

    private TypeMapping() {
    }

    private static Map.Entry<String, Mapped> known(String name, TypeFamily family) {
        return Map.entry(name, new Mapped(family, true));
    }

    private static Map.Entry<String, Mapped> unknownN(String name, TypeFamily family) {
        return Map.entry(name, new Mapped(family, false));
    }

    /** A catalog type name of {@code engine}. */
    public static Mapped fromCatalog(EngineFamily engine, String typeName) {
        Map<String, Mapped> names = switch (engine) {
            case SQL_SERVER -> SQL_SERVER;
            case H2 -> H2;
        };
        return names.getOrDefault(key(typeName), OTHER);
    }

    /** A type name of jOOQ's generated classes. */
    public static Mapped fromJooq(String typeName) {
        return JOOQ.getOrDefault(key(typeName), OTHER);
    }

    /** A type name of jOOQ's parser reading the migration files. */
    public static Mapped fromMigration(String typeName) {
        return MIGRATION.getOrDefault(key(typeName), OTHER);
    }

    /** The normalized column type; the size properties the family lacks are dropped. */
    public static ColumnType columnType(Mapped mapped, String typeName, Length length, Integer precision,
            Integer scale) {
        return new ColumnType(mapped.family(), mapped.nationalKnown(), length, precision, scale, key(typeName));
    }

    private static String key(String typeName) {
        return typeName.strip().toLowerCase(Locale.ROOT);
    }
}
