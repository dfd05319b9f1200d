package com.grepsr.scheduler.adapters.sql.vendor;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TasksRecord;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.StringJoiner;

/**
 * Many task updates on PostgreSQL as one {@code UPDATE … FROM unnest(…)}: each column travels as
 * one array, so a batch of the processor's LAUNCHING marks is one statement with 25 parameters
 * instead of a JDBC batch of one full-row UPDATE per task (measured in issue 9's dispatch
 * benchmark: the batch was the largest single cost of a dispatch). Compare-and-set as
 * {@code SqlTaskStore.update}: a row is written only at its expected version; the caller learns
 * how many were.
 */
final class PostgresTaskUpdates {

    private static final List<Field<?>> COLUMNS = BulkColumns.TASK_UPDATED;

    private static final String UPDATE = render();

    private PostgresTaskUpdates() {
    }

    /** Writes each row whose stored version is still {@code expectedVersions[i]}; returns how many were. */
    static int apply(DSLContext dsl, List<TasksRecord> rows, long[] expectedVersions) {
        return PostgresBulkWrites.onConnection(dsl, c -> {
            String[] ids = new String[rows.size()];
            Long[] expected = new Long[rows.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rows.get(i).getId();
                expected[i] = expectedVersions[i];
            }
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                ps.setArray(1, c.createArrayOf("text", ids));
                ps.setArray(2, c.createArrayOf("bigint", expected));
                Array[] values = PostgresColumnArrays.columns(c, COLUMNS, rows);
                for (int col = 0; col < values.length; col++) {
                    ps.setArray(col + 3, values[col]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private static String render() {
        StringJoiner set = new StringJoiner(", ");
        StringJoiner arrays = new StringJoiner(", ").add("?::text[]").add("?::bigint[]");
        StringJoiner names = new StringJoiner(", ").add("k_id").add("k_expected");
        for (Field<?> column : COLUMNS) {
            arrays.add("?::text[]");
            names.add("c_" + column.getName());
            set.add(column.getName() + " = " + PostgresColumnArrays.castTo(column, "v.c_" + column.getName()));
        }
        return "UPDATE tasks SET " + set + " FROM unnest(" + arrays + ") AS v(" + names + ")"
                + " WHERE tasks.id = v.k_id AND tasks.version = v.k_expected";
    }
}
