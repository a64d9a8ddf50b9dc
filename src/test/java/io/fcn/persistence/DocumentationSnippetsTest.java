package io.fcn.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of README.md, DEVELOPERS.md and docs/*.md is code a test runs. In the Markdown, the line before
 * a {@code ```java} fence names it, {@code <!-- snippet: quick-start -->}, or says why nothing runs it,
 * {@code <!-- snippet: not run: <reason> -->}. In a test source under src/test/java the same code sits between
 * {@code // snippet: quick-start} and {@code // end snippet} inside a test that executes it; the two must be equal
 * but for whitespace. A named snippet without its region, a region without its snippet, and an unmarked Java fence
 * fail.
 */
class DocumentationSnippetsTest {

    private static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*(.*?)\\s*-->");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern NOT_RUN = Pattern.compile("not run:\\s*(\\S.*)");
    private static final Pattern REGION_START = Pattern.compile("//\\s*snippet:\\s*(\\S+)\\s*");
    private static final Pattern REGION_END = Pattern.compile("//\\s*end snippet\\s*");

    record Snippet(String name, String source, String code) {}

    @Test
    void everyJavaSnippetOfTheDocumentationIsRunByATest() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Snippet> snippets = new LinkedHashMap<>();
        for (Path doc : documents()) {
            for (Snippet s : snippetsOf(doc, problems)) {
                Snippet earlier = snippets.putIfAbsent(s.name(), s);
                if (earlier != null) {
                    problems.add(s.source() + ": snippet '" + s.name() + "' is also named in " + earlier.source());
                }
            }
        }
        Map<String, Snippet> regions = new LinkedHashMap<>();
        for (Path source : testSources()) {
            for (Snippet r : regionsOf(source, problems)) {
                Snippet earlier = regions.putIfAbsent(r.name(), r);
                if (earlier != null) {
                    problems.add(r.source() + ": region '" + r.name() + "' is also marked in " + earlier.source());
                }
            }
        }
        snippets.forEach((name, s) -> {
            Snippet r = regions.get(name);
            if (r == null) {
                problems.add(s.source() + ": snippet '" + name + "' has no region '// snippet: " + name
                        + "' in src/test/java");
            } else if (!normalised(s.code()).equals(normalised(r.code()))) {
                problems.add(s.source() + ": snippet '" + name + "' differs from its region in " + r.source()
                        + "\n--- document:\n" + s.code() + "--- test:\n" + r.code());
            }
        });
        regions.forEach((name, r) -> {
            if (!snippets.containsKey(name)) {
                problems.add(r.source() + ": region '" + name + "' has no snippet in the documentation");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(!snippets.isEmpty(), "no named snippet found: is the working directory the project?");
    }

    @Test
    void markersAreReadAsTheRulesSay() {
        List<String> problems = new ArrayList<>();
        List<Snippet> found = snippetsOf("a.md", List.of(
                "<!-- snippet: one -->", "```java", "int a = 1;", "```",
                "<!-- snippet: not run: needs Spring -->", "```java", "x();", "```",
                "```java", "unmarked();", "```",
                "<!-- snippet: Bad Name -->", "```java", "y();", "```",
                "<!-- snippet: dangling -->", "text", "```bash", "ls", "```"), problems);
        assertEquals(List.of(new Snippet("one", "a.md:1", "int a = 1;\n")), found);
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("a.md:9: "), problems.get(0));

        List<Snippet> regions = regionsOf("T.java", List.of(
                "    // snippet: one", "    int a =", "        1;", "    // end snippet", "// snippet: open"),
                problems);
        assertEquals(List.of(new Snippet("one", "T.java:1", "    int a =\n        1;\n")), regions);
        assertEquals(4, problems.size(), String.join("\n", problems));
        assertEquals(normalised("int a = 1;\n"), normalised(regions.get(0).code()));
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("DEVELOPERS.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    static List<Path> testSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    static List<Snippet> snippetsOf(Path doc, List<String> problems) {
        return snippetsOf(doc.toString(), lines(doc), problems);
    }

    /** The named Java fences of one document; unmarked Java fences and malformed markers go to problems. */
    static List<Snippet> snippetsOf(String source, List<String> lines, List<String> problems) {
        List<Snippet> found = new ArrayList<>();
        String marker = null;
        int markerLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher m = MARKER.matcher(line);
            if (m.matches()) {
                marker = m.group(1);
                markerLine = i + 1;
                continue;
            }
            if (line.startsWith("```")) {
                String fence = line.substring(0, line.length() - line.replaceFirst("^`+", "").length());
                boolean java = line.substring(fence.length()).strip().split("\\s+")[0].equals("java");
                StringBuilder code = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).strip().equals(fence)) {
                    code.append(lines.get(j)).append('\n');
                    j++;
                }
                if (java) {
                    if (marker == null) {
                        problems.add(source + ":" + (i + 1) + ": a Java snippet no test runs; name it with "
                                + "<!-- snippet: <name> --> or say <!-- snippet: not run: <reason> -->");
                    } else if (NAME.matcher(marker).matches()) {
                        found.add(new Snippet(marker, source + ":" + markerLine, code.toString()));
                    } else if (!NOT_RUN.matcher(marker).matches()) {
                        problems.add(source + ":" + markerLine + ": '" + marker + "' is neither a snippet name "
                                + "([a-z0-9-]) nor 'not run: <reason>'");
                    }
                } else if (marker != null) {
                    problems.add(source + ":" + markerLine + ": snippet marker before a fence that is not Java");
                }
                marker = null;
                i = j;
                continue;
            }
            if (marker != null && !line.isEmpty()) {
                problems.add(source + ":" + markerLine + ": snippet marker not followed by a Java fence");
                marker = null;
            }
        }
        if (marker != null) {
            problems.add(source + ":" + markerLine + ": snippet marker not followed by a Java fence");
        }
        return found;
    }

    static List<Snippet> regionsOf(Path source, List<String> problems) {
        return regionsOf(source.toString(), lines(source), problems);
    }

    /** The regions between {@code // snippet: <name>} and {@code // end snippet} of one source file. */
    static List<Snippet> regionsOf(String source, List<String> lines, List<String> problems) {
        List<Snippet> found = new ArrayList<>();
        String name = null;
        int start = 0;
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher m = REGION_START.matcher(line);
            if (m.matches()) {
                if (name != null) {
                    problems.add(source + ":" + (i + 1) + ": region '" + m.group(1) + "' starts inside '" + name
                            + "'");
                }
                name = m.group(1);
                start = i + 1;
                code.setLength(0);
            } else if (REGION_END.matcher(line).matches()) {
                if (name == null) {
                    problems.add(source + ":" + (i + 1) + ": '// end snippet' without a start");
                } else {
                    found.add(new Snippet(name, source + ":" + start, code.toString()));
                }
                name = null;
            } else if (name != null) {
                code.append(lines.get(i)).append('\n');
            }
        }
        if (name != null) {
            problems.add(source + ":" + start + ": region '" + name + "' has no '// end snippet'");
        }
        return found;
    }

    /** Whitespace-normalised: every run of whitespace is one space, none at either end. */
    static String normalised(String code) {
        return code.strip().replaceAll("\\s+", " ");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
