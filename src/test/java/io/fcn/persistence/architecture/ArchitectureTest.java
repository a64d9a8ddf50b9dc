package io.fcn.persistence.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * Holds the layering that DEVELOPERS.md draws ("Packages and their direction") on the compiled main classes,
 * generated code included: no package cycle, no dependency on a layer above, every package placed.
 */
class ArchitectureTest {

    private static final String BASE = "io.fcn.persistence";
    private static final Pattern BLOCK = Pattern.compile("```layers\\n(.*?)```", Pattern.DOTALL);

    private static JavaClasses classes;
    private static Map<String, List<String>> layers;

    @BeforeAll
    static void importClasses() throws IOException {
        classes = new ClassFileImporter().importPath(Path.of("target/classes"));
        layers = layers(Files.readString(Path.of("DEVELOPERS.md")));
    }

    /** Layer name → package patterns, top first, as DEVELOPERS.md lists them. */
    static Map<String, List<String>> layers(String developersMd) {
        Matcher m = BLOCK.matcher(developersMd);
        assertTrue(m.find(), "DEVELOPERS.md has no ```layers block");
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String line : m.group(1).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(":", 2);
            List<String> packages = new ArrayList<>();
            for (String p : parts[1].split(",")) {
                String name = p.strip();
                packages.add(name.equals("(root)") ? BASE : BASE + "." + name);
            }
            result.put(parts[0].strip(), packages);
        }
        return result;
    }

    private static boolean covers(String pattern, String pkg) {
        if (pattern.endsWith("..")) {
            String base = pattern.substring(0, pattern.length() - 2);
            return pkg.equals(base) || pkg.startsWith(base + ".");
        }
        return pkg.equals(pattern);
    }

    private static Optional<Integer> layerOf(String pkg) {
        int i = 0;
        for (List<String> patterns : layers.values()) {
            for (String pattern : patterns) {
                if (covers(pattern, pkg)) {
                    return Optional.of(i);
                }
            }
            i++;
        }
        return Optional.empty();
    }

    private static boolean ours(JavaClass c) {
        return c.getPackageName().equals(BASE) || c.getPackageName().startsWith(BASE + ".");
    }

    @Test
    void everyPackageIsPlaced() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : classes) {
            if (ours(c) && layerOf(c.getPackageName()).isEmpty()) {
                unplaced.add(c.getPackageName());
            }
        }
        assertEquals(Set.of(), unplaced, "packages in no layer of DEVELOPERS.md");
    }

    @Test
    void dependenciesPointDown() {
        List<String> upward = new ArrayList<>();
        List<String> names = List.copyOf(layers.keySet());
        for (JavaClass c : classes) {
            Optional<Integer> from = layerOf(c.getPackageName());
            if (!ours(c) || from.isEmpty()) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (!ours(target)) {
                    continue;
                }
                Optional<Integer> to = layerOf(target.getPackageName());
                if (to.isPresent() && to.get() < from.get()) {
                    upward.add(names.get(from.get()) + " → " + names.get(to.get()) + ": " + d.getDescription());
                }
            }
        }
        assertEquals(List.of(), upward.stream().distinct().sorted().limit(20).toList());
    }

    @Test
    void noPackageCycles() {
        // One slice per package; the generated package and its subpackages are one slice, so that leaving it
        // out of the layers cannot hide a cycle through it.
        SliceAssignment byPackage = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                if (!ours(c)) {
                    return SliceIdentifier.ignore();
                }
                String pkg = c.getPackageName();
                return SliceIdentifier.of(covers(BASE + ".jooq..", pkg) ? BASE + ".jooq" : pkg);
            }

            @Override
            public String getDescription() {
                return "packages of " + BASE;
            }
        };
        SlicesRuleDefinition.slices().assignedFrom(byPackage).should().beFreeOfCycles().check(classes);
    }

    @Test
    void generatedCodeUsesOnlyJooqAndTypes() {
        Set<String> used = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!covers(BASE + ".jooq..", c.getPackageName())) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String pkg = d.getTargetClass().getPackageName();
                if (ours(d.getTargetClass()) && !covers(BASE + ".jooq..", pkg)) {
                    used.add(pkg);
                }
            }
        }
        assertFalse(used.isEmpty(), "the generated classes should use the types leaf (binding, enums)");
        assertEquals(Set.of(BASE + ".types"), used);
    }

    /** picocli is an optional dependency, packed into the cli jar only: nothing a library consumer loads uses it. */
    @Test
    void onlyTheCommandLineUsesPicocliAndOnlyFcnDbIsPublicThere() {
        Set<String> users = new TreeSet<>();
        Set<String> publicInCli = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!ours(c)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (d.getTargetClass().getPackageName().startsWith("picocli")) {
                    users.add(c.getPackageName());
                }
            }
            if (c.getPackageName().equals(BASE + ".cli") && c.getModifiers().contains(JavaModifier.PUBLIC)) {
                publicInCli.add(c.getSimpleName());
            }
        }
        assertEquals(Set.of(BASE + ".cli"), users);
        assertEquals(Set.of("FcnDb"), publicInCli);
    }

    @Test
    void theBlockIsReadAsWritten() {
        Map<String, List<String>> parsed = layers("```layers\nup: a, (root)\ndown: b..\n```");
        assertEquals(List.of("up", "down"), List.copyOf(parsed.keySet()));
        assertEquals(List.of(BASE + ".a", BASE), parsed.get("up"));
        assertTrue(covers(BASE + ".b..", BASE + ".b.c"));
        assertFalse(covers(BASE + ".a", BASE + ".a.c"));
    }
}
