package io.fcn.persistence.internal.database;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.fcn.persistence.internal.engine.H2Settings;
import io.fcn.persistence.internal.engine.SqlServerUrl;
import io.fcn.persistence.internal.engine.UrlSecrets;

/**
 * Where to connect: a JDBC URL with its user and password. Read from a JDBC URL ({@code jdbc:sqlserver://…},
 * {@code jdbc:h2:…}) or from the SQLAlchemy URL the Python service used,
 * {@code mssql+pyodbc://user:pass@host:port/db?driver=…&TrustServerCertificate=yes}, translated to
 * {@code jdbc:sqlserver://host:port;databaseName=db;encrypt=true;trustServerCertificate=true}. Its
 * {@link #toString()} never shows the password.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    private static final Pattern SQLALCHEMY = Pattern.compile(
            "(?i)mssql(?:\\+\\w+)?://(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?@]+)(?::(\\d+))?(?:/([^?]*))?(?:\\?(.*))?");

    /**
     * Reads {@code url}; {@code user} and {@code password} apply when the URL does not carry its own (an
     * SQLAlchemy URL's {@code user:pass@} wins).
     */
    public static DatabaseUrl parse(String url, String user, String password) {
        return parse(url, user, password, false);
    }

    /**
     * As {@link #parse(String, String, String)}. A URL is configuration that may come from less trusted places (CI
     * variables, shared files), so an H2 URL may carry only the settings {@link H2Settings} allows, and a
     * {@code jdbc:sqlserver:} URL no property that makes the driver load a class it names
     * ({@link UrlSecrets#CLASS_LOADING_KEYS}) unless {@code allowUrlClasses}.
     *
     * @throws IllegalArgumentException naming the refused setting or property, never its value
     */
    public static DatabaseUrl parse(String url, String user, String password, boolean allowUrlClasses) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The database URL is empty");
        }
        if (trimmed.regionMatches(true, 0, "jdbc:", 0, 5)) {
            if (trimmed.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
                List<String> refused = H2Settings.refused(trimmed);
                if (!refused.isEmpty()) {
                    throw new IllegalArgumentException("the H2 URL sets " + String.join(", ", refused)
                            + ", which the library does not allow (allowed: " + H2Settings.allowedList() + ")");
                }
                List<String> other = H2Settings.otherValues(trimmed);
                if (!other.isEmpty()) {
                    throw new IllegalArgumentException("the H2 URL sets " + String.join(", ", other)
                            + " to a value the library does not allow (only " + other.stream()
                                    .map(k -> k + "=" + H2Settings.REQUIRED.get(k)).collect(
                                            java.util.stream.Collectors.joining(", ")) + ")");
                }
            } else if (SqlServerUrl.isSqlServer(trimmed) && !allowUrlClasses) {
                List<String> classes = UrlSecrets.classLoadingProperties(trimmed);
                if (!classes.isEmpty()) {
                    throw new IllegalArgumentException("the URL sets " + String.join(", ", classes)
                            + ", which makes the driver load a class the URL names; refused unless "
                            + "--allow-url-classes is given");
                }
            }
            return new DatabaseUrl(trimmed, user, password);
        }
        Matcher m = SQLALCHEMY.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a JDBC URL (jdbc:sqlserver://…) nor an SQLAlchemy URL "
                    + "(mssql+pyodbc://host:port/db?…): " + redactSqlAlchemy(trimmed));
        }
        Map<String, String> query = query(m.group(6));
        StringBuilder jdbc = new StringBuilder("jdbc:sqlserver://").append(m.group(3))
                .append(':').append(m.group(4) == null ? "1433" : m.group(4));
        if (m.group(5) != null && !m.group(5).isBlank()) {
            jdbc.append(";databaseName=").append(decode(m.group(5)));
        }
        jdbc.append(";encrypt=").append(encrypt(query.get("encrypt")));
        if (yes(query.get("trustservercertificate"))) {
            jdbc.append(";trustServerCertificate=true");
        }
        String urlUser = m.group(1) == null || m.group(1).isEmpty() ? null : decode(m.group(1));
        String urlPassword = m.group(2) == null ? null : decode(m.group(2));
        return new DatabaseUrl(jdbc.toString(), urlUser != null ? urlUser : user,
                urlPassword != null ? urlPassword : password);
    }

    public boolean isSqlServer() {
        return SqlServerUrl.isSqlServer(jdbcUrl);
    }

    public boolean isH2() {
        return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }

    /** The URL for people: user names and passwords masked. */
    public String redacted() {
        return UrlSecrets.maskUrl(jdbcUrl);
    }

    @Override
    public String toString() {
        return redacted() + (user == null ? "" : " (user ***)");
    }

    /** An SQLAlchemy URL with its {@code user:pass@} masked, for error messages. */
    public static String redactSqlAlchemy(String url) {
        return UrlSecrets.maskUrl(url);
    }

    // ODBC Driver 18 encrypts by default: so does the translation, unless the URL says otherwise.
    private static String encrypt(String value) {
        if (value == null) {
            return "true";
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("strict")) {
            return "strict";
        }
        return v.equals("no") || v.equals("false") || v.equals("optional") ? "false" : "true";
    }

    private static boolean yes(String value) {
        return value != null && (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true"));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(decode(pair.substring(0, eq)).toLowerCase(Locale.ROOT), decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    /** Percent-decoding as SQLAlchemy quotes URL parts: a '+' stays a '+'. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
