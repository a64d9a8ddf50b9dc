package io.fcn.persistence.drift;

import java.util.Comparator;
import java.util.Objects;

/**
 * One difference between the expected and the actual schema.
 *
 * @param severity ERROR or WARNING
 * @param kind     missing, unexpected or changed
 * @param object   what kind of object differs
 * @param path     the object: {@code fcn_trade} (table), {@code fcn_trade.notional} (column or its default),
 *                 {@code fcn_trade.uq_fcn_trade_trade_id} (key, index or check, by its expected name),
 *                 {@code migration 20251101.0002} (a migration in Flyway's history)
 * @param property what differs on a changed object ({@code type}, {@code nullable}, {@code columns} …); null for
 *                 a missing or unexpected object
 * @param expected the expected side as people read it; null when the object is unexpected
 * @param actual   the actual side; null when the object is missing
 */
public record Finding(Severity severity, Kind kind, ObjectType object, String path, String property,
        String expected, String actual) {

    /** Missing, unexpected or changed. */
    public enum Kind {
        /** Expected, not there. */
        MISSING,
        /** There, not expected. */
        UNEXPECTED,
        /** There, with a property that differs. */
        CHANGED
    }

    /** How much a finding matters; {@link DriftPolicy} decides which fail. */
    public enum Severity {
        /** Code relying on the expected schema may break. */
        ERROR,
        /** Harmless to the library (e.g. an extra index); reported. */
        WARNING
    }

    /** What kind of object a finding is about. */
    public enum ObjectType {
        /** A table. */
        TABLE,
        /** A column: type, length, precision, scale, nullability, identity. */
        COLUMN,
        /** A primary key. */
        PRIMARY_KEY,
        /** A UNIQUE constraint. */
        UNIQUE_KEY,
        /** A foreign key. */
        FOREIGN_KEY,
        /** An index: columns, uniqueness, INCLUDE, filter. */
        INDEX,
        /** A CHECK constraint: name and predicate. */
        CHECK,
        /** A DEFAULT constraint: name and expression. */
        DEFAULT,
        /** A migration in Flyway's history: pending, failed, edited after it was applied, unknown to this jar. */
        MIGRATION,
        /** What the check itself could not do, e.g. read definitions without SQL Server's VIEW DEFINITION. */
        PRIVILEGE
    }

    /**
     * The actual side of a migration applied to the database that is later than every migration of this jar: the
     * database is newer than the library (a rolling deploy after a newer instance migrated).
     */
    public static final String NEWER_THAN_JAR =
            "applied, unknown to this jar (the database is newer than the library)";

    /**
     * Whether this finding is a migration later than this jar's latest ({@link #NEWER_THAN_JAR}), which
     * {@link DriftPolicy#toleratingNewerDatabase()} reports without failing.
     * @return true for a migration the database has and this jar does not know yet
     */
    public boolean newerThanJar() {
        return object == ObjectType.MIGRATION && kind == Kind.UNEXPECTED && NEWER_THAN_JAR.equals(actual);
    }

    /** Reports list findings by path, then object type, property and kind: the same drift, the same order. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparing(Finding::object)
            .thenComparing(Finding::property, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::kind);

    /**
     * A finding; severity, kind, object and path are required.
     * @param severity how much it matters
     * @param kind missing, unexpected or changed
     * @param object what kind of object
     * @param path the object
     * @param property what differs, or null
     * @param expected the expected side, or null
     * @param actual the actual side, or null
     * @throws NullPointerException when a required part is null
     */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(path, "path");
    }
}
