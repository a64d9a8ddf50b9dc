package io.fcn.persistence.schema.model;

/**
 * Engine-neutral column type families, named as SQL Server names them. Each family says which size properties
 * apply to it, so readers of every engine fill the same ones.
 */
public enum TypeFamily {
    CHAR(Size.LENGTH),
    NCHAR(Size.LENGTH),
    VARCHAR(Size.LENGTH),
    NVARCHAR(Size.LENGTH),
    BINARY(Size.LENGTH),
    VARBINARY(Size.LENGTH),
    BIT(Size.NONE),
    TINYINT(Size.NONE),
    SMALLINT(Size.NONE),
    INT(Size.NONE),
    BIGINT(Size.NONE),
    /** DECIMAL and NUMERIC: synonyms on SQL Server, one type on H2. */
    DECIMAL(Size.PRECISION_SCALE),
    REAL(Size.NONE),
    FLOAT(Size.NONE),
    DATE(Size.NONE),
    /** Sized by fractional-second digits, kept in {@code scale} as SQL Server's sys.columns does. */
    TIME(Size.FRACTIONAL_SECONDS),
    DATETIME(Size.NONE),
    DATETIME2(Size.FRACTIONAL_SECONDS),
    DATETIMEOFFSET(Size.FRACTIONAL_SECONDS),
    UNIQUEIDENTIFIER(Size.NONE),
    /** A type the mapping does not know; the engine's own name is kept beside it. */
    OTHER(Size.NONE);

    /** Which of length, precision and scale a family has. */
    public enum Size {
        NONE, LENGTH, PRECISION_SCALE, FRACTIONAL_SECONDS
    }

    private final Size size;

    TypeFamily(Size size) {
        this.size = size;
    }

    public Size size() {
        return size;
    }

    /** Character families come in a national (Unicode, N-prefixed) and a non-national variant. */
    public boolean isCharacter() {
        return this == CHAR || this == NCHAR || this == VARCHAR || this == NVARCHAR;
    }

    public boolean isNational() {
        return this == NCHAR || this == NVARCHAR;
    }

    /** The family without its N: what an engine that cannot tell them apart shows. */
    public TypeFamily nonNational() {
        return switch (this) {
            case NCHAR -> CHAR;
            case NVARCHAR -> VARCHAR;
            default -> this;
        };
    }
}
