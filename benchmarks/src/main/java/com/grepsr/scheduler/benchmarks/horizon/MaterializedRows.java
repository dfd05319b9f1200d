package com.grepsr.scheduler.benchmarks.horizon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows the calculator wrote, read back into compact arrays so that the raw baselines insert
 * exactly the same rows (same ids, values, sizes) without holding a million row objects.
 * Repeated strings (a schedule's report columns) are shared.
 */
final class MaterializedRows {

    static final String COLUMNS = "id, schedule_id, report_id, project_id, account_id, service_code, fire_at, status,"
            + " created_at";

    final int size;
    final String[] id;
    final String[] scheduleId;
    final String[] reportId;
    final String[] projectId;
    final String[] accountId;
    final String[] serviceCode;
    final long[] fireAtMicros;
    final String[] status;
    final long[] createdAtMicros;

    private MaterializedRows(int size) {
        this.size = size;
        id = new String[size];
        scheduleId = new String[size];
        reportId = new String[size];
        projectId = new String[size];
        accountId = new String[size];
        serviceCode = new String[size];
        fireAtMicros = new long[size];
        status = new String[size];
        createdAtMicros = new long[size];
    }

    static MaterializedRows readAll(Connection c) throws SQLException {
        int count;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM vt_scheduled_runs");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            count = rs.getInt(1);
        }
        MaterializedRows rows = new MaterializedRows(count);
        Map<String, String> shared = new HashMap<>();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM vt_scheduled_runs")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                int i = 0;
                while (rs.next() && i < count) {
                    rows.id[i] = rs.getString(1);
                    rows.scheduleId[i] = shared.computeIfAbsent(rs.getString(2), s -> s);
                    rows.reportId[i] = shared.computeIfAbsent(rs.getString(3), s -> s);
                    rows.projectId[i] = shared.computeIfAbsent(rs.getString(4), s -> s);
                    rows.accountId[i] = shared.computeIfAbsent(rs.getString(5), s -> s);
                    rows.serviceCode[i] = shared.computeIfAbsent(rs.getString(6), s -> s);
                    rows.fireAtMicros[i] = micros(rs.getObject(7, LocalDateTime.class));
                    rows.status[i] = shared.computeIfAbsent(rs.getString(8), s -> s);
                    rows.createdAtMicros[i] = micros(rs.getObject(9, LocalDateTime.class));
                    i++;
                }
            }
        } finally {
            c.commit();
            c.setAutoCommit(auto);
        }
        return rows;
    }

    static long micros(LocalDateTime utc) {
        return utc.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + utc.getNano() / 1_000;
    }

    static LocalDateTime utc(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1_000, ZoneOffset.UTC);
    }
}
