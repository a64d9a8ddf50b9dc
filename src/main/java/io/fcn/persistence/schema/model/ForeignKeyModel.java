package io.fcn.persistence.schema.model;

import java.util.List;

/**
 * A foreign key: its columns, in order, and the table and columns they reference.
 *
 * @param name              the constraint name
 * @param columns           the referencing columns, in key order
 * @param referencedTable   the table referenced
 * @param referencedColumns the columns referenced, in the same order
 */
public record ForeignKeyModel(String name, List<String> columns, String referencedTable,
        List<String> referencedColumns) {

    /**
     * A foreign key; names are folded to lower case.
     * @param name the constraint's name
     * @param columns its columns, in order
     * @param referencedTable the table it references
     * @param referencedColumns the columns it references, in order
     */
    public ForeignKeyModel {
        name = Identifiers.normalize(name);
        columns = Identifiers.normalize(columns);
        referencedTable = Identifiers.normalize(referencedTable);
        referencedColumns = Identifiers.normalize(referencedColumns);
    }

    /**
     * E.g. {@code (template_id) -> fcn_template(template_id)}.
     * @return the key as people read it
     */
    public String describe() {
        return "(" + String.join(", ", columns) + ") -> " + references();
    }

    /** {@return the referenced table and columns, e.g. {@code fcn_template(template_id)}} */
    public String references() {
        return referencedTable + "(" + String.join(", ", referencedColumns) + ")";
    }
}
