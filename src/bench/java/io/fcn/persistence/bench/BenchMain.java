package io.fcn.persistence.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import io.fcn.persistence.internal.database.ExternalSqlServer;

/**
 * The benchmark command ({@code ./mvnw -B -Pbench verify}, README "Performance"): prepares the engines and fixtures
 * ({@link BenchHarness}), runs JMH with its own command-line options ({@code -Dbench.args=…}), then prints one
 * library/JDBC table per engine and writes it to {@code target/bench-results.md} and {@code .json} beside JMH's
 * {@code target/jmh-result.json}.
 */
public final class BenchMain {

    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    /**
     * What runs when no benchmark is named: every class but the OFFSET pages (half a second a call, the long part
     * of a run), the metrics overhead, the purge's per-batch JDBC side (on the T-SQL engine each purge shot inserts
     * its 1,000,000 keys again first) and the JDBC side of the growth benchmark (its target is the library's own
     * growth), within 15 minutes on 2 cores. {@code -Dbench.args=".*"} runs everything.
     */
    static final List<String> DEFAULT_INCLUDES = List.of("SingleRowBenchmark", "GrowthBenchmark.growth\\w+_library$",
            "ObservationBatchBenchmark", "PagingBenchmark.keyset", "PurgeBenchmark.purge1m_(library|jdbc)$");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // Before any H2 class loads: the TCP server listens on loopback only.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        FLYWAY.setLevel(Level.SEVERE); // not its migration notes and T-SQL engine warnings
        CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp()) {
            cli.showHelp();
            return;
        }
        if (cli.shouldList() || cli.shouldListWithParams()) {
            new Runner(cli).list();
            return;
        }
        FileLock lock = JmhLock.await();
        try {
            run(cli, System.nanoTime());
        } finally {
            if (lock != null) {
                lock.channel().close(); // releases the lock
            }
        }
    }

    private static void run(CommandLineOptions cli, long start) throws Exception {
        Path target = Path.of(System.getProperty("fcn.bench.target", "target"));
        Set<BenchEngine> engines = engines(cli);
        List<BenchmarkListEntry> selected = selected(cli);
        BenchHarness.Needs needs = needs(selected);
        Map<String, String> header = new LinkedHashMap<>();
        header.put("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        header.put("command", "./mvnw -B -Pbench verify" + (System.getProperty("fcn.bench.args", "").isBlank() ? ""
                : " -Dbench.args=\"" + System.getProperty("fcn.bench.args").strip() + "\""));
        header.put("selection", cli.getIncludes().isEmpty() ? "default subset " + DEFAULT_INCLUDES
                : "named: " + cli.getIncludes());
        header.put("machine", Machine.describe());
        header.put("loadAtStart", Machine.loadAverage());
        System.out.println("bench: " + header.get("machine"));
        System.out.println("bench: load average at start " + header.get("loadAtStart"));

        try (BenchHarness harness = BenchHarness.prepare(target.resolve("bench-fixtures"), engines, needs,
                System.out)) {
            header.put("sqlServer", sqlServerLine(engines, harness));
            System.out.println("bench: " + header.get("sqlServer"));
            System.out.printf(Locale.ROOT, "bench: engines and fixtures ready after %.0f s%n",
                    BenchHarness.seconds(start));

            System.out.println("bench: " + selected.size() + " benchmarks on " + engines);
            Collection<RunResult> results = new Runner(options(cli, engines, harness)).run();

            header.put("loadAtEnd", Machine.loadAverage());
            header.put("benchSeconds", String.format(Locale.ROOT, "%.0f", BenchHarness.seconds(start)));
            Path jmhResult = cli.getResult().hasValue() ? Path.of(cli.getResult().get())
                    : target.resolve("jmh-result.json");
            ResultFormatFactory.getInstance(cli.getResultFormat().orElse(ResultFormatType.JSON), jmhResult.toString())
                    .writeOut(results);
            ResultTable table = ResultTable.of(results);
            String markdown = table.markdown(harness::label) + Throughput.markdown(results, harness::label);
            System.out.println();
            System.out.println(markdown);
            System.out.println(header.get("sqlServer"));
            System.out.println("Machine: " + header.get("machine") + "; load average " + header.get("loadAtStart")
                    + " at start, " + header.get("loadAtEnd") + " at end; benchmark run (after the build) "
                    + header.get("benchSeconds") + " s.");
            write(target.resolve("bench-results.md"), markdown + "\n" + header.get("sqlServer") + "\n");
            String json = table.json(harness::label, header);
            write(target.resolve("bench-results.json"), json);
            Path resultsDir = Path.of(System.getProperty("fcn.bench.results", "src/bench/results"));
            Files.createDirectories(resultsDir);
            Path dated = resultsDir.resolve("bench-results-" + header.get("date") + "-" + engineNames(engines, harness)
                    + ".json");
            write(dated, json);
            System.out.println("Written: " + jmhResult + ", " + target.resolve("bench-results.md") + ", "
                    + target.resolve("bench-results.json") + ", " + dated);
        }
    }

    /**
     * JMH's own lock ({@code jmh.lock} in the temporary directory), which keeps two benchmark runs from measuring each
     * other: awaited before the fixtures are built and held until the results are written, so no other run slips in
     * between (JMH is told not to take it again). With {@code -Djmh.ignoreLock=true} nothing is awaited.
     */
    static final class JmhLock {

        private JmhLock() {
        }

        static FileLock await() throws IOException, InterruptedException {
            if (Boolean.getBoolean("jmh.ignoreLock")) {
                return null;
            }
            FileChannel channel = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long since = System.nanoTime();
            for (int tries = 0;; tries++) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    if (tries > 0) {
                        System.out.printf(Locale.ROOT, "bench: JMH lock acquired after %.0f s%n",
                                BenchHarness.seconds(since));
                    }
                    System.setProperty("jmh.ignoreLock", "true"); // held here, for the whole run
                    return lock;
                }
                if (tries % 30 == 0) {
                    System.out.println("bench: another JMH run holds its lock; waiting for it to finish");
                }
                Thread.sleep(1_000);
            }
        }
    }

    /**
     * {@code -p engine=…} if given, else the embedded engine and one TCP engine: the T-SQL engine when one is
     * configured, else H2 in server mode (the choice), which keeps the whole command within 10 minutes on 2
     * cores. {@code -p engine=h2,h2tcp,tsql} runs all three.
     */
    private static Set<BenchEngine> engines(CommandLineOptions cli) {
        Set<BenchEngine> engines = EnumSet.noneOf(BenchEngine.class);
        if (cli.getParameter(BenchEngine.PARAM).hasValue()) {
            for (String value : cli.getParameter(BenchEngine.PARAM).get()) {
                engines.add(BenchEngine.of(value.trim()));
            }
            return engines;
        }
        engines.add(BenchEngine.H2);
        engines.add(ExternalSqlServer.fromEnvironment().isPresent() ? BenchEngine.TSQL : BenchEngine.H2_TCP);
        return engines;
    }

    /** The benchmarks JMH would run for these options. */
    private static List<BenchmarkListEntry> selected(CommandLineOptions cli) {
        return List.copyOf(BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                cli.getIncludes().isEmpty() ? DEFAULT_INCLUDES : cli.getIncludes(), cli.getExcludes()));
    }

    /** The engines as the results file names them: h2, h2tcp, babelfish or sqlserver (the T-SQL engine's product). */
    private static String engineNames(Set<BenchEngine> engines, BenchHarness harness) {
        List<String> names = new ArrayList<>();
        for (BenchEngine engine : engines) {
            if (engine != BenchEngine.TSQL) {
                names.add(engine.param);
            } else {
                String label = harness.label(engine);
                names.add(harness.sqlServerMeasured() ? "sqlserver" : label.startsWith("Babelfish") ? "babelfish"
                        : "tsql");
            }
        }
        return String.join("-", names);
    }

    /** Builds only the fixtures the selected benchmarks use. */
    private static BenchHarness.Needs needs(List<BenchmarkListEntry> selected) {
        boolean small = false;
        boolean paging = false;
        boolean purge = false;
        boolean growth = false;
        for (BenchmarkListEntry entry : selected) {
            String type = entry.getUserClassQName();
            paging |= type.endsWith(".PagingBenchmark");
            purge |= type.endsWith(".PurgeBenchmark");
            growth |= type.endsWith(".GrowthBenchmark");
            // GrowthBenchmark's 0 rows are the small fixture
            small |= !type.endsWith(".PagingBenchmark") && !type.endsWith(".PurgeBenchmark");
        }
        return new BenchHarness.Needs(small, paging, purge, growth);
    }

    private static String sqlServerLine(Set<BenchEngine> engines, BenchHarness harness) {
        if (!engines.contains(BenchEngine.TSQL)) {
            return "SQL Server: not measured (" + ExternalSqlServer.URL_VARIABLE + " not set)";
        }
        return harness.sqlServerMeasured() ? "SQL Server: measured (engine=tsql)"
                : "SQL Server: not measured (the T-SQL engine was " + harness.label(BenchEngine.TSQL) + ")";
    }

    /** The command line's options on these engines, with the fixtures' locations; BenchMain writes the results. */
    private static org.openjdk.jmh.runner.options.Options options(CommandLineOptions cli, Set<BenchEngine> engines,
            BenchHarness harness) {
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
                .param(BenchEngine.PARAM, engines.stream().map(e -> e.param).toArray(String[]::new));
        if (cli.getIncludes().isEmpty()) {
            DEFAULT_INCLUDES.forEach(options::include);
        }
        List<String> append = new ArrayList<>();
        if (cli.getJvmArgsAppend().hasValue()) {
            append.addAll(cli.getJvmArgsAppend().get());
        }
        append.addAll(harness.forkProperties());
        return options.jvmArgsAppend(append.toArray(String[]::new)).build();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * The throughput benchmark's figures beside the table: per engine, thread count and side, requests per second
     * (threads ÷ mean time: each thread runs one request after another) and the sampled p50 and p99.
     */
    static final class Throughput {

        private Throughput() {
        }

        static String markdown(Collection<RunResult> results, java.util.function.Function<BenchEngine, String> label) {
            StringBuilder out = new StringBuilder();
            Map<String, double[]> library = new LinkedHashMap<>();
            for (RunResult run : results) {
                String name = run.getParams().getBenchmark();
                if (!name.contains(".ThroughputBenchmark.")) {
                    continue;
                }
                if (out.length() == 0) {
                    out.append("\n| engine | threads | side | requests/s | mean µs | p50 µs | p99 µs |\n")
                            .append("|---|---|---|---|---|---|---|\n");
                }
                String method = name.substring(name.lastIndexOf('.') + 1);
                String side = method.substring(method.lastIndexOf('_') + 1);
                int threads = run.getParams().getThreads();
                var stats = run.getPrimaryResult().getStatistics();
                double mean = stats.getMean();
                String engineParam = run.getParams().getParam(BenchEngine.PARAM);
                BenchEngine engine = engineParam == null ? BenchEngine.H2 : BenchEngine.of(engineParam);
                out.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %.0f | %.0f | %.0f |%n",
                        label.apply(engine), threads, side, threads * 1e6 / mean, mean, stats.getPercentile(50),
                        stats.getPercentile(99)));
                library.put(engine + "/" + side + "/" + threads, new double[] {threads * 1e6 / mean});
            }
            for (BenchEngine engine : BenchEngine.values()) {
                for (String side : List.of("library", "jdbc")) {
                    double[] one = library.get(engine + "/" + side + "/1");
                    double[] sixteen = library.get(engine + "/" + side + "/16");
                    if (one != null && sixteen != null) {
                        out.append(String.format(Locale.ROOT, "%nScaling 1 → 16 threads, %s, %s: %.2f×", label.apply(engine),
                                side, sixteen[0] / one[0]));
                    }
                }
            }
            return out.length() == 0 ? "" : out.append('\n').toString();
        }
    }

    /** What the table's figures were measured on. */
    static final class Machine {

        private Machine() {
        }

        static String describe() {
            String cpu = "";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip() + ", ").findFirst().orElse("");
            } catch (IOException | RuntimeException e) {
                // not Linux: the core count still says enough
            }
            long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getTotalMemorySize() : 0;
            return String.format(Locale.ROOT, "%s%d cores, %.0f GB RAM, %s %s, %s %s", cpu,
                    Runtime.getRuntime().availableProcessors(), memory / 1e9, System.getProperty("os.name"),
                    System.getProperty("os.version"), System.getProperty("java.vm.name"),
                    System.getProperty("java.runtime.version"));
        }

        static String loadAverage() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return parts[0] + " " + parts[1] + " " + parts[2];
            } catch (IOException | RuntimeException e) {
                return String.format(Locale.ROOT, "%.2f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }
}
