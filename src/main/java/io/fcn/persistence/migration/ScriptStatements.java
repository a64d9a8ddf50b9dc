package io.fcn.persistence.migration;

import java.util.List;

/**
 * A script split into the statements the engine runs, in order (what {@code sql} prints).
 *
 * @param version    the script's version
 * @param filename   the script's file name
 * @param statements the statements, in the order they run
 */
public record ScriptStatements(String version, String filename, List<String> statements) {

    /**
     * A script's statements.
     * @param version the script's version
     * @param filename its file name
     * @param statements its statements, in order; copied
     */
    public ScriptStatements {
        statements = List.copyOf(statements);
    }
}
