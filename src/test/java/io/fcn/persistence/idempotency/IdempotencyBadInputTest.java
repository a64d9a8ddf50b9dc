package io.fcn.persistence.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.exceptions.ValidationException;
import io.fcn.persistence.support.AllEngines;

/** Durations whose end SQL Server cannot hold (or Java cannot compute) are the caller's mistake, nothing written. */
@AllEngines
class IdempotencyBadInputTest {

    private static final IdempotentRequest REQUEST = IdempotentRequest.of("POST", "/api/v1/trades", "{}");

    @Test
    void anOverflowingTtlOrLeaseIsAValidationErrorAndNothingIsWritten(FcnPersistence fcn, DataSource dataSource) {
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
        ValidationException ttl = assertThrows(ValidationException.class,
                () -> fcn.idempotency().claim("k1", REQUEST, forever, Duration.ofSeconds(30)));
        assertEquals("ttl", ttl.field());
        ValidationException lease = assertThrows(ValidationException.class,
                () -> fcn.idempotency().claim("k2", REQUEST, forever, forever));
        assertEquals("lease", lease.field());
        ValidationException years = assertThrows(ValidationException.class,
                () -> fcn.idempotency().claim("k3", REQUEST, Duration.ofDays(365L * 10_000), Duration.ofSeconds(1)));
        assertEquals("ttl", years.field());
        assertEquals(0, IdempotencyRepositoryTest.committedKeys(dataSource));
    }

    @Test
    void aKeyWithControlCharactersIsRefused(FcnPersistence fcn, DataSource dataSource) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> fcn.idempotency().claim("k\u001b[31m", REQUEST, Duration.ofHours(1), Duration.ofSeconds(1)));
        assertEquals("key", e.field());
        assertEquals(0, IdempotencyRepositoryTest.committedKeys(dataSource));
    }
}
