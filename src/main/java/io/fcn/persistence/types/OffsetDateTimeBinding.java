package io.fcn.persistence.types;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.AbstractBinding;
import org.jooq.impl.DSL;

import com.microsoft.sqlserver.jdbc.ISQLServerPreparedStatement;

import microsoft.sql.DateTimeOffset;

/**
 * Binds DATETIMEOFFSET columns natively. jOOQ's DEFAULT dialect would send an {@code OffsetDateTime} as a string,
 * which SQL Server refuses for DATETIMEOFFSET; {@code setObject} keeps both the instant and the offset on mssql-jdbc
 * and on H2. Reading takes {@code getObject(i)}: H2 gives an {@code OffsetDateTime}, mssql-jdbc a
 * {@code DateTimeOffset} that {@link #toOffsetDateTime} turns into one. The driver's own conversion formats the
 * offset as a string and reads it back through a {@code Calendar} (about a tenth of the client's Java time in
 * reading a trade over TDS), and it fails on some dates before 1582-10-15.
 */
public final class OffsetDateTimeBinding extends AbstractBinding<OffsetDateTime, OffsetDateTime> {

    private static final long serialVersionUID = 1L;

    /** mssql-jdbc's vendor type code for DATETIMEOFFSET ({@code microsoft.sql.Types.DATETIMEOFFSET}). */
    private static final int MSSQL_DATETIMEOFFSET = -155;
    /**
     * 1582-10-15T00:00Z, the Gregorian change of {@code GregorianCalendar}, through which mssql-jdbc turns a
     * DATETIMEOFFSET's UTC date into millis and back: before it those millis count Julian dates, which
     * {@code java.time} does not.
     */
    private static final long GREGORIAN_CHANGE_SECONDS = -12_219_292_800L;
    /** One instance: jOOQ asks for it on every value bound or read. */
    private static final Converter<OffsetDateTime, OffsetDateTime> IDENTITY =
            Converter.ofNullable(OffsetDateTime.class, OffsetDateTime.class, t -> t, t -> t);

    @Override
    public Converter<OffsetDateTime, OffsetDateTime> converter() {
        return IDENTITY;
    }

    @Override
    public void sql(BindingSQLContext<OffsetDateTime> ctx) throws SQLException {
        if (ctx.render().paramType() == ParamType.INLINED) {
            // Only for logging and golden SQL with inlined values; statements executed by the library bind.
            ctx.render().visit(DSL.inline(Objects.toString(ctx.convert(converter()).value(), null)));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<OffsetDateTime> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), MSSQL_DATETIMEOFFSET);
    }

    @Override
    public void set(BindingSetStatementContext<OffsetDateTime> ctx) throws SQLException {
        OffsetDateTime value = ctx.value();
        if (value == null) {
            ctx.statement().setNull(ctx.index(), Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (value.toEpochSecond() < GREGORIAN_CHANGE_SECONDS
                && ctx.statement().isWrapperFor(ISQLServerPreparedStatement.class)) {
            ctx.statement().setObject(ctx.index(), toDateTimeOffset(value), MSSQL_DATETIMEOFFSET);
        } else {
            ctx.statement().setObject(ctx.index(), value);
        }
    }

    @Override
    public void get(BindingGetResultSetContext<OffsetDateTime> ctx) throws SQLException {
        Object value = ctx.resultSet().getObject(ctx.index());
        ctx.value(value instanceof DateTimeOffset offset ? toOffsetDateTime(offset)
                : value == null || value instanceof OffsetDateTime ? (OffsetDateTime) value
                : ctx.resultSet().getObject(ctx.index(), OffsetDateTime.class));
    }

    @Override
    public void get(BindingGetStatementContext<OffsetDateTime> ctx) throws SQLException {
        ctx.value(ctx.statement().getObject(ctx.index(), OffsetDateTime.class));
    }

    /**
     * A value mssql-jdbc read, as {@code java.time}: from its UTC millis from the Gregorian change on (the driver's
     * own {@code getOffsetDateTime()} gives the same, through a string and a {@code Calendar}); before it, from the
     * UTC fields of the driver's calendar, which the driver's own conversion reads in the offset's zone instead
     * (a Julian leap day such as 1100-02-29 then fails).
     */
    static OffsetDateTime toOffsetDateTime(DateTimeOffset value) {
        Timestamp utc = value.getTimestamp();
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(value.getMinutesOffset() * 60);
        if (utc.getTime() >= GREGORIAN_CHANGE_SECONDS * 1000) {
            return OffsetDateTime.ofInstant(utc.toInstant(), offset);
        }
        GregorianCalendar calendar = utcCalendar();
        calendar.setTimeInMillis(utc.getTime());
        return LocalDateTime.of(calendar.get(Calendar.YEAR), calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH), calendar.get(Calendar.HOUR_OF_DAY), calendar.get(Calendar.MINUTE),
                calendar.get(Calendar.SECOND), utc.getNanos()).atOffset(ZoneOffset.UTC).withOffsetSameInstant(offset);
    }

    /**
     * {@code value} as mssql-jdbc's {@code DateTimeOffset}, the inverse of {@link #toOffsetDateTime}. Written for
     * values before the Gregorian change: the driver would send an {@code OffsetDateTime}'s instant through its
     * calendar and store the Julian date (0001-01-01 as 0001-01-03). The UTC days 1582-10-05 to 14, which that
     * calendar lacks, land ten days later.
     */
    static DateTimeOffset toDateTimeOffset(OffsetDateTime value) {
        Timestamp millis;
        if (value.toEpochSecond() >= GREGORIAN_CHANGE_SECONDS) {
            millis = Timestamp.from(value.toInstant());
        } else {
            LocalDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            GregorianCalendar calendar = utcCalendar();
            calendar.clear();
            calendar.set(utc.getYear(), utc.getMonthValue() - 1, utc.getDayOfMonth(), utc.getHour(),
                    utc.getMinute(), utc.getSecond());
            millis = new Timestamp(calendar.getTimeInMillis());
            millis.setNanos(utc.getNano());
        }
        return DateTimeOffset.valueOf(millis, value.getOffset().getTotalSeconds() / 60);
    }

    private static GregorianCalendar utcCalendar() {
        return new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.US);
    }

    @Override
    public void set(BindingSetSQLOutputContext<OffsetDateTime> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetSQLInputContext<OffsetDateTime> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }
}
