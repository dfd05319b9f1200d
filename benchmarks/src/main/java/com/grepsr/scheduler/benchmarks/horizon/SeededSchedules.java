package com.grepsr.scheduler.benchmarks.horizon;

import com.grepsr.scheduler.adapters.sql.SqlAdapters;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** The benchmarks' 100,000 schedules on PostgreSQL: the horizon fill's, and the dashboard's render benchmark's. */
public final class SeededSchedules {

    private static final int SEED_TX = 1_000;
    /** Schedules seeded through the store port; the rest copy their timings. */
    private static final int DISTINCT = 5_000;

    private SeededSchedules() {
    }

    /**
     * N ACTIVE schedules, unless the database holds them already: the first {@link #DISTINCT}
     * through the store port (each its own timing from the mix), the rest as copies of those in
     * SQL with their own ids, report, project and account. One insert per schedule through the
     * port took longer than the whole fill; the benchmark measures the calculator, not creation.
     */
    public static void seed(SqlAdapters sql, DataSource pool, int scheduleCount, Instant createdAt)
            throws SQLException {
        if (scalar(pool, "SELECT count(*) FROM vt_extractor_schedule WHERE status = 'ACTIVE'") == scheduleCount) {
            System.out.printf("seed: %d ACTIVE schedules already there%n", scheduleCount);
            return;
        }
        execute(pool, "TRUNCATE vt_scheduled_runs", "TRUNCATE vt_extractor_schedule");
        long t0 = System.nanoTime();
        int distinct = Math.min(DISTINCT, scheduleCount);
        for (int from = 0; from < distinct; from += SEED_TX) {
            int start = from;
            sql.transactions().run(() -> {
                for (int i = start; i < Math.min(distinct, start + SEED_TX); i++) {
                    sql.schedules().insert(ScheduleMix.schedule(i, createdAt));
                }
            });
        }
        if (scheduleCount > distinct) {
            // copy k of schedule i is schedule k * DISTINCT + i, named as ScheduleMix names it
            execute(pool, "INSERT INTO vt_extractor_schedule SELECT 'bench-' || lpad((k * " + distinct + " + n)::text, 6, '0'),"
                    + " 'bench ' || lpad((k * " + distinct + " + n)::text, 6, '0'),"
                    + " 'report-' || lpad((k * " + distinct + " + n)::text, 6, '0'),"
                    + " 'project-' || ((k * " + distinct + " + n) % 5000), 'account-' || ((k * " + distinct
                    + " + n) % 1000), service_code, status, paused_until, recurrence_kind, recurrence_expression,"
                    + " zone_id, start_local, end_local, max_runs, excluded_dates, dst_gap, dst_overlap,"
                    + " skipped_occurrences, parameters, misfire_kind, misfire_window_ns, overlap_policy,"
                    + " task_timeout_ns, version, created_at, updated_at, calculate_at"
                    + " FROM (SELECT *, substring(id from 7)::int AS n FROM vt_extractor_schedule) s,"
                    + " generate_series(1, " + ((scheduleCount - 1) / distinct) + ") k"
                    + " WHERE k * " + distinct + " + n < " + scheduleCount);
        }
        execute(pool, "VACUUM ANALYZE vt_extractor_schedule");
        System.out.printf("seed: %d schedules (%d distinct timings through the port) in %.1f s%n", scheduleCount,
                distinct, (System.nanoTime() - t0) / 1e9);
    }

    private static void execute(DataSource pool, String... statements) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String sqlText : statements) {
                s.execute(sqlText);
            }
        }
    }

    private static long scalar(DataSource pool, String query) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
