package io.fcn.persistence.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.exceptions.ValidationException;

/** Expected values computed independently with Python's hashlib, as the service computes them. */
class IdempotencyKeysTest {

    @Test
    void keyHashIsLowerCaseSha256HexOfTheUtf8Key() {
        assertEquals("65803be0872fa538d3ac513edadd6699f54dd8b4a566ee1cf6b185c8cc803949",
                IdempotencyKeys.keyHash("key-123"));
        assertEquals("ffecc5e91eda3de67734111f4a3a7d7361c9329dfd06af8801845f7de6010671",
                IdempotencyKeys.keyHash("ключ-ü"));
    }

    @Test
    void fingerprintIsSha256HexOfMethodPathAndBodyHash() {
        String body = "{\"trade_id\": \"T-1\"}";
        String expected = "904dd04278cc18ee51ecbddc044737787cc2d8e158fa414e0d77ed9eb5a21dec";
        assertEquals(expected, IdempotencyKeys.fingerprint("POST", "/api/v1/trades", body));
        assertEquals(expected,
                IdempotencyKeys.fingerprint("POST", "/api/v1/trades", body.getBytes(StandardCharsets.UTF_8)));
        assertEquals("99c478588fb0580bc41622d21145a811ddd923bc641fa1cff75e9d84d50b5c3c",
                IdempotencyKeys.fingerprint("POST", "/api/v1/trades", new byte[0]), "no body: hash of empty");
    }

    @Test
    void sha256HexOfNothingIsTheKnownDigest() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                IdempotencyKeys.sha256Hex(new byte[0]));
    }

    @Test
    void missingPartsAreValidationErrors() {
        assertEquals("key", assertThrows(ValidationException.class, () -> IdempotencyKeys.keyHash(null)).field());
        assertEquals("body", assertThrows(ValidationException.class,
                () -> IdempotencyKeys.fingerprint("POST", "/p", (String) null)).field());
        assertEquals("method", assertThrows(ValidationException.class,
                () -> IdempotencyKeys.fingerprint(null, "/p", "")).field());
    }
}
