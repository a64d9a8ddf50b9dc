package io.fcn.persistence.types;

import static io.fcn.persistence.jooq.Tables.FCN_IDEMPOTENCY_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.support.AllEngines;

/** DATETIMEOFFSET columns keep both the instant and the offset, to the microsecond. */
@AllEngines
class OffsetDateTimeBindingTest {

    @Test
    void anOffsetAndMicrosecondsRoundTrip(DSLContext dsl) {
        OffsetDateTime bangkok = OffsetDateTime.of(2026, 3, 1, 16, 45, 12, 123_456_000, ZoneOffset.ofHours(7));
        OffsetDateTime newfoundland = OffsetDateTime.of(2026, 3, 2, 1, 2, 3, 999_999_000,
                ZoneOffset.ofHoursMinutes(-3, -30));
        insertKey(dsl, "k1", bangkok, newfoundland);

        Record2<OffsetDateTime, OffsetDateTime> read = dsl
                .select(FCN_IDEMPOTENCY_KEY.CREATED_AT, FCN_IDEMPOTENCY_KEY.EXPIRES_AT)
                .from(FCN_IDEMPOTENCY_KEY)
                .where(FCN_IDEMPOTENCY_KEY.KEY_HASH.eq("k1"))
                .fetchOne();

        assertTrue(bangkok.isEqual(read.value1()), () -> "instant of " + read.value1());
        assertEquals(ZoneOffset.ofHours(7), read.value1().getOffset());
        assertEquals(bangkok, read.value1());
        assertEquals(newfoundland, read.value2());
        assertEquals(ZoneOffset.ofHoursMinutes(-3, -30), read.value2().getOffset());
    }

    @Test
    void aBoundOffsetDateTimeFindsTheSameInstantWrittenInAnotherOffset(DSLContext dsl) {
        OffsetDateTime utc = OffsetDateTime.of(2026, 3, 1, 9, 45, 12, 123_456_000, ZoneOffset.UTC);
        insertKey(dsl, "k1", utc, utc.plusHours(1));

        assertEquals(1, dsl.fetchCount(FCN_IDEMPOTENCY_KEY,
                FCN_IDEMPOTENCY_KEY.CREATED_AT.eq(utc.withOffsetSameInstant(ZoneOffset.ofHours(7)))));
        assertEquals(0, dsl.fetchCount(FCN_IDEMPOTENCY_KEY,
                FCN_IDEMPOTENCY_KEY.CREATED_AT.eq(utc.plusNanos(1_000))));
    }

    @Test
    void valuesAcrossTheRangeAndEitherSideOfTheGregorianChangeRoundTrip(DSLContext dsl) {
        OffsetDateTime[] values = {
            OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            OffsetDateTime.of(1100, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(5)),
            OffsetDateTime.of(1500, 3, 1, 12, 0, 0, 500_000_000, ZoneOffset.ofHours(-1)),
            OffsetDateTime.of(1582, 10, 4, 23, 59, 59, 999_998_000, ZoneOffset.UTC),
            OffsetDateTime.of(1582, 10, 15, 14, 0, 0, 0, ZoneOffset.ofHours(14)),
            OffsetDateTime.of(1582, 10, 17, 23, 59, 59, 999_999_000, ZoneOffset.ofHours(-14)),
            OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutes(5, 45)),
            OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_998_000, ZoneOffset.ofHours(1)),
        };
        for (int i = 0; i < values.length; i++) {
            insertKey(dsl, "k" + i, values[i], values[i].plusNanos(1_000));
        }
        for (int i = 0; i < values.length; i++) {
            Record2<OffsetDateTime, OffsetDateTime> read = dsl
                    .select(FCN_IDEMPOTENCY_KEY.CREATED_AT, FCN_IDEMPOTENCY_KEY.EXPIRES_AT).from(FCN_IDEMPOTENCY_KEY)
                    .where(FCN_IDEMPOTENCY_KEY.KEY_HASH.eq("k" + i)).fetchOne();
            assertEquals(values[i], read.value1(), "value " + i);
            assertEquals(values[i].plusNanos(1_000), read.value2(), "value " + i + " plus a microsecond");
        }
    }

    /** A completed key {@code keyHash} with these two DATETIMEOFFSET values. */
    private static void insertKey(DSLContext dsl, String keyHash, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        dsl.insertInto(FCN_IDEMPOTENCY_KEY)
                .set(FCN_IDEMPOTENCY_KEY.KEY_HASH, keyHash)
                .set(FCN_IDEMPOTENCY_KEY.REQUEST_FINGERPRINT, "f")
                .set(FCN_IDEMPOTENCY_KEY.REQUEST_METHOD, "POST")
                .set(FCN_IDEMPOTENCY_KEY.REQUEST_PATH, "/trades")
                .set(FCN_IDEMPOTENCY_KEY.RESPONSE_STATUS, 201)
                .set(FCN_IDEMPOTENCY_KEY.RESPONSE_SNAPSHOT, "{}")
                .set(FCN_IDEMPOTENCY_KEY.CREATED_AT, createdAt)
                .set(FCN_IDEMPOTENCY_KEY.EXPIRES_AT, expiresAt)
                .execute();
    }
}
