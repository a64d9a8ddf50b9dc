package io.fcn.persistence.internal.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The library's migration and rollback scripts as shipped on the classpath (from {@code db/migration} and
 * {@code db/rollback}), listed from a directory or from inside the jar.
 */
public final class MigrationScripts {

    /** Classpath folder of the migrations; deliberately not {@code db/migration}, which services scan themselves. */
    public static final String MIGRATION_FOLDER = "fcn-persistence/migration";
    public static final String ROLLBACK_FOLDER = "fcn-persistence/rollback";

    private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d{8})_(\\d{4})__(.+)\\.sql");

    /** First-line marker of a migration that has no rollback script: {@code -- fcn:irreversible <reason>}. */
    public static final String IRREVERSIBLE_MARKER = "-- fcn:irreversible";

    /** One script file: its name, Flyway version ({@code 20251022.0001}) and text. */
    public record Script(String filename, String version, String description, String text) {

        /** The reason given by a first line {@code -- fcn:irreversible <reason>}, if the script has one. */
        public java.util.Optional<String> irreversibleReason() {
            String first = text.lines().findFirst().orElse("").strip();
            if (!first.startsWith(IRREVERSIBLE_MARKER)) {
                return java.util.Optional.empty();
            }
            String reason = first.substring(IRREVERSIBLE_MARKER.length()).strip();
            return java.util.Optional.of(reason.isEmpty() ? "marked irreversible" : reason);
        }
    }

    private MigrationScripts() {
    }

    /** The versioned migrations, in version order. */
    public static List<Script> migrations() {
        return list(MIGRATION_FOLDER, "V");
    }

    /** The rollback scripts, in version order. */
    public static List<Script> rollbacks() {
        return list(ROLLBACK_FOLDER, "U");
    }

    /** The migrations ({@code V…}) or rollbacks ({@code U…}) in a directory of the file system, in version order. */
    public static List<Script> inDirectory(Path dir, char prefix) {
        TreeMap<String, Script> byVersion = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = VERSIONED.matcher(file.getFileName().toString());
                if (m.matches() && m.group(1).charAt(0) == prefix) {
                    Script script = new Script(file.getFileName().toString(), m.group(2) + "." + m.group(3),
                            m.group(4).replace('_', ' '), Files.readString(file, StandardCharsets.UTF_8));
                    if (byVersion.put(script.version(), script) != null) {
                        throw new IllegalStateException("Two scripts share version " + script.version() + " in " + dir);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(byVersion.values());
    }

    /** Flyway's version string of a script name such as {@code V20251022_0001__x.sql}, or null. */
    public static String versionOf(String filename) {
        Matcher m = VERSIONED.matcher(filename);
        return m.matches() ? m.group(2) + "." + m.group(3) : null;
    }

    /** The latest migration version this jar carries. */
    public static String latestVersion() {
        List<Script> all = migrations();
        return all.get(all.size() - 1).version();
    }

    private static List<Script> list(String folder, String prefix) {
        TreeMap<String, Script> byVersion = new TreeMap<>();
        for (String name : filenames(folder)) {
            Matcher m = VERSIONED.matcher(name);
            if (!m.matches() || !m.group(1).equals(prefix)) {
                continue;
            }
            String text = read(folder + "/" + name);
            Script script = new Script(name, m.group(2) + "." + m.group(3), m.group(4).replace('_', ' '), text);
            if (byVersion.put(script.version(), script) != null) {
                throw new IllegalStateException("Two scripts share version " + script.version() + " in " + folder);
            }
        }
        return List.copyOf(byVersion.values());
    }

    /** The text of a classpath resource shipped with the library (e.g. a schema snapshot). */
    public static String resource(String resource) {
        return read(resource);
    }

    static String read(String resource) {
        try (InputStream in = loader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> filenames(String folder) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader().getResources(folder);
            for (URL url : Collections.list(urls)) {
                if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(p -> p.getFileName().toString()).forEach(names::add);
                    }
                } else if (url.openConnection() instanceof JarURLConnection jar) {
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        String dir = folder + "/";
                        for (JarEntry e : Collections.list(file.entries())) {
                            if (e.getName().startsWith(dir) && !e.isDirectory()
                                    && e.getName().indexOf('/', dir.length()) < 0) {
                                names.add(e.getName().substring(dir.length()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MigrationScripts.class.getClassLoader();
    }
}
