package com.grepsr.scheduler.adapters.sql.vendor;

import com.grepsr.scheduler.adapters.sql.SqlErrors;
import com.grepsr.scheduler.adapters.sql.UtcInstantConverter;
import com.grepsr.scheduler.adapters.sql.jooq.tables.records.VtScheduledRunsRecord;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort.NextCalculation;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import org.jooq.ConnectionCallable;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The calculator's bulk writes on PostgreSQL: each column travels as one array parameter and
 * {@code unnest} turns the arrays back into rows, so thousands of runs are one short statement
 * with 14 parameters, and a page of schedules' calculation marks one UPDATE. jOOQ's multi-row VALUES needs 14 bind values per row: rendering, binding and
 * parsing those cost more than writing the rows (measured: issue 9's horizon fill). Instants go
 * as ISO text cut to microseconds, exactly as {@link UtcInstantConverter} writes them. The
 * processor's task and history inserts use the same idea through {@link #insertColumnArrays}.
 */
final class PostgresBulkWrites {

    /** Rows per statement: large enough that round trips vanish, small enough to stay cheap in memory. */
    static final int CHUNK = 5_000;

    private static final String INSERT = "INSERT INTO vt_scheduled_runs (id, schedule_id, report_id, project_id,"
            + " account_id, service_code, fire_at, status, task_id, miss_cause, created_at, settled_at, claimed_by,"
            + " claimed_until) SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::varchar[], ?::varchar[], ?::text[]::timestamp[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::text[]::timestamp[], ?::text[]::timestamp[], ?::varchar[], ?::text[]::timestamp[])"
            + " ON CONFLICT DO NOTHING";

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

    /** Runs {@code insert} (a {@link PostgresColumnArrays#insert}) over {@code rows}; returns how many it inserted. */
    static int insertColumnArrays(DSLContext dsl, String insert, List<Field<?>> columns, List<? extends Record> rows) {
        return onConnection(dsl, c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                Array[] arrays = PostgresColumnArrays.columns(c, columns, rows);
                for (int i = 0; i < arrays.length; i++) {
                    ps.setArray(i + 1, arrays[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Runs {@code insert} (a {@link PostgresColumnArrays#insert} ending in {@code RETURNING id})
     * over {@code rows}; returns the ids it inserted.
     */
    static Set<String> insertColumnArraysReturningIds(DSLContext dsl, String insert, List<Field<?>> columns,
            List<? extends Record> rows) {
        return onConnection(dsl, c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                Array[] arrays = PostgresColumnArrays.columns(c, columns, rows);
                for (int i = 0; i < arrays.length; i++) {
                    ps.setArray(i + 1, arrays[i]);
                }
                Set<String> ids = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * Inserts the rows whose id and occurrence are new; returns how many were. Written out rather
     * than through {@link PostgresColumnArrays#insert}: typed arrays and no ordering keep the
     * horizon fill at 0.51 of COPY; the generic insert (a cast per value, rows ordered for
     * identity columns) measured 0.43 on the same machine.
     */
    static int insertIfAbsent(DSLContext dsl, List<VtScheduledRunsRecord> rows) {
        return onConnection(dsl, c -> {
            int inserted = 0;
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int from = 0; from < rows.size(); from += CHUNK) {
                    inserted += insertChunk(c, ps, rows.subList(from, Math.min(rows.size(), from + CHUNK)));
                }
            }
            return inserted;
        });
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

    private static int insertChunk(Connection c, PreparedStatement ps, List<VtScheduledRunsRecord> rows)
            throws SQLException {
        int p = 1;
        ps.setArray(p++, text(c, rows, VtScheduledRunsRecord::getId));
        ps.setArray(p++, text(c, rows, VtScheduledRunsRecord::getScheduleId));
        ps.setArray(p++, text(c, rows, VtScheduledRunsRecord::getReportId));
        ps.setArray(p++, text(c, rows, VtScheduledRunsRecord::getProjectId));
        ps.setArray(p++, text(c, rows, VtScheduledRunsRecord::getAccountId));
        ps.setArray(p++, text(c, rows, VtScheduledRunsRecord::getServiceCode));
        ps.setArray(p++, instants(c, rows, VtScheduledRunsRecord::getFireAt));
        ps.setArray(p++, text(c, rows, VtScheduledRunsRecord::getStatus));
        ps.setArray(p++, text(c, rows, VtScheduledRunsRecord::getTaskId));
        ps.setArray(p++, text(c, rows, VtScheduledRunsRecord::getMissCause));
        ps.setArray(p++, instants(c, rows, VtScheduledRunsRecord::getCreatedAt));
        ps.setArray(p++, instants(c, rows, VtScheduledRunsRecord::getSettledAt));
        ps.setArray(p++, text(c, rows, VtScheduledRunsRecord::getClaimedBy));
        ps.setArray(p, instants(c, rows, VtScheduledRunsRecord::getClaimedUntil));
        return ps.executeUpdate();
    }

    private static Array text(Connection c, List<VtScheduledRunsRecord> rows,
                              Function<VtScheduledRunsRecord, String> column) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return c.createArrayOf("text", values);
    }

    private static Array instants(Connection c, List<VtScheduledRunsRecord> rows,
                                  Function<VtScheduledRunsRecord, Instant> column) throws SQLException {
        UtcInstantConverter utc = new UtcInstantConverter();
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Instant t = column.apply(rows.get(i));
            values[i] = t == null ? null : utc.to(t).toString();
        }
        return c.createArrayOf("text", values);
    }
}
