package io.fcn.persistence.schema.model;

import java.util.List;

/** A primary key or unique constraint: its name and its columns in key order. */
public record KeyModel(String name, List<String> columns) {

    public KeyModel {
        name = Identifiers.normalize(name);
        columns = Identifiers.normalize(columns);
    }

    public String describe() {
        return "(" + String.join(", ", columns) + ")";
    }
}
