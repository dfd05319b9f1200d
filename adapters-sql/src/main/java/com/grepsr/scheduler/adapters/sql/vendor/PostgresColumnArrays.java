package com.grepsr.scheduler.adapters.sql.vendor;

import org.jooq.Converter;
import org.jooq.Field;
import org.jooq.Record;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Rows sent to PostgreSQL column by column: each column one {@code text[]} parameter, cast back to
 * its type in SQL, so many rows are one statement with a parameter per column. jOOQ's multi-row
 * VALUES binds a parameter per cell: for the processor's chunk of 50 tasks that is 1,250 values
 * to render and bind, which took a third of the processor's CPU (issue 9's dispatch benchmark,
 * profiled). Values are the jOOQ converters' database values as text, so they land exactly as
 * jOOQ's own statements write them.
 */
final class PostgresColumnArrays {

    /** The SQL cast from text, by the Java type jOOQ writes a column as. */
    private static final Map<Class<?>, String> CASTS = Map.of(String.class, "", Integer.class, "::integer",
            Long.class, "::bigint", LocalDateTime.class, "::timestamp");

    private PostgresColumnArrays() {
    }

    /** {@code expression} (text) cast to the type {@code column} is written as. */
    static String castTo(Field<?> column, String expression) {
        String cast = CASTS.get(column.getConverter().fromType());
        if (cast == null) {
            throw new IllegalStateException("no cast from text for column " + column.getName()
                    + " written as " + column.getConverter().fromType().getName());
        }
        return expression + cast;
    }

    /** The column's value as PostgreSQL reads it from text (instants: the converter's UTC wall clock). */
    @SuppressWarnings("unchecked")
    private static String text(Field<?> column, Record record) {
        Object value = ((Converter<Object, Object>) column.getConverter()).to(record.get(column));
        return value == null ? null : value.toString();
    }

    /** One {@code text[]} per column, the rows' values in order. */
    static Array[] columns(Connection c, List<Field<?>> columns, List<? extends Record> rows) throws SQLException {
        Array[] arrays = new Array[columns.size()];
        for (int col = 0; col < arrays.length; col++) {
            String[] values = new String[rows.size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = text(columns.get(col), rows.get(row));
            }
            arrays[col] = c.createArrayOf("text", values);
        }
        return arrays;
    }

    /**
     * {@code INSERT INTO table (columns) SELECT … FROM unnest(one text[] per column)}, the rows in
     * the order given (an identity column numbers them in that order), then {@code tail} (e.g.
     * {@code ON CONFLICT DO NOTHING}).
     */
    static String insert(String table, List<Field<?>> columns, String tail) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        StringJoiner arrays = new StringJoiner(", ");
        for (Field<?> column : columns) {
            names.add(column.getName());
            values.add(castTo(column, "v." + column.getName()));
            arrays.add("?::text[]");
        }
        return "INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM unnest(" + arrays
                + ") WITH ORDINALITY AS v(" + names + ", n) ORDER BY v.n" + (tail.isEmpty() ? "" : " " + tail);
    }
}
