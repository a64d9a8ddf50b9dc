package io.fcn.persistence.internal.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and rewriting {@code jdbc:sqlserver://} URLs without ever printing their secrets. */
public final class SqlServerUrl {

    private static final Pattern DATABASE = Pattern.compile("(?i);\\s*(databaseName|database)\\s*=\\s*([^;]*)");

    private SqlServerUrl() {
    }

    /** The database the URL names, or null when it names none (the login's default database). */
    public static String database(String url) {
        Matcher m = DATABASE.matcher(url);
        return m.find() ? m.group(2).trim() : null;
    }

    /** The same URL pointing at {@code database}. */
    public static String withDatabase(String url, String database) {
        String without = DATABASE.matcher(url).replaceAll("");
        return without + (without.endsWith(";") ? "" : ";") + "databaseName=" + database;
    }

    /** The URL with user names, passwords and tokens masked: safe to log. */
    public static String redact(String url) {
        return UrlSecrets.maskUrl(url);
    }

    public static boolean isSqlServer(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlserver:");
    }
}
