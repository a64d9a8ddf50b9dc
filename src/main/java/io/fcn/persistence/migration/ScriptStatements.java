package io.fcn.persistence.migration;

import java.util.List;

/** A script split into the statements the engine runs, in order (what {@code sql} prints). */
public record ScriptStatements(String version, String filename, List<String> statements) {

    public ScriptStatements {
        statements = List.copyOf(statements);
    }
}
