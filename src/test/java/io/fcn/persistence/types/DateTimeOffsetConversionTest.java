package io.fcn.persistence.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import microsoft.sql.DateTimeOffset;

/**
 * The binding's own conversions of mssql-jdbc's {@code DateTimeOffset}: where the driver's
 * {@code getOffsetDateTime()} is right they give what it gives, and written then read they give back every value
 * of SQL Server's DATETIMEOFFSET range in every offset.
 */
class DateTimeOffsetConversionTest {

    private static final long FIRST = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
    private static final long CHANGE = OffsetDateTime.of(1582, 10, 15, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
    private static final long LAST = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
    private static final long DAY = 86_400;

    @Test
    void fromTheGregorianChangeOnTheDriversOwnConversionIsMatched() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            // A day past the change, so that no offset's local date is before it (the driver misreads those).
            DateTimeOffset value = DateTimeOffset.valueOf(timestamp(random.nextLong(CHANGE + DAY, LAST),
                    random.nextInt(10_000_000) * 100), random.nextInt(-14 * 60, 14 * 60 + 1));
            assertEquals(value.getOffsetDateTime(), OffsetDateTimeBinding.toOffsetDateTime(value), value::toString);
        }
    }

    @Test
    void beforeTheGregorianChangeTheDriversConversionIsMatchedInUtc() {
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 100_000; i++) {
            OffsetDateTime written = OffsetDateTime.ofInstant(Instant.ofEpochSecond(
                    random.nextLong(FIRST, CHANGE - 10 * DAY), random.nextInt(1_000_000) * 1_000L), ZoneOffset.UTC);
            DateTimeOffset value = OffsetDateTimeBinding.toDateTimeOffset(written);
            assertEquals(value.getOffsetDateTime(), OffsetDateTimeBinding.toOffsetDateTime(value), value::toString);
        }
    }

    @Test
    void everyValueInEveryOffsetWrittenThenReadComesBack() {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextBoolean() ? random.nextLong(FIRST, CHANGE - 10 * DAY)
                    : random.nextLong(CHANGE, LAST);
            OffsetDateTime value = OffsetDateTime.ofInstant(Instant.ofEpochSecond(second,
                    random.nextInt(10_000_000) * 100L), ZoneOffset.ofTotalSeconds(60 * random.nextInt(-14 * 60,
                    14 * 60 + 1)));
            assertEquals(value, OffsetDateTimeBinding.toOffsetDateTime(OffsetDateTimeBinding.toDateTimeOffset(value)),
                    value::toString);
        }
    }

    @Test
    void aJulianLeapDayInTheOffsetsZoneIsReadWhereTheDriverFails() {
        OffsetDateTime value = OffsetDateTime.of(1100, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(5));
        DateTimeOffset written = OffsetDateTimeBinding.toDateTimeOffset(value);
        assertThrows(DateTimeException.class, written::getOffsetDateTime);
        assertEquals(value, OffsetDateTimeBinding.toOffsetDateTime(written));
    }

    @Test
    void theTenDaysTheDriversCalendarLacksLandTenDaysLater() {
        OffsetDateTime skipped = OffsetDateTime.of(1582, 10, 10, 12, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(skipped.plusDays(10),
                OffsetDateTimeBinding.toOffsetDateTime(OffsetDateTimeBinding.toDateTimeOffset(skipped)));
    }

    private static Timestamp timestamp(long epochSecond, int nanos) {
        Timestamp utc = new Timestamp(epochSecond * 1000);
        utc.setNanos(nanos);
        return utc;
    }
}
