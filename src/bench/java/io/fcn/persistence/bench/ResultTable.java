package io.fcn.persistence.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Pairs JMH results into rows, one per operation (with its other parameters), engine and thread count: a benchmark
 * method {@code <operation>_library} is the library's side; every other {@code <operation>_<side>} of the same class,
 * engine, parameters and threads is a side it is compared with: {@code jdbc} (hand-written JDBC, the table's main
 * ratio), {@code jdbcHeldStatement} (its statements held open: the floor), {@code peer} (Spring Data JDBC), others by
 * their name. The ratio's error combines both sides' relative errors (JMH's 99.9 % intervals); it is absent when a
 * side ran a single iteration.
 */
final class ResultTable {

    /** One operation on one engine at one thread count, with the sides it was compared with. */
    record Row(BenchEngine engine, String benchmarkClass, String operation, Map<String, String> params, int threads,
            Result<?> library, Map<String, Result<?>> others) {

        /** Library ÷ {@code side}, NaN when either is missing. */
        double ratio(String side) {
            Result<?> other = others.get(side);
            return library == null || other == null ? Double.NaN : library.getScore() / other.getScore();
        }

        double ratioError(String side) {
            Result<?> other = others.get(side);
            if (library == null || other == null) {
                return Double.NaN;
            }
            double l = library.getScoreError() / library.getScore();
            double j = other.getScoreError() / other.getScore();
            return ratio(side) * Math.sqrt(l * l + j * j);
        }

        String description() {
            String described = OPERATIONS.get(operation);
            StringBuilder out = new StringBuilder(described == null ? operation : described);
            params.forEach((k, v) -> out.append(" (").append(PARAM_NAMES.getOrDefault(k, k)).append(' ')
                    .append(v).append(')'));
            if (threads != 1) {
                out.append(", ").append(threads).append(" threads");
            }
            return out.toString();
        }

        String unit() {
            return library != null ? library.getScoreUnit()
                    : others.values().stream().findFirst().map(Result::getScoreUnit).orElse("");
        }
    }

    /**
     * Readable names of the benchmark methods' operations, in table order; an operation not listed shows its method
     * name, after these.
     */
    private static final Map<String, String> OPERATIONS = linked(
            Map.entry("getTrade", "get a trade by `trade_id`"),
            Map.entry("bookTrade", "book a trade (+ `created` event, read-back, one transaction)"),
            Map.entry("claimComplete", "claim + complete an idempotency key"),
            Map.entry("appendEvent", "append a lifecycle event"),
            Map.entry("growthGet", "growth: get a trade by `trade_id`"),
            Map.entry("growthClaim", "growth: claim + complete an idempotency key"),
            Map.entry("record10k", "record 10,000 observations (one batch call)"),
            Map.entry("keysetFirst", "keyset page of 50, first page (1,000,000 trades)"),
            Map.entry("keysetDeep", "keyset page of 50, 900,000 rows deep"),
            Map.entry("offsetFirst", "OFFSET page of 50 + count, first page"),
            Map.entry("offsetDeep", "OFFSET page of 50 + count, 900,000 rows deep"),
            Map.entry("purge1m", "purge 1,000,000 expired keys, `DELETE TOP (batch)`"),
            Map.entry("request1", "claim → book + complete → read back, 1 client thread (shared pool of 8)"),
            Map.entry("request4", "claim → book + complete → read back, 4 client threads"),
            Map.entry("request16", "claim → book + complete → read back, 16 client threads"));
    private static final List<String> ORDER = List.copyOf(OPERATIONS.keySet());
    /** How the table names a benchmark parameter. */
    private static final Map<String, String> PARAM_NAMES = Map.of("existing", "rows already in the table:");
    /** The sides beside the library, in column order, with their JSON field. */
    static final Map<String, String> SIDE_FIELDS = linked(
            Map.entry("jdbc", "jdbc"),
            Map.entry("jdbcHeldStatement", "jdbc_held"),
            Map.entry("jdbcPerBatch", "jdbc_per_batch"),
            Map.entry("peer", "peer"));
    private static final List<String> SIDE_ORDER = List.copyOf(SIDE_FIELDS.keySet());
    private static final Map<String, String> SIDE_NAMES = Map.of(
            "jdbc", "JDBC",
            "jdbcHeldStatement", "JDBC floor: its statements held open",
            "jdbcPerBatch", "JDBC, a connection and a statement per batch, as the library",
            "peer", "peer: Spring Data JDBC 4.0");
    /** Rows an operation writes, for rows per second. */
    private static final Map<String, Integer> ROWS = Map.of("record10k", 10_000);

    private final List<Row> rows;
    /** Each side's CPU per operation ({@link CpuPerOpProfiler}), by its primary result; empty without the profiler. */
    private final Map<Result<?>, Result<?>> cpu;

    private ResultTable(List<Row> rows, Map<Result<?>, Result<?>> cpu) {
        this.rows = rows;
        this.cpu = cpu;
    }

    @SafeVarargs
    private static Map<String, String> linked(Map.Entry<String, String>... entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    /** Known operations in {@link #OPERATIONS}' order, the others after them. */
    private static int rank(Row row) {
        int index = ORDER.indexOf(row.operation());
        return index < 0 ? ORDER.size() : index;
    }

    private static int sideRank(String side) {
        int index = SIDE_ORDER.indexOf(side);
        return index < 0 ? SIDE_ORDER.size() : index;
    }

    static ResultTable of(Collection<RunResult> results) {
        // engine → (class, operation, params, threads) → side → result, in the order JMH ran them
        Map<BenchEngine, Map<List<Object>, Map<String, Result<?>>>> byEngine = new TreeMap<>();
        Map<List<Object>, Row> shapes = new LinkedHashMap<>();
        Map<Result<?>, Result<?>> cpu = new IdentityHashMap<>();
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult(); // aggregated anew on each call: taken once
            Result<?> cpuPerOp = run.getSecondaryResults().get(CpuPerOpProfiler.LABEL);
            if (cpuPerOp != null) {
                cpu.put(primary, cpuPerOp);
            }
            BenchmarkParams params = run.getParams();
            String benchmark = params.getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
            type = type.substring(type.lastIndexOf('.') + 1);
            int cut = method.lastIndexOf('_');
            String operation = cut < 0 ? method : method.substring(0, cut);
            String side = cut < 0 ? "library" : method.substring(cut + 1);
            Map<String, String> others = new LinkedHashMap<>();
            for (String name : params.getParamsKeys()) {
                if (!name.equals(BenchEngine.PARAM)) {
                    others.put(name, params.getParam(name));
                }
            }
            String engineParam = params.getParam(BenchEngine.PARAM);
            BenchEngine engine = engineParam == null ? BenchEngine.H2 : BenchEngine.of(engineParam);
            List<Object> key = List.of(engine, type, operation, others, params.getThreads());
            shapes.putIfAbsent(key, new Row(engine, type, operation, others, params.getThreads(), null, Map.of()));
            byEngine.computeIfAbsent(engine, e -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .put(side, primary);
        }
        List<Row> rows = new ArrayList<>();
        for (Map<List<Object>, Map<String, Result<?>>> engine : byEngine.values()) {
            List<Row> engineRows = new ArrayList<>();
            for (Map.Entry<List<Object>, Map<String, Result<?>>> entry : engine.entrySet()) {
                Row shape = shapes.get(entry.getKey());
                Map<String, Result<?>> sides = new LinkedHashMap<>(entry.getValue());
                Result<?> library = sides.remove("library");
                if (library == null) {
                    library = sides.remove("plain"); // ObserverOverheadBenchmark: plain against metered
                }
                List<String> names = new ArrayList<>(sides.keySet());
                names.sort(Comparator.comparingInt(ResultTable::sideRank)); // stable: run order after the known
                Map<String, Result<?>> compared = new LinkedHashMap<>();
                names.forEach(n -> compared.put(n, sides.get(n)));
                engineRows.add(new Row(shape.engine(), shape.benchmarkClass(), shape.operation(), shape.params(),
                        shape.threads(), library, compared));
            }
            engineRows.sort(Comparator.comparingInt(ResultTable::rank)); // stable: run order within a rank
            rows.addAll(engineRows);
        }
        return new ResultTable(rows, cpu);
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * One markdown table per engine, headed by the engine's label: a line per side the library was compared with
     * (JDBC first), the ratio beside it.
     */
    String markdown(Function<BenchEngine, String> label) {
        StringBuilder out = new StringBuilder();
        BenchEngine current = null;
        for (Row row : rows) {
            if (row.engine() != current) {
                current = row.engine();
                out.append(out.length() == 0 ? "" : "\n").append("**").append(label.apply(current))
                        .append("** (`engine=").append(current.param).append("`)\n\n")
                        .append("| operation | library | compared with | library / it |\n|---|---|---|---|\n");
            }
            String library = format(row.operation(), row.library()) + cpu(row.library());
            if (row.others().isEmpty()) {
                out.append("| ").append(row.description()).append(" | ").append(library).append(" | - | - |\n");
            }
            for (Map.Entry<String, Result<?>> side : row.others().entrySet()) {
                String other = format(row.operation(), side.getValue()) + cpu(side.getValue());
                if (!side.getKey().equals("jdbc")) {
                    other += " (" + SIDE_NAMES.getOrDefault(side.getKey(), side.getKey()) + ")";
                }
                out.append("| ").append(row.description()).append(" | ").append(library).append(" | ").append(other)
                        .append(" | ").append(ratio(row, side.getKey())).append(" |\n");
            }
        }
        return out.toString();
    }

    /**
     * The rows as JSON (hand-written: the bench adds no JSON library): one per operation, engine and thread count,
     * with {@code operation}, {@code engine}, {@code threads}, {@code unit}, {@code library}, {@code jdbc} and
     * {@code ratio} (library ÷ jdbc), then per further side its result and {@code ratio_<side>}.
     */
    String json(Function<BenchEngine, String> label, Map<String, String> header) {
        StringBuilder out = new StringBuilder("{\n");
        header.forEach((k, v) -> out.append("  ").append(quote(k)).append(": ").append(quote(v)).append(",\n"));
        out.append("  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"operation\": ").append(quote(row.operation()))
                    .append(", \"engine\": ").append(quote(row.engine().param))
                    .append(", \"threads\": ").append(row.threads())
                    .append(", \"unit\": ").append(quote(row.unit()))
                    .append(", \"library\": ").append(json(row.library()))
                    .append(", \"jdbc\": ").append(json(row.others().get("jdbc")))
                    .append(", \"ratio\": ").append(number(row.ratio("jdbc")))
                    .append(", \"ratio_error\": ").append(number(row.ratioError("jdbc")));
            for (Map.Entry<String, Result<?>> side : row.others().entrySet()) {
                if (!side.getKey().equals("jdbc")) {
                    String field = SIDE_FIELDS.getOrDefault(side.getKey(), side.getKey());
                    out.append(", ").append(quote(field)).append(": ").append(json(side.getValue())).append(", ")
                            .append(quote("ratio_" + field)).append(": ").append(number(row.ratio(side.getKey())));
                }
            }
            out.append(", \"params\": {");
            int p = 0;
            for (Map.Entry<String, String> param : row.params().entrySet()) {
                out.append(p++ == 0 ? "" : ", ").append(quote(param.getKey())).append(": ")
                        .append(quote(param.getValue()));
            }
            out.append("}, \"description\": ").append(quote(row.description()))
                    .append(", \"engine_label\": ").append(quote(label.apply(row.engine())))
                    .append(", \"benchmark\": ").append(quote(row.benchmarkClass()));
            Integer rowsPerOp = ROWS.get(row.operation());
            if (rowsPerOp != null) {
                out.append(", \"library_rows_per_second\": ").append(number(rowsPerSecond(rowsPerOp, row.library())))
                        .append(", \"jdbc_rows_per_second\": ")
                        .append(number(rowsPerSecond(rowsPerOp, row.others().get("jdbc"))));
            }
            out.append('}');
        }
        return out.append("\n  ]\n}\n").toString();
    }

    private static String ratio(Row row, String side) {
        double ratio = row.ratio(side);
        if (Double.isNaN(ratio)) {
            return "-";
        }
        double error = row.ratioError(side);
        return Double.isNaN(error) ? String.format(Locale.ROOT, "%.2f", ratio)
                : String.format(Locale.ROOT, "%.2f ± %.2f", ratio, error);
    }

    private static String format(String operation, Result<?> r) {
        if (r == null) {
            return "-";
        }
        String unit = r.getScoreUnit().replace("/op", "").replace("us", "µs");
        String score = significant(r.getScore()) + (Double.isNaN(r.getScoreError()) ? ""
                : " ± " + significant(r.getScoreError())) + " " + unit;
        Integer rowsPerOp = ROWS.get(operation);
        if (rowsPerOp != null) {
            score += String.format(Locale.ROOT, " = %,.0f rows/s", rowsPerSecond(rowsPerOp, r));
        }
        return score;
    }

    private static double rowsPerSecond(int rowsPerOp, Result<?> r) {
        if (r == null) {
            return Double.NaN;
        }
        double seconds = switch (r.getScoreUnit()) {
            case "s/op" -> r.getScore();
            case "ms/op" -> r.getScore() / 1e3;
            case "us/op" -> r.getScore() / 1e6;
            case "ns/op" -> r.getScore() / 1e9;
            default -> Double.NaN;
        };
        return rowsPerOp / seconds;
    }

    /** Three significant digits, thousands separated: 0.0123, 1.23, 12.3, 123, 1,234. */
    static String significant(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private String json(Result<?> r) {
        if (r == null) {
            return "null";
        }
        Result<?> c = cpu.get(r);
        return "{" + scored(r) + ", \"samples\": " + r.getSampleCount()
                + (c == null ? "" : ", \"cpu\": {" + scored(c) + "}") + "}";
    }

    /** A result's score, error and unit, as JSON members. */
    private static String scored(Result<?> r) {
        return "\"score\": " + number(r.getScore()) + ", \"error\": " + number(r.getScoreError()) + ", \"unit\": "
                + quote(r.getScoreUnit());
    }

    /** " (CPU …)" after a side's time when the profiler measured it. */
    private String cpu(Result<?> r) {
        Result<?> c = r == null ? null : cpu.get(r);
        return c == null ? "" : " (CPU " + significant(c.getScore()) + " " + c.getScoreUnit().replace("/op", "")
                .replace("us", "µs") + ")";
    }

    private static String number(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "null" : Double.toString(d);
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
