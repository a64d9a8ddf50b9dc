package io.fcn.persistence.schema.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Identifiers in the model are lower case: SQL Server's default collation compares them case-insensitively, and
 * the embedded engine folds them to lower case.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * Folds an identifier to lower case.
     * @param identifier a name
     * @return it in lower case
     * @throws NullPointerException for null
     */
    public static String normalize(String identifier) {
        return Objects.requireNonNull(identifier, "identifier").toLowerCase(Locale.ROOT);
    }

    /** Null stays null (not known). */
    static String normalizeOrNull(String identifier) {
        return identifier == null ? null : normalize(identifier);
    }

    /**
     * Folds each identifier to lower case.
     * @param identifiers names
     * @return them in lower case, in order
     */
    public static List<String> normalize(List<String> identifiers) {
        return identifiers.stream().map(Identifiers::normalize).toList();
    }

    static List<String> normalizeOrNull(List<String> identifiers) {
        return identifiers == null ? null : normalize(identifiers);
    }

    static List<String> sortedOrNull(List<String> identifiers) {
        return identifiers == null ? null : normalize(identifiers).stream().sorted().toList();
    }
}
