package io.fcn.persistence.schema.model;

import java.util.List;

/** A foreign key: its columns, in order, and the table and columns they reference. */
public record ForeignKeyModel(String name, List<String> columns, String referencedTable,
        List<String> referencedColumns) {

    public ForeignKeyModel {
        name = Identifiers.normalize(name);
        columns = Identifiers.normalize(columns);
        referencedTable = Identifiers.normalize(referencedTable);
        referencedColumns = Identifiers.normalize(referencedColumns);
    }

    /** E.g. {@code (template_id) -> fcn_template(template_id)}. */
    public String describe() {
        return "(" + String.join(", ", columns) + ") -> " + references();
    }

    public String references() {
        return referencedTable + "(" + String.join(", ", referencedColumns) + ")";
    }
}
