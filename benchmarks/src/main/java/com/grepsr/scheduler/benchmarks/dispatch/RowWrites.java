package com.grepsr.scheduler.benchmarks.dispatch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows written, by PostgreSQL's own counters: {@code n_tup_ins + n_tup_upd + n_tup_del} of every
 * user table of the benchmark's database ({@code pg_stat_user_tables}). Only one side runs at a
 * time, so the difference across a measurement is that side's writes.
 *
 * <p>PostgreSQL 15 keeps a backend's counts in the backend until it flushes them (at most once a
 * second, when idle or at exit), so a snapshot is taken only once no other client session is
 * connected to the database: a backend flushes its counts before it leaves {@code pg_stat_activity}.
 * The reading session clears its own stats snapshot first, so it sees the shared counts as they are.
 */
final class RowWrites {

    /** What a measurement wrote: rows per table, and their sum. */
    record Delta(Map<String, Long> byTable) {
        long total() {
            return byTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final long QUIET_TIMEOUT_MILLIS = 30_000;

    private RowWrites() {
    }

    /** The counters now, per table, after every other session of the database has ended. */
    static Map<String, Long> snapshot(BenchDatabase db) throws SQLException, InterruptedException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            awaitNoOtherSessions(db, c);
            s.execute("SELECT pg_stat_clear_snapshot()");
            Map<String, Long> rows = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables")) {
                while (rs.next()) {
                    rows.merge(rs.getString(1), rs.getLong(2), Long::sum);
                }
            }
            return rows;
        }
    }

    /** The rows written between two snapshots (a table created in between counts from zero). */
    static Delta between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((table, count) -> {
            long d = count - before.getOrDefault(table, 0L);
            if (d != 0) {
                delta.put(table, d);
            }
        });
        return new Delta(delta);
    }

    private static void awaitNoOtherSessions(BenchDatabase db, Connection c) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + QUIET_TIMEOUT_MILLIS;
        String others = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'";
        while (db.count(c, others) > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("other sessions still connected to the benchmark database after "
                        + QUIET_TIMEOUT_MILLIS + " ms: their row counts would be missing");
            }
            Thread.sleep(20);
        }
    }
}
