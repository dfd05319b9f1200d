package com.grepsr.scheduler.benchmarks.horizon;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The physical limit the calculator is compared with: the same rows into the same table (same
 * columns, indexes and constraints) by plain JDBC, with no domain work, ids or recurrence math.
 * Two ways, both on one connection: batched INSERTs (the driver rewrites them into multi-row
 * statements with {@code reWriteBatchedInserts=true}) and COPY.
 */
final class RawInserts {

    /** Rows per JDBC batch, and per transaction for the batched inserts. */
    static final int BATCH = 1_000;
    static final int COMMIT_EVERY = 10_000;
    /** Rows per chunk of COPY text sent to the server. */
    private static final int COPY_CHUNK = 10_000;

    private RawInserts() {
    }

    /** Batched INSERTs; the connection must have been opened with {@code reWriteBatchedInserts=true}. */
    static void batched(Connection c, MaterializedRows rows) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vt_scheduled_runs (" + MaterializedRows.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.size; i++) {
                ps.setString(1, rows.id[i]);
                ps.setString(2, rows.scheduleId[i]);
                ps.setString(3, rows.reportId[i]);
                ps.setString(4, rows.projectId[i]);
                ps.setString(5, rows.accountId[i]);
                ps.setString(6, rows.serviceCode[i]);
                ps.setObject(7, MaterializedRows.utc(rows.fireAtMicros[i]));
                ps.setString(8, rows.status[i]);
                ps.setObject(9, MaterializedRows.utc(rows.createdAtMicros[i]));
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
                if ((i + 1) % COMMIT_EVERY == 0) {
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** One COPY … FROM STDIN in text format, streamed in chunks. */
    static void copy(Connection c, MaterializedRows rows) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY vt_scheduled_runs (" + MaterializedRows.COLUMNS + ") FROM STDIN");
        try {
            StringBuilder text = new StringBuilder(COPY_CHUNK * 200);
            for (int i = 0; i < rows.size; i++) {
                text.append(rows.id[i]).append('\t').append(rows.scheduleId[i]).append('\t')
                        .append(rows.reportId[i]).append('\t').append(rows.projectId[i]).append('\t')
                        .append(rows.accountId[i]).append('\t').append(rows.serviceCode[i]).append('\t')
                        .append(MaterializedRows.utc(rows.fireAtMicros[i])).append('\t')
                        .append(rows.status[i]).append('\t')
                        .append(MaterializedRows.utc(rows.createdAtMicros[i])).append('\n');
                if ((i + 1) % COPY_CHUNK == 0 || i == rows.size - 1) {
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    text.setLength(0);
                }
            }
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}
