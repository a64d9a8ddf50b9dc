package io.fcn.persistence.internal.validation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import io.fcn.persistence.exceptions.ValidationException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Input rules checked before any SQL runs, each failing with a {@link ValidationException} that names the field and
 * the rule. The database's constraints stay as the last line of defence.
 */
public final class Validate {

    /** JSON limits (docs/json-limits.md): Jackson's defaults, stated so a Jackson upgrade cannot move them. */
    public static final int JSON_MAX_DEPTH = 500;
    /** Longest JSON number, in characters. */
    public static final int JSON_MAX_NUMBER_LENGTH = 1_000;
    /** Longest JSON member name, in characters. */
    public static final int JSON_MAX_NAME_LENGTH = 50_000;
    /** Longest JSON string value, in characters. */
    public static final int JSON_MAX_STRING_LENGTH = 100_000_000;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JSON_MAX_DEPTH)
                    .maxNumberLength(JSON_MAX_NUMBER_LENGTH)
                    .maxNameLength(JSON_MAX_NAME_LENGTH)
                    .maxStringLength(JSON_MAX_STRING_LENGTH)
                    .build())
            .build();
    /** SQL Server's DATE and DATETIMEOFFSET range. */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    /** The last day SQL Server's DATE holds. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    /** Compiled once: {@code String.matches} would compile it on every call (a token check runs per completion). */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** DECIMAL(18,4): at most 14 digits before the point and 4 after. */
    private static final int NOTIONAL_SCALE = 4;
    private static final int NOTIONAL_INTEGER_DIGITS = 14;

    private Validate() {
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /**
     * A business key: printable ASCII, no leading or trailing spaces (SQL Server pads comparisons, so
     * {@code 'a'} and {@code 'a '} would collide), not blank, at most {@code maxLength} characters. Keys are unique
     * case-insensitively.
     */
    public static String businessKey(String field, String value, int maxLength) {
        notNull(field, value);
        if (value.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new ValidationException(field, "must be at most " + maxLength + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new ValidationException(field, "must be printable ASCII (character " + (i + 1) + " is not)");
            }
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            throw new ValidationException(field, "must not start or end with a space");
        }
        return value;
    }

    /** Free text for an NVARCHAR(n) column: not blank, at most {@code maxLength} UTF-16 units, as SQL Server counts. */
    public static String text(String field, String value, int maxLength) {
        notNull(field, value);
        if (value.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new ValidationException(field, "must be at most " + maxLength + " characters, got " + value.length());
        }
        return noControls(field, value);
    }

    /**
     * No control characters: NUL, C0 controls other than tab, line feed and carriage return (a browser form sends
     * line breaks as CR LF), DEL and C1 controls; they reach terminals (an ESC starts a colour or cursor sequence).
     */
    public static String noControls(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isForbiddenControl(value.charAt(i))) {
                throw new ValidationException(field, "must not contain control characters (character " + (i + 1)
                        + " is U+" + String.format("%04X", (int) value.charAt(i)) + ")");
            }
        }
        return value;
    }

    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** The JSON factory with the library's limits, for every parse of a JSON column. */
    public static JsonFactory jsonFactory() {
        return JSON;
    }

    /** One of the values of a closed set, e.g. an HTTP method; ASCII, at most {@code maxLength}. */
    public static String asciiText(String field, String value, int maxLength) {
        text(field, value, maxLength);
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20 || value.charAt(i) > 0x7E) {
                throw new ValidationException(field, "must be printable ASCII (character " + (i + 1) + " is not)");
            }
        }
        return value;
    }

    /**
     * Well-formed JSON text: exactly one JSON object or array. SQL Server's {@code ISJSON(x)} without a type
     * constraint (the columns' CHECKs) returns 0 for a top-level scalar such as {@code 1} or {@code "a"}.
     */
    public static String json(String field, String value) {
        notNull(field, value);
        try (JsonParser parser = JSON.createParser(tools.jackson.core.ObjectReadContext.empty(), value)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ValidationException(field, "must be JSON text, got an empty string");
            }
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new ValidationException(field,
                        "must be a JSON object or array, got a bare value (SQL Server's ISJSON rejects it)");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new ValidationException(field, "must be a single JSON value (text follows it)");
            }
        } catch (StreamConstraintsException e) {
            throw new ValidationException(field, "must stay within the JSON limits (depth " + JSON_MAX_DEPTH
                    + ", numbers " + JSON_MAX_NUMBER_LENGTH + " digits, names " + JSON_MAX_NAME_LENGTH
                    + " characters): " + e.getOriginalMessage());
        } catch (StreamReadException | JacksonIOException e) {
            throw new ValidationException(field, "must be well-formed JSON: " + e.getOriginalMessage());
        }
        return value;
    }

    /** Positive, and fits DECIMAL(18,4) exactly: no silent rounding. */
    public static BigDecimal notional(String field, BigDecimal value) {
        notNull(field, value);
        if (value.signum() <= 0) {
            throw new ValidationException(field, "must be greater than 0");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > NOTIONAL_SCALE) {
            throw new ValidationException(field, "must have at most " + NOTIONAL_SCALE + " decimal places, got " + value);
        }
        if (stripped.precision() - stripped.scale() > NOTIONAL_INTEGER_DIGITS) {
            throw new ValidationException(field, "must be below 10^" + NOTIONAL_INTEGER_DIGITS + " (DECIMAL(18,4))");
        }
        return value;
    }

    /** ISO 4217 style: three upper-case ASCII letters. */
    public static String currency(String field, String value) {
        notNull(field, value);
        if (value.length() != 3 || !value.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new ValidationException(field, "must be three upper-case letters A-Z, got '" + value + "'");
        }
        return value;
    }

    public static LocalDate after(String field, LocalDate value, String otherField, LocalDate other) {
        notNull(field, value);
        notNull(otherField, other);
        if (!value.isAfter(other)) {
            throw new ValidationException(field, "must be after " + otherField + " (" + other + "), got " + value);
        }
        return value;
    }

    /** {@code value} on or after {@code other} (e.g. the end of an inclusive date range). */
    public static LocalDate notBefore(String field, LocalDate value, String otherField, LocalDate other) {
        notNull(field, value);
        notNull(otherField, other);
        if (value.isBefore(other)) {
            throw new ValidationException(field, "must not be before " + otherField + " (" + other + "), got " + value);
        }
        return value;
    }

    public static OffsetDateTime after(String field, OffsetDateTime value, String otherField, OffsetDateTime other) {
        notNull(field, value);
        notNull(otherField, other);
        if (!value.isAfter(other)) {
            throw new ValidationException(field, "must be after " + otherField + " (" + other + "), got " + value);
        }
        return value;
    }

    /** A date SQL Server's DATE holds: 0001-01-01 to 9999-12-31. */
    public static LocalDate sqlServerDate(String field, LocalDate value) {
        notNull(field, value);
        if (value.isBefore(MIN_DATE) || value.isAfter(MAX_DATE)) {
            throw new ValidationException(field, "must be between " + MIN_DATE + " and " + MAX_DATE
                    + " (SQL Server's DATE), got " + value);
        }
        return value;
    }

    /** A moment SQL Server's DATETIMEOFFSET holds: its UTC date from 0001-01-01 to 9999-12-31. */
    public static OffsetDateTime sqlServerTimestamp(String field, OffsetDateTime value) {
        notNull(field, value);
        LocalDate utc;
        try {
            utc = value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeException e) {
            utc = value.getYear() < 0 ? LocalDate.MIN : LocalDate.MAX;
        }
        if (utc.isBefore(MIN_DATE) || utc.isAfter(MAX_DATE)) {
            throw new ValidationException(field, "must be between " + MIN_DATE + " and " + MAX_DATE
                    + " UTC (SQL Server's DATETIMEOFFSET), got " + value);
        }
        return value;
    }

    /**
     * {@code start + duration}, which SQL Server must hold; a duration that overflows Java's time line is the same
     * mistake (named {@code field}), not a {@link DateTimeException}.
     */
    public static OffsetDateTime plus(String field, OffsetDateTime start, String durationField, Duration duration) {
        notNull(durationField, duration);
        OffsetDateTime end;
        try {
            end = start.plus(duration);
        } catch (DateTimeException | ArithmeticException e) {
            throw new ValidationException(durationField, "is too long: now + " + durationField
                    + " is past " + MAX_DATE + " (SQL Server's DATETIMEOFFSET), got " + duration);
        }
        try {
            return sqlServerTimestamp(field, end);
        } catch (ValidationException e) {
            throw new ValidationException(durationField, "is too long: now + " + durationField + " (" + field
                    + ") must not be past " + MAX_DATE + " (SQL Server's DATETIMEOFFSET), got " + duration);
        }
    }

    /** A duration of at least {@code min}, e.g. a lease or time-to-live. */
    public static Duration atLeast(String field, Duration value, Duration min) {
        notNull(field, value);
        if (value.compareTo(min) < 0) {
            throw new ValidationException(field, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new ValidationException(field, "must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** Lower-case hexadecimal of exactly {@code length} digits, e.g. a SHA-256 hex digest (64). */
    public static String lowerHex(String field, String value, int length) {
        notNull(field, value);
        if (value.length() != length
                || !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new ValidationException(field, "must be " + length + " lower-case hexadecimal digits");
        }
        return value;
    }

    /** A UUID in its canonical 36-character form (8-4-4-4-12 hexadecimal digits). */
    public static String uuid(String field, String value) {
        notNull(field, value);
        if (!UUID.matcher(value).matches()) {
            throw new ValidationException(field, "must be a UUID (8-4-4-4-12 hexadecimal digits)");
        }
        return value;
    }

    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
