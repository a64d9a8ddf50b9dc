package io.fcn.persistence.internal.sql.ddl;

/** Writes the golden file of {@link DdlRendererTest} (run by hand after a deliberate change, then review it). */
final class DdlPrint {

    static String golden(TsqlTarget target) {
        StringBuilder out = new StringBuilder();
        DdlCases.CASES.forEach((name, c) -> {
            DdlScript s = DdlRenderer.render(DdlCases.base(), DdlCases.after(c), c.renames(),
                    DdlRenderer.Options.migration(target));
            DdlScript r = DdlRenderer.render(DdlCases.after(c), DdlCases.base(), c.renames().inverse(),
                    DdlRenderer.Options.migration(target));
            out.append("-- === ").append(name).append(s.irreversible().isEmpty() ? "" : " (irreversible: "
                    + String.join("; ", s.irreversible()) + ")").append('\n').append(s.body())
                    .append("-- --- rollback\n").append(r.body());
        });
        return out.toString();
    }

    private DdlPrint() {
    }
}
