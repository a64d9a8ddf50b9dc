package io.fcn.persistence.internal.database;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.fcn.persistence.internal.engine.SqlServerUrl;

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
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return new DatabaseUrl(trimmed, user, password);
        }
        Matcher m = SQLALCHEMY.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a JDBC URL (jdbc:sqlserver://…) nor an SQLAlchemy URL "
                    + "(mssql+pyodbc://user:pass@host:port/db?…): " + redactSqlAlchemy(trimmed));
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
        return SqlServerUrl.redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return redacted() + (user == null ? "" : " (user ***)");
    }

    /** An SQLAlchemy URL with its {@code user:pass@} masked, for error messages. */
    public static String redactSqlAlchemy(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
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
