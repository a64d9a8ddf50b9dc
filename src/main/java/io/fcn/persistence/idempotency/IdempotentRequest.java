package io.fcn.persistence.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import io.fcn.persistence.internal.validation.Validate;

/**
 * The request an idempotency key guards: its method (any case; stored upper-case, as the fingerprint hashes it), its
 * path and its raw body bytes. {@link IdempotencyRepository#claim(String, IdempotentRequest, java.time.Duration,
 * java.time.Duration)} computes the fingerprint from it, so method, path and fingerprint cannot disagree. Validated
 * when built: method at most 10 ASCII characters, path at most 500, body not null (empty for no body).
 */
public final class IdempotentRequest {

    private final String method;
    private final String path;
    private final byte[] body;

    private IdempotentRequest(String method, String path, byte[] body) {
        Validate.asciiText("method", method, IdempotencyRepository.METHOD_MAX_LENGTH);
        Validate.asciiText("path", path, IdempotencyRepository.PATH_MAX_LENGTH);
        Validate.notNull("body", body);
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.body = body.clone();
    }

    /**
     * {@code method} and {@code path} as the HTTP request line has them, {@code body} its raw bytes.
     * @param method the HTTP method, any case
     * @param path the request path
     * @param body the raw body (copied); empty for no body
     * @return the request
     * @throws io.fcn.persistence.exceptions.ValidationException when an argument breaks its rule
     */
    public static IdempotentRequest of(String method, String path, byte[] body) {
        return new IdempotentRequest(method, path, body);
    }

    /**
     * A request whose body is text, hashed as its UTF-8 bytes.
     * @param method the HTTP method, any case
     * @param path the request path
     * @param body the body text
     * @return the request
     * @throws io.fcn.persistence.exceptions.ValidationException when an argument breaks its rule
     */
    public static IdempotentRequest of(String method, String path, String body) {
        Validate.notNull("body", body);
        return new IdempotentRequest(method, path, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A request without a body (hashed as the empty byte string).
     * @param method the HTTP method, any case
     * @param path the request path
     * @return the request
     * @throws io.fcn.persistence.exceptions.ValidationException when an argument breaks its rule
     */
    public static IdempotentRequest withoutBody(String method, String path) {
        return new IdempotentRequest(method, path, new byte[0]);
    }

    /** {@return the HTTP method, upper-case} */
    public String method() {
        return method;
    }

    /** {@return the request path, as given} */
    public String path() {
        return path;
    }

    /** {@return a copy of the raw body} */
    public byte[] body() {
        return body.clone();
    }

    /** {@return {@link IdempotencyKeys#fingerprint(String, String, byte[])} of this request} */
    public String fingerprint() {
        return IdempotencyKeys.fingerprint(method, path, body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdempotentRequest r && method.equals(r.method) && path.equals(r.path)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * method.hashCode() + path.hashCode()) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "IdempotentRequest[" + method + " " + path + ", " + body.length + " bytes]";
    }
}
