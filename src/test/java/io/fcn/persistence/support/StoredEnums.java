package io.fcn.persistence.support;

import org.jooq.Converter;
import org.jooq.Field;

/** The converter jOOQ generated for an enum column: how its values are stored and read. */
public final class StoredEnums {

    private StoredEnums() {
    }

    /** {@code column}'s converter between the stored text and its enum. */
    @SuppressWarnings("unchecked")
    public static <E extends Enum<E>> Converter<String, E> converter(Field<E> column) {
        Converter<?, E> converter = column.getConverter();
        if (converter.fromType() != String.class) {
            throw new IllegalArgumentException(column + " is not stored as text: " + converter.fromType());
        }
        return (Converter<String, E>) converter;
    }
}
