package io.fcn.persistence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FcnDbCommandsTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FcnDb.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        Run run = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        return run;
    }

    @Test
    void smoke() {
        for (String[] a : new String[][] {{"lint"}, {"lint", "--json"}, {"diff", "--from", "20251101.0002", "--to", "20261124.0003"},
                {"diff", "--from", "20251101.0002", "--to", "20261124.0003", "--format", "markdown"},
                {"diff", "--from", "20251101.0002", "--to", "20261124.0003", "--json"},
                {"schema", "--format", "mermaid"}, {"--help"}, {"new", "x", "--dir", dir.resolve("scratch/x").toString()}}) {
            Run r = run(a);
            System.out.println("=== " + String.join(" ", a) + " -> " + r.code() + "\n" + r.out() + "\n--err--\n" + r.err());
        }
    }
}
