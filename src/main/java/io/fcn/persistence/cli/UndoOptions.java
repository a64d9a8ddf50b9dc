package io.fcn.persistence.cli;

import java.util.ArrayList;
import java.util.List;

import io.fcn.persistence.migration.UndoTarget;
import picocli.CommandLine.Option;

/** How far undo goes (undo, sql --undo): exactly one of the three. */
final class UndoOptions {

    @Option(names = "--steps", paramLabel = "N", converter = PositiveInt.class,
            description = "undo the latest N migrations")
    Integer steps;

    @Option(names = "--target", paramLabel = "V", description = "undo down to version V (V stays applied)")
    String target;

    @Option(names = "--to-base", description = "undo every migration")
    boolean toBase;

    UndoTarget undoTarget(String command) {
        List<UndoTarget> given = new ArrayList<>();
        if (steps != null) {
            given.add(UndoTarget.steps(steps));
        }
        if (target != null) {
            given.add(version(target));
        }
        if (toBase) {
            given.add(UndoTarget.toBase());
        }
        if (given.size() != 1) {
            throw new UsageException(command + " needs exactly one of --steps N, --target V, --to-base");
        }
        return given.get(0);
    }

    private static UndoTarget version(String v) {
        try {
            return UndoTarget.toVersion(v);
        } catch (RuntimeException e) {
            throw new UsageException("not a version: " + v);
        }
    }

    /** A version argument of any command: unparsable is bad usage (exit 2), as for undo, before connecting. */
    static void requireVersion(String v) {
        if (v != null) {
            version(v);
        }
    }
}
