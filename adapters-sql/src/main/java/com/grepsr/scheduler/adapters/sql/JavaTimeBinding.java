package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.vendor.VendorStrategy;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDateTime;

/**
 * Binds zone-less {@code TIMESTAMP(6)} / {@code DATETIME(6)} columns as {@link LocalDateTime}
 * through JDBC 4.2's {@code setObject}/{@code getObject}. jOOQ's default binding goes through
 * {@code java.sql.Timestamp}, which reads a local date-time in the JVM's zone: a value inside that
 * zone's spring-forward gap comes back an hour later (a test runs in America/New_York to catch
 * it). Every supported driver passes {@code LocalDateTime} through unchanged.
 *
 * @param <U> what the stores see: {@link java.time.Instant} for UTC columns, {@code LocalDateTime}
 *            for wall-clock ones
 */
abstract class JavaTimeBinding<U> implements Binding<LocalDateTime, U> {

    private final Converter<LocalDateTime, U> converter;

    JavaTimeBinding(Converter<LocalDateTime, U> converter) {
        this.converter = converter;
    }

    @Override
    public final Converter<LocalDateTime, U> converter() {
        return converter;
    }

    @Override
    public final void sql(BindingSQLContext<U> ctx) {
        LocalDateTime value = converter.to(ctx.value());
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(value));
        } else if (castsParameters(ctx)) {
            ctx.render().sql("cast(").sql(ctx.variable()).sql(" as timestamp(6))");
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    /** Asked of the strategy in the configuration: jOOQ makes bindings itself, nothing can inject it. */
    private static boolean castsParameters(BindingSQLContext<?> ctx) {
        VendorStrategy vendor = VendorStrategy.of(ctx.configuration());
        return vendor != null && vendor.castsTimestampParameters();
    }

    @Override
    public final void register(BindingRegisterContext<U> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.TIMESTAMP);
    }

    @Override
    public final void set(BindingSetStatementContext<U> ctx) throws SQLException {
        LocalDateTime value = converter.to(ctx.value());
        if (value == null) {
            ctx.statement().setNull(ctx.index(), Types.TIMESTAMP);
        } else {
            ctx.statement().setObject(ctx.index(), value);
        }
    }

    @Override
    public final void get(BindingGetResultSetContext<U> ctx) throws SQLException {
        ctx.value(converter.from(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class)));
    }

    @Override
    public final void get(BindingGetStatementContext<U> ctx) throws SQLException {
        ctx.value(converter.from(ctx.statement().getObject(ctx.index(), LocalDateTime.class)));
    }

    @Override
    public final void set(BindingSetSQLOutputContext<U> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("no user-defined types here");
    }

    @Override
    public final void get(BindingGetSQLInputContext<U> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("no user-defined types here");
    }
}
