package io.fcn.persistence.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that masks credentials in database URLs and in text that may quote them (driver messages). URLs are
 * parsed, not searched: mssql-jdbc's {@code ;key=value} properties with braced values ({@code {…}}, where
 * {@code }}} is a literal {@code }}), H2's {@code ;KEY=value} settings, and the user-info of
 * {@code scheme://user:pass@host}. Keys compare case-insensitively.
 */
public final class UrlSecrets {

    /** What a masked value reads as. */
    public static final String MASK = "***";

    /**
     * Credential-bearing properties of mssql-jdbc and H2 (lower case); any key naming a password, secret, token or
     * pwd too. (keyVaultProviderClientId names an Azure application, not a secret; its key is one.)
     */
    private static final Set<String> SECRET_KEYS = Set.of("password", "pwd", "keystoresecret", "keystorepassword",
            "aadsecureprincipalsecret", "truststorepassword", "clientkeypassword", "accesstoken",
            "keyvaultproviderclientkey");
    /** Masked as before: who connects is not for logs either. */
    private static final Set<String> USER_KEYS = Set.of("user", "username", "uid");

    /**
     * mssql-jdbc properties that make the driver load and instantiate a class the URL names (and their constructor
     * arguments): code chosen by whoever wrote the URL. Lower case.
     */
    public static final Set<String> CLASS_LOADING_KEYS = Set.of("socketfactoryclass", "socketfactoryconstructorarg",
            "trustmanagerclass", "trustmanagerconstructorarg", "accesstokencallbackclass");

    private static final Pattern KEY = Pattern.compile("(?<![A-Za-z0-9_.])([A-Za-z][A-Za-z0-9_.]*)[ \\t]*=[ \\t]*");
    // scheme://user:pass@ — not after "jdbc:" (mssql-jdbc's URLs have no user-info; "user=a@b" is a property).
    private static final Pattern USER_INFO = Pattern.compile("(?<![A-Za-z0-9+.:-])([A-Za-z][A-Za-z0-9+.-]*://)"
            + "([^/?#;\\s@]*(?:@[^/?#;\\s@]*)*)@");

    private UrlSecrets() {
    }

    /** Whether {@code key} (a URL property or setting) carries a credential. */
    public static boolean isSecretKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        return SECRET_KEYS.contains(k) || k.contains("password") || k.contains("secret") || k.contains("token")
                || k.contains("pwd"); // H2's AUTHZPWD too
    }

    private static boolean isMasked(String key) {
        return isSecretKey(key) || USER_KEYS.contains(key.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code url} with every credential masked: safe to print. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        boolean query = !url.regionMatches(true, 0, "jdbc:", 0, 5);
        return maskProperties(maskUserInfo(url), query ? ";&" : ";");
    }

    /**
     * Free text (a driver's message) with the URLs in it masked as {@link #maskUrl} does and every known secret
     * value replaced where it stands as a whole token (never inside a longer word), so the rest, the driver's
     * reason, stays readable.
     */
    public static String maskText(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String s = maskProperties(maskUserInfo(text), ";&\"'");
        List<String> known = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank() && !secret.equals(MASK)) {
                known.add(secret);
            }
        }
        known.sort(Comparator.comparingInt(String::length).reversed());
        for (String secret : known) {
            s = replaceTokens(s, secret);
        }
        return s;
    }

    /** The credential values {@code url} carries (decoded and as written): what {@link #maskText} must hide. */
    public static Set<String> secretValues(String url) {
        Set<String> out = new LinkedHashSet<>();
        if (url == null) {
            return out;
        }
        Matcher info = USER_INFO.matcher(url);
        if (info.find()) {
            String userInfo = info.group(2);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                String raw = userInfo.substring(colon + 1);
                out.add(raw);
                try {
                    out.add(java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // Not percent-encoded: the raw value is the secret.
                }
            }
        }
        properties(url).forEach((key, value) -> {
            if (isSecretKey(key) && !value.isEmpty()) {
                out.add(value);
                for (String part : value.split("\\s+")) { // H2: PASSWORD=<file password> <user password>
                    if (part.length() > 0) {
                        out.add(part);
                    }
                }
            }
        });
        return out;
    }

    /**
     * The {@code ;key=value} properties of a JDBC URL (everything after the first {@code ;}), keys lower-case, values
     * unbraced ({@code {a}}b}} reads {@code a}b}). The last of a repeated key wins, as in mssql-jdbc.
     */
    public static Map<String, String> properties(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = url.indexOf(';');
        while (i >= 0 && i < url.length()) {
            int start = i + 1;
            int eq = url.indexOf('=', start);
            int semi = url.indexOf(';', start);
            if (eq < 0 || (semi >= 0 && semi < eq)) {
                String key = url.substring(start, semi < 0 ? url.length() : semi).strip();
                if (!key.isEmpty()) {
                    out.put(key.toLowerCase(Locale.ROOT), "");
                }
                i = semi;
                continue;
            }
            String key = url.substring(start, eq).strip().toLowerCase(Locale.ROOT);
            int valueStart = skipBlanks(url, eq + 1);
            int end = valueEnd(url, valueStart, ";");
            String value = url.substring(valueStart, end);
            if (value.startsWith("{")) {
                value = unbrace(value);
            }
            if (!key.isEmpty()) {
                out.put(key, value.strip());
            }
            i = url.indexOf(';', end);
        }
        return out;
    }

    /** The class-loading mssql-jdbc properties {@code url} sets, as written in it. */
    public static List<String> classLoadingProperties(String url) {
        List<String> out = new ArrayList<>();
        for (String key : properties(url).keySet()) {
            if (CLASS_LOADING_KEYS.contains(key)) {
                out.add(key);
            }
        }
        return out;
    }

    private static String maskUserInfo(String s) {
        return USER_INFO.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    }

    private static String maskProperties(String s, String stops) {
        StringBuilder out = new StringBuilder();
        Matcher m = KEY.matcher(s);
        int at = 0;
        while (at < s.length() && m.find(at)) {
            if (!isMasked(m.group(1))) {
                out.append(s, at, m.end());
                at = m.end();
                continue;
            }
            int end = valueEnd(s, m.end(), stops);
            out.append(s, at, m.end());
            if (end > m.end()) {
                out.append(MASK);
            }
            at = end;
        }
        out.append(s.substring(Math.min(at, s.length())));
        return out.toString();
    }

    /** Where the value starting at {@code i} ends: after its closing brace, or at a stop character (or a blank). */
    private static int valueEnd(String s, int i, String stops) {
        int n = s.length();
        if (i < n && s.charAt(i) == '{') {
            for (int j = i + 1; j < n; j++) {
                if (s.charAt(j) == '}') {
                    if (j + 1 < n && s.charAt(j + 1) == '}') {
                        j++;
                    } else {
                        return j + 1;
                    }
                }
            }
            return n; // unterminated: all of it may be the secret
        }
        boolean blanksStop = stops.indexOf('"') >= 0; // text mode: a value ends at a blank too
        int j = i;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < n) { // H2's escaped separator stays in the value
                j += 2;
                continue;
            }
            if (stops.indexOf(c) >= 0 || (blanksStop && Character.isWhitespace(c))) {
                break;
            }
            // Text mode: "…;password=x: reason" — the colon before a blank is the message's, not the value's.
            if (blanksStop && c == ':' && (j + 1 == n || Character.isWhitespace(s.charAt(j + 1)))) {
                break;
            }
            j++;
        }
        return j;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String unbrace(String braced) {
        String inner = braced.endsWith("}") && braced.length() >= 2 ? braced.substring(1, braced.length() - 1)
                : braced.substring(1);
        return inner.replace("}}", "}");
    }

    /** Replaces {@code secret} where it is a whole token: not preceded nor followed by a letter or digit it joins. */
    private static String replaceTokens(String s, String secret) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = s.indexOf(secret); i >= 0; i = s.indexOf(secret, i + 1)) {
            if (i < from) {
                continue;
            }
            int end = i + secret.length();
            boolean startsClean = i == 0 || !isWord(s.charAt(i - 1)) || !isWord(secret.charAt(0));
            boolean endsClean = end == s.length() || !isWord(s.charAt(end))
                    || !isWord(secret.charAt(secret.length() - 1));
            if (startsClean && endsClean) {
                out.append(s, from, i).append(MASK);
                from = end;
            }
        }
        return out.append(s.substring(from)).toString();
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
