package io.fcn.persistence.internal.sql.ddl;

import java.util.List;

/**
 * The statements that turn one model into another, in dependency order, and why the change cannot be reversed
 * without losing data (empty when it can).
 */
public record DdlScript(List<DdlStatement> statements, List<String> irreversible) {

    public DdlScript {
        statements = List.copyOf(statements);
        irreversible = List.copyOf(irreversible);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** Every statement as a script holds it, one after the other. */
    public String body() {
        StringBuilder out = new StringBuilder();
        statements.forEach(s -> out.append(s.text()));
        return out.toString();
    }

    /** The SQL of each statement, without review lines, markers or GO. */
    public List<String> sql() {
        return statements.stream().map(DdlStatement::sql).toList();
    }
}
