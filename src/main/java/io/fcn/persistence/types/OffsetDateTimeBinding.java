package io.fcn.persistence.types;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Objects;

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

/**
 * Binds DATETIMEOFFSET columns natively. jOOQ's DEFAULT dialect would send an {@code OffsetDateTime} as a string,
 * which SQL Server refuses for DATETIMEOFFSET; {@code setObject}/{@code getObject(i, OffsetDateTime.class)} keep
 * both the instant and the offset on mssql-jdbc and on H2.
 */
public final class OffsetDateTimeBinding extends AbstractBinding<OffsetDateTime, OffsetDateTime> {

    private static final long serialVersionUID = 1L;

    /** mssql-jdbc's vendor type code for DATETIMEOFFSET ({@code microsoft.sql.Types.DATETIMEOFFSET}). */
    private static final int MSSQL_DATETIMEOFFSET = -155;
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
        OffsetDateTime value = ctx.convert(converter()).value();
        if (value == null) {
            ctx.statement().setNull(ctx.index(), Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ctx.statement().setObject(ctx.index(), value);
        }
    }

    @Override
    public void get(BindingGetResultSetContext<OffsetDateTime> ctx) throws SQLException {
        ctx.convert(converter()).value(ctx.resultSet().getObject(ctx.index(), OffsetDateTime.class));
    }

    @Override
    public void get(BindingGetStatementContext<OffsetDateTime> ctx) throws SQLException {
        ctx.convert(converter()).value(ctx.statement().getObject(ctx.index(), OffsetDateTime.class));
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
