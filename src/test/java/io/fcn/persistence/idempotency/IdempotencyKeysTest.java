package io.fcn.persistence.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

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

    // Expected values from the shell, not from this code:
    //   B=$(printf '%s' '{"trade_id": "T-1"}' | sha256sum | cut -d' ' -f1)   # 19be0cab…a043
    //   printf '%s' "POST|/v1/trades|$B" | sha256sum
    static final String BODY = "{\"trade_id\": \"T-1\"}";
    static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String POST_TRADES = "b7caa9dd74ab9c5549f3bcaecbceb9dbd5e9d74c4b8ad513d287b3095f951349";
    /** {@code printf '%s' "PATCH|/v1/trades/T-1|$B" | sha256sum} */
    static final String PATCH_TRADE = "335cb812342338c58b6211a1599a626d9fe82de2f2d572fae8afb0191ad78c62";
    /** {@code printf '%s' "DELETE|/v1/trades/T-1|$EMPTY" | sha256sum} */
    static final String DELETE_TRADE = "1436db86c7452739c129a42cc6f09c242918a9d3f4550ae24859ad68134fc800";
    /** {@code printf '%s' "PROPFIND|/v1/trades|$EMPTY" | sha256sum} (a method with an i) */
    static final String PROPFIND_TRADES = "eaf2e767c612968c9e8d0e04684ae5b3bfbe86b07df972e34b7dc2f4fc536b8a";

    @Test
    void theMethodIsUpperCasedAsTheServiceDoes() {
        assertEquals(POST_TRADES, IdempotencyKeys.fingerprint("POST", "/v1/trades", BODY));
        assertEquals(POST_TRADES, IdempotencyKeys.fingerprint("post", "/v1/trades", BODY));
        assertEquals(POST_TRADES, IdempotencyKeys.fingerprint("Post", "/v1/trades", BODY.getBytes(StandardCharsets.UTF_8)));
        assertEquals(PATCH_TRADE, IdempotencyKeys.fingerprint("patch", "/v1/trades/T-1", BODY));
        assertEquals(DELETE_TRADE, IdempotencyKeys.fingerprint("Delete", "/v1/trades/T-1", new byte[0]));
        assertEquals(POST_TRADES, IdempotentRequest.of("post", "/v1/trades", BODY).fingerprint());
        assertEquals(DELETE_TRADE, IdempotentRequest.withoutBody("delete", "/v1/trades/T-1").fingerprint());
        assertEquals(EMPTY, IdempotencyKeys.sha256Hex(new byte[0]));
    }

    @Test
    void aTurkishDefaultLocaleDoesNotChangeTheFingerprint() {
        Locale before = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
        try {
            assertEquals("PROPF\u0130ND", "propfind".toUpperCase(), "the trap: the default locale dots the I");
            assertEquals(PROPFIND_TRADES, IdempotencyKeys.fingerprint("propfind", "/v1/trades", new byte[0]));
            assertEquals(PROPFIND_TRADES, IdempotentRequest.withoutBody("propfind", "/v1/trades").fingerprint());
            assertEquals("PROPFIND", IdempotentRequest.withoutBody("propfind", "/v1/trades").method());
            assertEquals(PATCH_TRADE, IdempotencyKeys.fingerprint("patch", "/v1/trades/T-1", BODY));
            assertEquals(DELETE_TRADE, IdempotencyKeys.fingerprint("Delete", "/v1/trades/T-1", new byte[0]));
            assertEquals(POST_TRADES, IdempotencyKeys.fingerprint("post", "/v1/trades", BODY));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aRequestIsValidatedWhenBuilt() {
        assertEquals("method", assertThrows(ValidationException.class,
                () -> IdempotentRequest.of("", "/p", new byte[0])).field());
        assertEquals("method", assertThrows(ValidationException.class,
                () -> IdempotentRequest.of("PROPPATCHXX", "/p", new byte[0])).field());
        assertEquals("path", assertThrows(ValidationException.class,
                () -> IdempotentRequest.of("POST", null, new byte[0])).field());
        assertEquals("body", assertThrows(ValidationException.class,
                () -> IdempotentRequest.of("POST", "/p", (byte[]) null)).field());
        byte[] body = {1, 2};
        IdempotentRequest request = IdempotentRequest.of("POST", "/p", body);
        body[0] = 9;
        assertEquals(IdempotentRequest.of("post", "/p", new byte[] {1, 2}), request, "copied when built");
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
