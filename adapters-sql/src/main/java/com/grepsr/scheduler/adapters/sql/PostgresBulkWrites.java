package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.VtScheduledRunsRecord;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort.NextCalculation;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import org.jooq.ConnectionCallable;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.VT_SCHEDULED_RUNS;

/**
 * Bulk writes on PostgreSQL, each column one array parameter that {@code unnest} turns back into
 * rows ({@link PostgresColumnArrays}): the calculator's thousands of runs are one short statement
 * with 14 parameters, the processor's tasks and history one per chunk, and a page of schedules'
 * calculation marks one UPDATE. jOOQ's multi-row VALUES needs a bind value per cell: rendering,
 * binding and parsing those cost more than writing the rows (measured: issue 9's horizon fill and
 * dispatch). Instants go as ISO text cut to microseconds, exactly as {@link UtcInstantConverter}
 * writes them.
 */
final class PostgresBulkWrites {

    /** Rows per statement: large enough that round trips vanish, small enough to stay cheap in memory. */
    static final int CHUNK = 5_000;

    private static final List<Field<?>> RUN_COLUMNS = List.of(VT_SCHEDULED_RUNS.fields());
    private static final String RUN_INSERT = PostgresColumnArrays.insert("vt_scheduled_runs", RUN_COLUMNS,
            "ON CONFLICT DO NOTHING");

    private static final String MARK = "UPDATE vt_extractor_schedule s SET calculate_at = v.at"
            + " FROM unnest(?::varchar[], ?::bigint[], ?::text[]::timestamp[]) AS v(id, version, at)"
            + " WHERE s.id = v.id AND s.version = v.version";

    /**
     * One index probe per schedule (backward on the (schedule_id, fire_at) unique index). The
     * plain {@code IN (…) GROUP BY} is planned from statistics, and on a table the calculator is
     * filling from empty they are stale: PostgreSQL scanned the whole table once per page
     * (measured: 83 s of a 140 s fill of 30,000 schedules).
     */
    private static final String LATEST = "SELECT s.id, (SELECT max(r.fire_at) FROM vt_scheduled_runs r"
            + " WHERE r.schedule_id = s.id) FROM unnest(?::varchar[]) AS s(id)";

    private PostgresBulkWrites() {
    }

    /**
     * The statements here run on the JDBC connection itself, outside jOOQ's execute listeners, so
     * a vanished database is translated here, as {@link SqlErrors} does for jOOQ's statements.
     */
    static <T> T onConnection(DSLContext dsl, ConnectionCallable<T> work) {
        try {
            return dsl.connectionResult(work);
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * Runs {@code insert} (a {@link PostgresColumnArrays#insert} of {@code columns}) over
     * {@code rows}, {@link #CHUNK} rows a statement; returns how many it inserted.
     */
    static int insertColumnArrays(DSLContext dsl, String insert, List<Field<?>> columns, List<? extends Record> rows) {
        return onConnection(dsl, c -> {
            int inserted = 0;
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (int from = 0; from < rows.size(); from += CHUNK) {
                    Array[] arrays = PostgresColumnArrays.columns(c, columns, rows.subList(from, Math.min(rows.size(), from + CHUNK)));
                    for (int i = 0; i < arrays.length; i++) {
                        ps.setArray(i + 1, arrays[i]);
                    }
                    inserted += ps.executeUpdate();
                }
            }
            return inserted;
        });
    }

    /** Inserts the rows whose id and occurrence are new; returns how many were. */
    static int insertIfAbsent(DSLContext dsl, List<VtScheduledRunsRecord> rows) {
        return insertColumnArrays(dsl, RUN_INSERT, RUN_COLUMNS, rows);
    }

    /** The latest fire instant of each schedule that has a run. */
    static Map<ScheduleId, Instant> latestFireAts(DSLContext dsl, List<String> scheduleIds) {
        return onConnection(dsl, c -> {
            Map<ScheduleId, Instant> latest = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(LATEST)) {
                ps.setArray(1, c.createArrayOf("text", scheduleIds.toArray(new String[0])));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDateTime max = rs.getObject(2, LocalDateTime.class);
                        if (max != null) {
                            latest.put(ScheduleId.of(rs.getString(1)), new UtcInstantConverter().from(max));
                        }
                    }
                }
            }
            return latest;
        });
    }

    /** Sets calculate_at of each schedule still at the mark's version; returns how many were. */
    static int markCalculated(DSLContext dsl, List<NextCalculation> marks) {
        return onConnection(dsl, c -> {
            String[] ids = new String[marks.size()];
            Long[] versions = new Long[marks.size()];
            String[] at = new String[marks.size()];
            UtcInstantConverter utc = new UtcInstantConverter();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = marks.get(i).schedule().value();
                versions[i] = marks.get(i).version();
                at[i] = utc.to(marks.get(i).at()).toString();
            }
            try (PreparedStatement ps = c.prepareStatement(MARK)) {
                ps.setArray(1, c.createArrayOf("text", ids));
                ps.setArray(2, c.createArrayOf("bigint", versions));
                ps.setArray(3, c.createArrayOf("text", at));
                return ps.executeUpdate();
            }
        });
    }
}
