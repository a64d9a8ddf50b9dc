package io.fcn.persistence.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.fcn.persistence.internal.validation.Validate;

/**
 * The FCN service's idempotency scheme, so keys stored by it and by this library are the same keys:
 * {@code key_hash} = SHA-256 hex (lower-case) of the raw key's UTF-8 bytes; {@code request_fingerprint} = SHA-256
 * hex of {@code METHOD|path|sha256hex(body)} in UTF-8, the method upper-cased as the service's
 * {@code compute_fingerprint} does ({@code "post"} and {@code "POST"} give the same fingerprint; upper-cased with
 * {@link Locale#ROOT}, so a Turkish default locale does not turn {@code i} into {@code İ}), the path exactly as given.
 */
public final class IdempotencyKeys {

    private static final HexFormat HEX = HexFormat.of(); // lower-case digits

    private IdempotencyKeys() {
    }

    /**
     * What {@code key_hash} stores for {@code rawKey}.
     * @param rawKey the client's idempotency key, as sent
     * @return its SHA-256, 64 lower-case hexadecimal digits
     */
    public static String keyHash(String rawKey) {
        Validate.notNull("key", rawKey);
        return sha256Hex(rawKey.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The request fingerprint over the raw request body (use an empty array for a request without a body); the
     * method in any case.
     * @param method the HTTP method, e.g. {@code POST}
     * @param path the request path, e.g. {@code /v1/trades}
     * @param body the raw request body
     * @return the fingerprint, 64 lower-case hexadecimal digits
     */
    public static String fingerprint(String method, String path, byte[] body) {
        Validate.notNull("method", method);
        Validate.notNull("path", path);
        Validate.notNull("body", body);
        String line = method.toUpperCase(Locale.ROOT) + "|" + path + "|" + sha256Hex(body);
        return sha256Hex(line.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link #fingerprint(String, String, byte[])} of a body given as text, encoded as UTF-8.
     * @param method the HTTP method, e.g. {@code POST}
     * @param path the request path, e.g. {@code /v1/trades}
     * @param body the request body as text
     * @return SHA-256 hex of {@code METHOD|path|sha256hex(body)}
     */
    public static String fingerprint(String method, String path, String body) {
        Validate.notNull("body", body);
        return fingerprint(method, path, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * SHA-256 of {@code bytes} as 64 lower-case hexadecimal digits.
     * @param bytes what to hash
     * @return 64 lower-case hexadecimal digits
     */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
