package io.fcn.persistence.paging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

import io.fcn.persistence.exceptions.ValidationException;

/**
 * The opaque cursor of a keyset list: base64url (no padding) of a format byte, a fingerprint of the list (its table,
 * filter and order), the last row's key and a CRC-32 of all that. A consistency check, not a security boundary:
 * anyone can build a cursor that passes, but a tampered, truncated or foreign one (from another list) is a
 * {@link ValidationException} on {@code cursor} instead of a wrong page. Rejections show at most the cursor's first
 * {@value #SHOWN} characters.
 */
final class KeysetCursor {

    private static final byte FORMAT = 1;
    private static final int LIST_BYTES = 6;
    private static final int CRC_BYTES = 4;
    /** Generous for an id or a date and id; bounds what a caller can make the library decode. */
    static final int MAX_LENGTH = 200;
    static final int SHOWN = 8;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Renders the list's identity the same way on every engine and with every setting of the caller's context. */
    private static final DSLContext IDENTITY = DSL.using(SQLDialect.DEFAULT);

    private KeysetCursor() {
    }

    /**
     * The fingerprint of a list: the first bytes of SHA-256 over its table, its filter (as {@code filter} names it,
     * values included) and its order (column names and directions).
     */
    static byte[] listOf(Table<?> table, String filter, List<SortField<?>> order) {
        StringBuilder identity = new StringBuilder(table.getName()).append('|').append(filter);
        for (SortField<?> column : order) {
            identity.append('|').append(column.getName()).append(' ').append(column.getOrder());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, LIST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    /** A condition's own text, values inlined, as the filter's name (rendering costs tens of microseconds). */
    static String nameOf(Condition filter) {
        return IDENTITY.renderInlined(filter);
    }

    static String encode(byte[] list, String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1 + LIST_BYTES + keyBytes.length + CRC_BYTES);
        out.put(FORMAT).put(list).put(keyBytes);
        out.putInt(crc(out.array(), out.position()));
        return ENCODER.encodeToString(out.array());
    }

    /** The key {@code cursor} carries, if it is an intact cursor of {@code list}. */
    static String decode(byte[] list, String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw rejected(cursor, "is not a cursor of this list");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw rejected(cursor, "is not a cursor of this list");
        }
        // The decoder ignores the unused low bits of the last character: only the canonical text is the cursor.
        if (bytes.length < 1 + LIST_BYTES + 1 + CRC_BYTES || !ENCODER.encodeToString(bytes).equals(cursor)) {
            throw rejected(cursor, "is not a cursor of this list (truncated or changed)");
        }
        int body = bytes.length - CRC_BYTES;
        if (ByteBuffer.wrap(bytes, body, CRC_BYTES).getInt() != crc(bytes, body) || bytes[0] != FORMAT) {
            throw rejected(cursor, "is not a cursor of this list (truncated or changed)");
        }
        if (!Arrays.equals(bytes, 1, 1 + LIST_BYTES, list, 0, LIST_BYTES)) {
            throw rejected(cursor, "belongs to another list (another filter or order); start again from the"
                    + " first page");
        }
        return new String(bytes, 1 + LIST_BYTES, body - 1 - LIST_BYTES, StandardCharsets.UTF_8);
    }

    static ValidationException rejected(String cursor, String rule) {
        String shown = cursor.length() <= SHOWN ? cursor : cursor.substring(0, SHOWN) + "…";
        return new ValidationException("cursor", rule + ": '" + shown + "'");
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
