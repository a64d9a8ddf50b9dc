package io.fcn.persistence.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The H2 URL settings the library needs and allows, defined once: the embedded engine's URLs are built from them
 * and a user-given H2 URL (the command line's) is checked against them.
 *
 * <ul>
 * <li>Required: SQL Server's mode, lower-case identifiers as the migrations and the generated code name them,
 * SQL Server's case-insensitive comparison of keys, and the session schema {@code dbo}.</li>
 * <li>Durability: {@code WRITE_DELAY=0}. H2 otherwise writes a commit up to 500 ms later, and a killed process
 * loses what it committed in that time. Missing it is a warning, not an error.</li>
 * <li>Allowed besides: settings about connecting, locking, caching and tracing ({@link #ALLOWED}). Any other
 * setting (e.g. another {@code INIT}, which can run scripts) is refused.</li>
 * </ul>
 */
public final class H2Settings {

    /** Setting → value, in the order they are appended. Keys are upper-case; values compare case-insensitively. */
    public static final Map<String, String> REQUIRED = required();

    public static final String DURABILITY_KEY = "WRITE_DELAY";
    public static final String DURABILITY_VALUE = "0";

    /** Settings a URL may carry besides the required and the durability one. */
    public static final Set<String> ALLOWED = Set.of("USER", "PASSWORD", "DB_CLOSE_DELAY", "DB_CLOSE_ON_EXIT",
            "AUTO_SERVER", "AUTO_SERVER_PORT", "AUTO_RECONNECT", "IFEXISTS", "FORBID_CREATION", "ACCESS_MODE_DATA",
            "FILE_LOCK", "CIPHER", "CACHE_SIZE", "LOCK_TIMEOUT", "DEFAULT_LOCK_TIMEOUT", "QUERY_TIMEOUT",
            "MAX_COMPACT_TIME", "MAX_MEMORY_ROWS", "OPTIMIZE_REUSE_RESULTS", "TRACE_LEVEL_FILE",
            "TRACE_LEVEL_SYSTEM_OUT");

    /** Appended to an H2 URL: the required settings, then the durability setting. Starts with {@code ;MODE=}. */
    public static final String URL_SUFFIX = suffix();

    private H2Settings() {
    }

    private static Map<String, String> required() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("MODE", "MSSQLServer");
        m.put("DATABASE_TO_LOWER", "TRUE");
        m.put("IGNORECASE", "TRUE");
        m.put("INIT", "CREATE SCHEMA IF NOT EXISTS dbo\\;SET SCHEMA dbo");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String suffix() {
        StringBuilder s = new StringBuilder();
        REQUIRED.forEach((k, v) -> s.append(';').append(k).append('=').append(v));
        return s.append(';').append(DURABILITY_KEY).append('=').append(DURABILITY_VALUE).toString();
    }

    /** What a check of a URL found: errors make it unusable, warnings do not. */
    public record Check(List<String> errors, List<String> warnings) {
        public Check {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /** Whether {@code url} names none of the required settings: a plain URL, to which {@link #URL_SUFFIX} is appended. */
    public static boolean namesNone(String url) {
        Map<String, String> given = settings(url);
        return REQUIRED.keySet().stream().noneMatch(given::containsKey) && !given.containsKey(DURABILITY_KEY);
    }

    /** Checks the settings of {@code url} (a {@code jdbc:h2:} URL); messages name settings, never values. */
    public static Check check(String url) {
        Map<String, String> given = settings(url);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        REQUIRED.forEach((key, value) -> {
            String actual = given.get(key);
            if (actual == null) {
                errors.add("the H2 URL lacks " + key + "=" + value + ", which the library needs");
            } else if (!normalized(actual).equals(normalized(value))) {
                errors.add("the H2 URL sets " + key + " to another value; the library needs " + key + "=" + value);
            }
        });
        String durability = given.get(DURABILITY_KEY);
        if (durability == null || !durability.strip().equals(DURABILITY_VALUE)) {
            warnings.add("the H2 URL lacks " + DURABILITY_KEY + "=" + DURABILITY_VALUE + ": H2 then writes a commit"
                    + " up to 500 ms later, and a killed process loses what it committed in that time");
        }
        for (String key : refused(url)) {
            errors.add("the H2 URL sets " + key + ", which the library does not allow (allowed besides "
                    + String.join(", ", REQUIRED.keySet()) + " and " + DURABILITY_KEY + ": "
                    + String.join(", ", ALLOWED.stream().sorted().toList()) + ")");
        }
        return new Check(errors, warnings);
    }

    /** The settings of {@code url} the library does not allow (upper-case, as H2 reads them), in URL order. */
    public static List<String> refused(String url) {
        List<String> out = new ArrayList<>();
        for (String key : settings(url).keySet()) {
            if (!REQUIRED.containsKey(key) && !key.equals(DURABILITY_KEY) && !ALLOWED.contains(key)) {
                out.add(key);
            }
        }
        return out;
    }

    /** The required settings {@code url} sets to another value than the library's (e.g. another INIT), in order. */
    public static List<String> otherValues(String url) {
        Map<String, String> given = settings(url);
        List<String> out = new ArrayList<>();
        REQUIRED.forEach((key, value) -> {
            String actual = given.get(key);
            if (actual != null && !normalized(actual).equals(normalized(value))) {
                out.add(key);
            }
        });
        return out;
    }

    /** Every setting a URL may carry, sorted: the required ones (INIT only with the library's value) and the rest. */
    public static String allowedList() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(ALLOWED);
        all.addAll(REQUIRED.keySet());
        all.add(DURABILITY_KEY);
        return String.join(", ", all);
    }

    /** The URL's {@code ;KEY=value} settings, keys upper-case; {@code \;} inside a value does not end it. */
    static Map<String, String> settings(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '\\' && i + 1 < url.length()) {
                part.append(c).append(url.charAt(++i));
            } else if (c == ';') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        for (String p : parts.subList(1, parts.size())) {
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            if (!key.isEmpty()) {
                out.put(key, eq < 0 ? "" : p.substring(eq + 1));
            }
        }
        return out;
    }

    private static String normalized(String value) {
        return value.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
