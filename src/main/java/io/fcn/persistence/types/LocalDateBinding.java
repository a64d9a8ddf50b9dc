package io.fcn.persistence.types;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDate;

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
 * Binds DATE columns as {@code LocalDate} through {@code setObject}/{@code getObject(i, LocalDate.class)}. jOOQ's
 * DEFAULT dialect goes through {@code java.sql.Date}, whose Julian calendar before 1582-10-15 made H2 store and
 * return other days (1582-10-10 read back as 1582-10-20); {@code LocalDate} is proleptic Gregorian, as SQL
 * Server's DATE is, so every day from 0001-01-01 to 9999-12-31 round-trips exactly.
 */
public final class LocalDateBinding extends AbstractBinding<LocalDate, LocalDate> {

    private static final long serialVersionUID = 1L;

    /** One instance: jOOQ asks for it on every value bound or read. */
    private static final Converter<LocalDate, LocalDate> IDENTITY =
            Converter.ofNullable(LocalDate.class, LocalDate.class, t -> t, t -> t);

    @Override
    public Converter<LocalDate, LocalDate> converter() {
        return IDENTITY;
    }

    @Override
    public void sql(BindingSQLContext<LocalDate> ctx) throws SQLException {
        if (ctx.render().paramType() == ParamType.INLINED) {
            // Inlined (logging, golden SQL): rendered as jOOQ renders a date literal, unchanged.
            ctx.render().visit(DSL.inline(ctx.convert(converter()).value(), LocalDate.class));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<LocalDate> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.DATE);
    }

    @Override
    public void set(BindingSetStatementContext<LocalDate> ctx) throws SQLException {
        LocalDate value = ctx.value();
        if (value == null) {
            ctx.statement().setNull(ctx.index(), Types.DATE);
        } else {
            ctx.statement().setObject(ctx.index(), value);
        }
    }

    @Override
    public void get(BindingGetResultSetContext<LocalDate> ctx) throws SQLException {
        ctx.value(ctx.resultSet().getObject(ctx.index(), LocalDate.class));
    }

    @Override
    public void get(BindingGetStatementContext<LocalDate> ctx) throws SQLException {
        ctx.value(ctx.statement().getObject(ctx.index(), LocalDate.class));
    }

    @Override
    public void set(BindingSetSQLOutputContext<LocalDate> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetSQLInputContext<LocalDate> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }
}
