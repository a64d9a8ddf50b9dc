package io.fcn.persistence.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks with JMH's own command-line options (e.g. {@code -rf json -rff target/jmh-result.json}),
 * then prints the library/JDBC table: benchmark methods are named {@code <operation>_library} and
 * {@code <operation>_jdbc…}, and every JDBC variant gets its ratio.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        System.out.println();
        System.out.println(table(results));
    }

    static String table(Collection<RunResult> results) {
        Map<String, Map<String, Result<?>>> byOperation = new TreeMap<>();
        for (RunResult run : results) {
            String method = run.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            int cut = method.lastIndexOf('_');
            String operation = cut < 0 ? method : method.substring(0, cut);
            String side = cut < 0 ? "" : method.substring(cut + 1);
            byOperation.computeIfAbsent(operation, k -> new TreeMap<>()).put(side, run.getPrimaryResult());
        }
        List<String> lines = new ArrayList<>();
        lines.add("| operation | library | JDBC variant | JDBC | library / JDBC |");
        lines.add("|---|---|---|---|---|");
        for (Map.Entry<String, Map<String, Result<?>>> op : byOperation.entrySet()) {
            Result<?> library = op.getValue().get("library");
            boolean paired = false;
            for (Map.Entry<String, Result<?>> side : op.getValue().entrySet()) {
                if (!side.getKey().startsWith("jdbc")) {
                    continue;
                }
                paired = true;
                Result<?> jdbc = side.getValue();
                lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", op.getKey(), format(library),
                        side.getKey(), format(jdbc),
                        library == null ? "-" : String.format(Locale.ROOT, "%.2f", library.getScore() / jdbc.getScore())));
            }
            if (!paired) {
                for (Map.Entry<String, Result<?>> side : op.getValue().entrySet()) {
                    lines.add(String.format(Locale.ROOT, "| %s_%s | %s | - | - | - |", op.getKey(), side.getKey(),
                            format(side.getValue())));
                }
            }
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String format(Result<?> r) {
        if (r == null) {
            return "-";
        }
        String error = Double.isNaN(r.getScoreError()) ? "" : String.format(Locale.ROOT, " ± %.2f", r.getScoreError());
        return String.format(Locale.ROOT, "%.2f%s %s", r.getScore(), error, r.getScoreUnit());
    }
}
