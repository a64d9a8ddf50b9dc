package io.fcn.persistence.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --lock-timeout}: {@code 10s}, {@code 500ms}, {@code 2m}; a bare number is seconds; 0 fails at once. */
final class LockTimeout implements ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
            if (d.toMillis() <= Integer.MAX_VALUE) {
                return d;
            }
        }
        throw new TypeConversionException("must be a duration such as 10s, 500ms or 2m (0 or more, at most "
                + Integer.MAX_VALUE + " ms), got " + value);
    }
}
