package io.fcn.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build regenerates the jOOQ classes when their input changed, and only then (pom.xml: a checksum of the input
 * decides {@code jooq.codegen.skip}). Runs {@code generate-sources} on a copy of the build's input three times: cold,
 * unchanged, after a migration gained a column. It uses the Maven that runs this build, offline: that build has
 * already resolved every plugin and dependency {@code generate-sources} needs.
 */
class CodegenUpToDateTest {

    private static final String SKIPPED = "Skipping jOOQ code generation"; // jOOQ's Maven plugin, when skip is set
    private static final Path TRADE_TABLE = Path.of(
            "target/generated-sources/jooq/io/fcn/persistence/jooq/tables/FcnTrade.java");

    private final Path root = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

    @Test
    void generatesWhenTheInputChangedAndSkipsWhenItDidNot(@TempDir Path project) throws Exception {
        copyInput(project);
        Path table = project.resolve(TRADE_TABLE);

        String cold = generateSources(project);
        assertFalse(cold.contains(SKIPPED), cold);
        String generated = Files.readString(table);
        FileTime generatedAt = Files.getLastModifiedTime(table);

        String unchanged = generateSources(project);
        assertTrue(unchanged.contains(SKIPPED), unchanged);
        assertTrue(unchanged.contains("Source directory: " + project.resolve("target/generated-sources/jooq")
                + " added."), "still compiled when skipped:\n" + unchanged);
        assertEquals(generated, Files.readString(table));
        assertEquals(generatedAt, Files.getLastModifiedTime(table));
        assertFalse(generated.contains("REGENERATION_PROBE"));

        Files.writeString(latestMigration(project),
                "\nALTER TABLE dbo.fcn_trade ADD regeneration_probe INT NULL;\n", StandardOpenOption.APPEND);
        String edited = generateSources(project);
        assertFalse(edited.contains(SKIPPED), edited);
        assertTrue(Files.readString(table).contains("TableField<FcnTradeRecord, Integer> REGENERATION_PROBE"),
                "FcnTrade.java after the migration gained a column:\n" + Files.readString(table));
    }

    /**
     * The migrations alone say a column is NVARCHAR: a new migration adds one, and the generated field is NVARCHAR
     * of its length (bound with setNString), where jOOQ's parser alone would make it VARCHAR.
     */
    @Test
    void aNewMigrationsNvarcharColumnIsGeneratedNational(@TempDir Path project) throws Exception {
        copyInput(project);
        Files.writeString(project.resolve("db/migration/V99991231_9999__national_probe.sql"), """
                -- A national column, and a comment that only mentions one: dbo.fcn_trade.probe_note NVARCHAR(9).
                ALTER TABLE dbo.fcn_trade ADD national_probe NVARCHAR(40) NULL;
                ALTER TABLE dbo.fcn_trade ADD plain_probe VARCHAR(40) NULL;
                """);
        String log = generateSources(project);
        assertFalse(log.contains(SKIPPED), log);
        String table = Files.readString(project.resolve(TRADE_TABLE));
        assertTrue(table.contains(
                "NATIONAL_PROBE = createField(DSL.name(\"national_probe\"), SQLDataType.NVARCHAR(40),"), table);
        assertTrue(table.contains("PLAIN_PROBE = createField(DSL.name(\"plain_probe\"), SQLDataType.VARCHAR(40),"),
                table);
        assertFalse(table.contains("PROBE_NOTE"), table);
        // The columns the shipped migrations declare NVARCHAR stay so.
        assertTrue(table.contains("TRADE_PARAMS = createField(DSL.name(\"trade_params\"), SQLDataType.NVARCHAR."),
                table);
    }

    /** A copy of what code generation reads: pom.xml, codegen/ (prelude and NationalColumns) and the migrations. */
    private void copyInput(Path project) throws IOException {
        Files.copy(root.resolve("pom.xml"), project.resolve("pom.xml"));
        copyFolder(root.resolve("codegen"), project.resolve("codegen"));
        copyFolder(root.resolve("db/migration"), project.resolve("db/migration"));
    }

    /** {@code mvn -B -o generate-sources} in the folder; its log, after asserting it succeeded. */
    private String generateSources(Path project) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-o", "-f", project.resolve("pom.xml").toString()));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.add("generate-sources");
        Path log = Files.createTempFile(project, "maven", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // Short builds: the quick JIT compiler alone halves their CPU time.
        builder.environment().merge("MAVEN_OPTS", "-XX:TieredStopAtLevel=1", (mine, quick) -> mine + " " + quick);
        Process maven = builder.start();
        if (!maven.waitFor(10, TimeUnit.MINUTES)) { // a guard against a hung build, not a measurement
            maven.destroyForcibly();
            fail("Maven did not finish:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, maven.exitValue(), output);
        return output;
    }

    /** The Maven running this build (surefire passes maven.home); from an IDE, the project's wrapper. */
    private String maven() {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        String home = System.getProperty("maven.home");
        return home != null && !home.isBlank()
                ? Path.of(home, "bin", windows ? "mvn.cmd" : "mvn").toString()
                : root.resolve(windows ? "mvnw.cmd" : "mvnw").toString();
    }

    private static Path latestMigration(Path project) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("db/migration"))) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }
}
