package io.fcn.persistence.schema.model;

/**
 * A column default.
 *
 * @param column     the column the default belongs to
 * @param name       the DEFAULT constraint's name; null when the engine has no such names (H2)
 * @param expression normalized ({@link SqlText#normalize}), e.g. {@code sysdatetimeoffset()}, {@code 0},
 *                   {@code 'completed'}; null when not known
 */
public record DefaultModel(String column, String name, String expression) {

    /**
     * A column default; names are folded to lower case and the expression normalized.
     * @param column the column's name
     * @param name the constraint's name, or null
     * @param expression the default's expression, or null
     */
    public DefaultModel {
        column = Identifiers.normalize(column);
        name = Identifiers.normalizeOrNull(name);
        expression = expression == null ? null : SqlText.normalize(expression);
    }
}
