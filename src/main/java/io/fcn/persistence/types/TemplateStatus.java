package io.fcn.persistence.types;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A template's status (CHECK {@code ck_fcn_template_status}), with its lower-case database value. */
public enum TemplateStatus {
    /** Being prepared: no trades may be booked against it yet. */
    DRAFT("draft"),
    /** Trades may be booked against it. */
    ACTIVE("active"),
    /** Retired, with a reason and possibly its successor; final. */
    DEPRECATED("deprecated");

    private static final Map<String, TemplateStatus> BY_DB_VALUE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TemplateStatus::dbValue, Function.identity()));

    private final String dbValue;

    TemplateStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /** {@return the value stored in {@code status}} */
    public String dbValue() {
        return dbValue;
    }

    /**
     * The status stored as {@code value}; anything else means the database holds a value the schema forbids.
     * @param value the stored value
     * @return its status
     * @throws IllegalStateException for a value the schema does not allow
     */
    public static TemplateStatus fromDbValue(String value) {
        TemplateStatus status = BY_DB_VALUE.get(value);
        if (status == null) {
            throw new IllegalStateException("Unknown template status in the database: '" + value + "'");
        }
        return status;
    }
}
