package io.fcn.persistence.schema.model;

/** A character or binary length: a number of characters (bytes for binary types), or {@code MAX}. */
public record Length(int value, boolean max) {

    public static final Length MAX = new Length(0, true);

    public Length {
        if (!max && value <= 0) {
            throw new IllegalArgumentException("A length is positive or MAX, got " + value);
        }
        if (max) {
            value = 0;
        }
    }

    public static Length of(int value) {
        return new Length(value, false);
    }

    @Override
    public String toString() {
        return max ? "MAX" : Integer.toString(value);
    }
}
