package io.fcn.persistence.schema.model;

import java.util.Objects;

/**
 * A column's type, normalized across engines. A property that does not apply to the family is always null; one
 * that applies but the reader cannot see is null too, and then it is not checkable. {@code nationalKnown} says
 * whether the reader can tell NVARCHAR from VARCHAR (and NCHAR from CHAR); when it cannot, the family is the
 * non-national one.
 *
 * @param family        the type family (e.g. VARCHAR, DECIMAL, DATETIMEOFFSET)
 * @param nationalKnown whether the reader can tell national from non-national character types
 * @param length        the length of a character or binary type; null otherwise or when not known
 * @param precision     the precision of a numeric or time type; null otherwise or when not known
 * @param scale         the scale of a decimal type; null otherwise or when not known
 * @param otherName     the engine's own type name, kept only for family {@link TypeFamily#OTHER}
 */
public record ColumnType(TypeFamily family, boolean nationalKnown, Length length, Integer precision, Integer scale,
        String otherName) {

    /**
     * A type; properties that do not apply to the family are set to null, and a family whose N-ness is unknown becomes
     * the non-national one.
     * @param family the type family
     * @param nationalKnown whether the reader can tell NVARCHAR from VARCHAR
     * @param length the length, for families sized by length
     * @param precision the precision, for DECIMAL
     * @param scale the scale, or the fractional-second digits
     * @param otherName the engine's type name, for {@link TypeFamily#OTHER}
     */
    public ColumnType {
        Objects.requireNonNull(family, "family");
        if (!family.isCharacter()) {
            nationalKnown = true;
        } else if (!nationalKnown) {
            family = family.nonNational();
        }
        switch (family.size()) {
            case NONE -> {
                length = null;
                precision = null;
                scale = null;
            }
            case LENGTH -> {
                precision = null;
                scale = null;
            }
            case PRECISION_SCALE -> length = null;
            case FRACTIONAL_SECONDS -> {
                length = null;
                precision = null;
            }
        }
        if (family != TypeFamily.OTHER) {
            otherName = null;
        }
    }

    /**
     * A type whose N-ness is known (or irrelevant).
     * @param family the type family
     * @param length the length, or null
     * @param precision the precision, or null
     * @param scale the scale, or null
     * @return the type
     */
    public static ColumnType of(TypeFamily family, Length length, Integer precision, Integer scale) {
        return new ColumnType(family, true, length, precision, scale, null);
    }

    /**
     * A type without size properties, or whose sizes are unknown.
     * @param family the type family
     * @return the type
     */
    public static ColumnType of(TypeFamily family) {
        return of(family, null, null, null);
    }

    /**
     * Whether the two types agree on every property both sides can show.
     * @param other the other type
     * @return true if no property both show differs
     */
    public boolean matches(ColumnType other) {
        boolean national = nationalKnown && other.nationalKnown;
        TypeFamily mine = national ? family : family.nonNational();
        TypeFamily theirs = national ? other.family : other.family.nonNational();
        return mine == theirs
                && Objects.equals(otherName, other.otherName)
                && agree(length, other.length)
                && agree(precision, other.precision)
                && agree(scale, other.scale);
    }

    private static boolean agree(Object a, Object b) {
        return a == null || b == null || a.equals(b);
    }

    /**
     * The type as SQL Server would declare it, e.g. {@code NVARCHAR(MAX)}, {@code DECIMAL(18,4)},
     * {@code DATETIMEOFFSET(7)}; {@code (N)VARCHAR(100)} when the N-ness is not known.
     * @return the declaration
     */
    public String sql() {
        String name = family == TypeFamily.OTHER ? otherName
                : family.isCharacter() && !nationalKnown ? "(N)" + family.name() : family.name();
        return switch (family.size()) {
            case NONE -> name;
            case LENGTH -> length == null ? name : name + "(" + length + ")";
            case PRECISION_SCALE -> precision == null ? name
                    : name + "(" + precision + (scale == null ? "" : "," + scale) + ")";
            case FRACTIONAL_SECONDS -> scale == null ? name : name + "(" + scale + ")";
        };
    }

    @Override
    public String toString() {
        return sql();
    }
}
