package io.fcn.persistence.internal.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import io.fcn.persistence.schema.model.Identifiers;

/**
 * Babelfish (T-SQL on PostgreSQL) stores a plain index under an internal name, because PostgreSQL index names are
 * unique per schema, not per table, and shows that name in {@code sys.indexes}; the declared name is not kept
 * anywhere. The internal name is {@code declared + table + md5hex(declared)}, and an identifier longer than 63
 * characters becomes its first 31 characters plus the md5 of the whole (e.g. {@code ix_fcn_template_spec_version_id}
 * on {@code fcn_template} shows as {@code ix_fcn_template_spec_version_idac18aec860525937f694522651abe997}).
 * Names are lower case, as Babelfish folds them; the library's names are ASCII, which this relies on.
 * <p>
 * The mapping cannot be inverted, so a shown name is mapped back to one of the names known to the caller; a name
 * that matches none (an index added by hand) stays as shown.
 */
public final class BabelfishNames {

    /** PostgreSQL's NAMEDATALEN - 1. */
    private static final int MAX_IDENTIFIER = 63;
    /** What Babelfish keeps of an over-long identifier before appending the md5 of the whole. */
    private static final int TRUNCATED_PREFIX = 31;

    private final List<String> knownIndexNames;

    BabelfishNames(Collection<String> knownIndexNames) {
        this.knownIndexNames = knownIndexNames.stream().map(Identifiers::normalize).distinct().toList();
    }

    /**
     * The name Babelfish shows for index {@code declared} of {@code table}. Public for tests and tools that name an
     * index not known to the library (one added by hand) as a report on Babelfish names it.
     */
    public static String shownIndexName(String declared, String table) {
        String index = Identifiers.normalize(declared);
        return truncated(index + Identifiers.normalize(table) + md5Hex(index));
    }

    /** The known index name that Babelfish shows as {@code shown} on {@code table}, or {@code shown} itself. */
    String declaredIndexName(String shown, String table) {
        String wanted = Identifiers.normalize(shown);
        return knownIndexNames.stream()
                .filter(known -> shownIndexName(known, table).equals(wanted))
                .findFirst()
                .orElse(shown);
    }

    private static String truncated(String identifier) {
        return identifier.length() <= MAX_IDENTIFIER ? identifier
                : identifier.substring(0, TRUNCATED_PREFIX) + md5Hex(identifier);
    }

    private static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has MD5", e);
        }
    }
}
