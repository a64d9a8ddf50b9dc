package io.fcn.persistence.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
 * Pairs JMH results into library/JDBC rows, per engine: a benchmark method {@code <operation>_library} is paired
 * with every {@code <operation>_jdbc…} of the same class, engine and other parameters. The ratio's error combines
 * both sides' relative errors (JMH's 99.9 % intervals); it is absent when a side ran a single iteration.
 */
final class ResultTable {

    /** One paired row. */
    record Row(BenchEngine engine, String operation, String jdbcVariant, Result<?> library, Result<?> jdbc) {

        double ratio() {
            return library == null || jdbc == null ? Double.NaN : library.getScore() / jdbc.getScore();
        }

        double ratioError() {
            if (library == null || jdbc == null) {
                return Double.NaN;
            }
            double l = library.getScoreError() / library.getScore();
            double j = jdbc.getScoreError() / jdbc.getScore();
            return ratio() * Math.sqrt(l * l + j * j);
        }

        String description() {
            return describe(operation);
        }

        String jdbcDescription() {
            return JDBC_VARIANTS.getOrDefault(jdbcVariant, jdbcVariant);
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
    private static final Map<String, String> JDBC_VARIANTS = Map.of(
            "jdbc", "JDBC",
            "jdbcHeldStatement", "JDBC floor: one statement held open");
    /** Rows an operation writes, for rows per second. */
    private static final Map<String, Integer> ROWS = Map.of("record10k", 10_000);

    private final List<Row> rows;

    private ResultTable(List<Row> rows) {
        this.rows = rows;
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
    private static int rank(String operation) {
        int index = ORDER.indexOf(baseOperation(operation));
        return index < 0 ? ORDER.size() : index;
    }

    static ResultTable of(Collection<RunResult> results) {
        // engine → "operation (param value)" → side → result, in the order JMH ran them
        Map<BenchEngine, Map<String, Map<String, Result<?>>>> byEngine = new TreeMap<>();
        for (RunResult run : results) {
            BenchmarkParams params = run.getParams();
            String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            int cut = method.lastIndexOf('_');
            String operation = cut < 0 ? method : method.substring(0, cut);
            String side = cut < 0 ? "library" : method.substring(cut + 1);
            StringBuilder key = new StringBuilder(operation);
            for (String name : params.getParamsKeys()) {
                if (!name.equals(BenchEngine.PARAM)) {
                    key.append(" (").append(name).append(' ').append(params.getParam(name)).append(')');
                }
            }
            String engineParam = params.getParam(BenchEngine.PARAM);
            BenchEngine engine = engineParam == null ? BenchEngine.H2 : BenchEngine.of(engineParam);
            byEngine.computeIfAbsent(engine, e -> new LinkedHashMap<>())
                    .computeIfAbsent(key.toString(), k -> new TreeMap<>())
                    .put(side, run.getPrimaryResult());
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<BenchEngine, Map<String, Map<String, Result<?>>>> engine : byEngine.entrySet()) {
            List<String> operations = new ArrayList<>(engine.getValue().keySet());
            operations.sort(Comparator.comparingInt(ResultTable::rank)); // stable: run order within a rank
            for (String operation : operations) {
                Map<String, Result<?>> sides = engine.getValue().get(operation);
                Result<?> library = sides.get("library");
                boolean paired = false;
                for (Map.Entry<String, Result<?>> side : sides.entrySet()) {
                    if (side.getKey().startsWith("jdbc")) {
                        rows.add(new Row(engine.getKey(), operation, side.getKey(), library, side.getValue()));
                        paired = true;
                    }
                }
                if (!paired) {
                    rows.add(new Row(engine.getKey(), operation, "-", library, null));
                }
            }
        }
        return new ResultTable(rows);
    }

    List<Row> rows() {
        return rows;
    }

    /** One markdown table per engine, headed by the engine's label. */
    String markdown(Function<BenchEngine, String> label) {
        StringBuilder out = new StringBuilder();
        BenchEngine current = null;
        for (Row row : rows) {
            if (row.engine() != current) {
                current = row.engine();
                out.append(out.length() == 0 ? "" : "\n").append("**").append(label.apply(current))
                        .append("** (`engine=").append(current.param).append("`)\n\n")
                        .append("| operation | library | JDBC | library / JDBC |\n|---|---|---|---|\n");
            }
            String jdbc = format(row.operation(), row.jdbc());
            if (!row.jdbcVariant().equals("jdbc") && row.jdbc() != null) {
                jdbc += " (" + row.jdbcDescription() + ")";
            }
            out.append("| ").append(row.description()).append(" | ").append(format(row.operation(), row.library()))
                    .append(" | ").append(jdbc).append(" | ").append(ratio(row)).append(" |\n");
        }
        return out.toString();
    }

    /** The rows as JSON (hand-written: the bench adds no JSON library). */
    String json(Function<BenchEngine, String> label, Map<String, String> header) {
        StringBuilder out = new StringBuilder("{\n");
        header.forEach((k, v) -> out.append("  ").append(quote(k)).append(": ").append(quote(v)).append(",\n"));
        out.append("  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"engine\": ").append(quote(row.engine().param))
                    .append(", \"engineLabel\": ").append(quote(label.apply(row.engine())))
                    .append(", \"operation\": ").append(quote(row.operation()))
                    .append(", \"description\": ").append(quote(row.description()))
                    .append(", \"library\": ").append(json(row.library()))
                    .append(", \"jdbcVariant\": ").append(quote(row.jdbcVariant()))
                    .append(", \"jdbc\": ").append(json(row.jdbc()))
                    .append(", \"ratio\": ").append(number(row.ratio()))
                    .append(", \"ratioError\": ").append(number(row.ratioError()));
            Integer rowsPerOp = ROWS.get(baseOperation(row.operation()));
            if (rowsPerOp != null) {
                out.append(", \"libraryRowsPerSecond\": ").append(number(rowsPerSecond(rowsPerOp, row.library())))
                        .append(", \"jdbcRowsPerSecond\": ").append(number(rowsPerSecond(rowsPerOp, row.jdbc())));
            }
            out.append('}');
        }
        return out.append("\n  ]\n}\n").toString();
    }

    private static String describe(String operation) {
        String base = baseOperation(operation);
        String described = OPERATIONS.get(base);
        return described == null ? operation : described + operation.substring(base.length());
    }

    private static String baseOperation(String operation) {
        int space = operation.indexOf(' ');
        return space < 0 ? operation : operation.substring(0, space);
    }

    private static String ratio(Row row) {
        double ratio = row.ratio();
        if (Double.isNaN(ratio)) {
            return "-";
        }
        double error = row.ratioError();
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
        Integer rowsPerOp = ROWS.get(baseOperation(operation));
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

    private static String json(Result<?> r) {
        if (r == null) {
            return "null";
        }
        return "{\"score\": " + number(r.getScore()) + ", \"error\": " + number(r.getScoreError()) + ", \"unit\": "
                + quote(r.getScoreUnit()) + ", \"samples\": " + r.getSampleCount() + "}";
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
