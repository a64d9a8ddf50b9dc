package io.fcn.persistence.schema.model;

/**
 * Engine-neutral column type families, named as SQL Server names them. Each family says which size properties
 * apply to it, so readers of every engine fill the same ones.
 */
public enum TypeFamily {
    /** Fixed-length characters. */
    CHAR(Size.LENGTH),
    /** Fixed-length national (Unicode) characters. */
    NCHAR(Size.LENGTH),
    /** Variable-length characters. */
    VARCHAR(Size.LENGTH),
    /** Variable-length national (Unicode) characters. */
    NVARCHAR(Size.LENGTH),
    /** Fixed-length bytes. */
    BINARY(Size.LENGTH),
    /** Variable-length bytes. */
    VARBINARY(Size.LENGTH),
    /** A bit (boolean). */
    BIT(Size.NONE),
    /** A one-byte integer. */
    TINYINT(Size.NONE),
    /** A two-byte integer. */
    SMALLINT(Size.NONE),
    /** A four-byte integer. */
    INT(Size.NONE),
    /** An eight-byte integer. */
    BIGINT(Size.NONE),
    /** DECIMAL and NUMERIC: synonyms on SQL Server, one type on H2. */
    DECIMAL(Size.PRECISION_SCALE),
    /** A four-byte floating-point number. */
    REAL(Size.NONE),
    /** An eight-byte floating-point number. */
    FLOAT(Size.NONE),
    /** A date without time. */
    DATE(Size.NONE),
    /** Sized by fractional-second digits, kept in {@code scale} as SQL Server's sys.columns does. */
    TIME(Size.FRACTIONAL_SECONDS),
    /** SQL Server's legacy date and time. */
    DATETIME(Size.NONE),
    /** A date and time without offset. */
    DATETIME2(Size.FRACTIONAL_SECONDS),
    /** A date and time with its offset from UTC. */
    DATETIMEOFFSET(Size.FRACTIONAL_SECONDS),
    /** A GUID. */
    UNIQUEIDENTIFIER(Size.NONE),
    /** A type the mapping does not know; the engine's own name is kept beside it. */
    OTHER(Size.NONE);

    /** Which of length, precision and scale a family has. */
    public enum Size {
        /** No size. */
        NONE,
        /** A length ({@link Length}). */
        LENGTH,
        /** Precision and scale. */
        PRECISION_SCALE,
        /** Fractional-second digits, in {@code scale}. */
        FRACTIONAL_SECONDS
    }

    private final Size size;

    TypeFamily(Size size) {
        this.size = size;
    }

    /** {@return which size properties the family has} */
    public Size size() {
        return size;
    }

    /**
     * Character families come in a national (Unicode, N-prefixed) and a non-national variant.
     * @return true for CHAR, NCHAR, VARCHAR and NVARCHAR
     */
    public boolean isCharacter() {
        return this == CHAR || this == NCHAR || this == VARCHAR || this == NVARCHAR;
    }

    /** {@return whether the family is NCHAR or NVARCHAR} */
    public boolean isNational() {
        return this == NCHAR || this == NVARCHAR;
    }

    /**
     * The family without its N: what an engine that cannot tell them apart shows.
     * @return the non-national family; any other family itself
     */
    public TypeFamily nonNational() {
        return switch (this) {
            case NCHAR -> CHAR;
            case NVARCHAR -> VARCHAR;
            default -> this;
        };
    }
}
