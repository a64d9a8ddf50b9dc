package io.fcn.persistence.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --steps N}, {@code --batch N}: a whole number of at least 1. */
final class PositiveInt implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new TypeConversionException("must be a positive whole number, got " + value);
    }
}
