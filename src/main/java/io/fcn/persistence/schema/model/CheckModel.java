package io.fcn.persistence.schema.model;

/**
 * A CHECK constraint.
 *
 * @param name       the constraint name
 * @param expression the engine's text of the predicate, normalized ({@link SqlText#normalize}); null when the
 *                   reader cannot show it. Engines rewrite predicates differently (SQL Server turns {@code IN} into
 *                   {@code OR}s, H2 adds casts), so {@link SchemaDiff} compares their
 *                   {@link SqlText#canonicalPredicate canonical forms}, not this text.
 */
public record CheckModel(String name, String expression) {

    /**
     * A CHECK constraint; the name is folded to lower case and the expression normalized.
     * @param name the constraint's name
     * @param expression the predicate's text, or null
     */
    public CheckModel {
        name = Identifiers.normalize(name);
        expression = expression == null ? null : SqlText.normalize(expression);
    }
}
