package io.fcn.persistence.schema.model;

/**
 * A character or binary length: a number of characters (bytes for binary types), or {@code MAX}.
 *
 * @param value the number of characters or bytes; 0 for MAX
 * @param max   whether it is MAX
 */
public record Length(int value, boolean max) {

    /** {@code MAX}: as long as the engine allows. */
    public static final Length MAX = new Length(0, true);

    /**
     * A length.
     * @param value the number of characters or bytes; ignored for MAX
     * @param max whether it is MAX
     * @throws IllegalArgumentException when not MAX and not positive
     */
    public Length {
        if (!max && value <= 0) {
            throw new IllegalArgumentException("A length is positive or MAX, got " + value);
        }
        if (max) {
            value = 0;
        }
    }

    /**
     * A numbered length.
     * @param value the number of characters or bytes, positive
     * @return the length
     */
    public static Length of(int value) {
        return new Length(value, false);
    }

    @Override
    public String toString() {
        return max ? "MAX" : Integer.toString(value);
    }
}
