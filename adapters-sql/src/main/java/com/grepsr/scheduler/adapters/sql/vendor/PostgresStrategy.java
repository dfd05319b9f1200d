package com.grepsr.scheduler.adapters.sql.vendor;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TaskHistoryRecord;
import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TasksRecord;
import com.grepsr.scheduler.adapters.sql.jooq.tables.records.VtScheduledRunsRecord;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort.NextCalculation;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL: SKIP LOCKED skips exactly the rows others locked, and every bulk write sends each
 * column as one array that {@code unnest} turns back into rows ({@link PostgresBulkWrites},
 * {@link PostgresColumnArrays}, {@link PostgresTaskUpdates}): one short statement instead of
 * jOOQ's parameter per cell.
 */
final class PostgresStrategy extends PortableStrategy {

    private static final String INSERT_TASKS = PostgresColumnArrays.insert("tasks", BulkColumns.TASK_INSERTED,
            "ON CONFLICT DO NOTHING RETURNING id");
    private static final String APPEND_HISTORY = PostgresColumnArrays.insert("task_history",
            BulkColumns.HISTORY_APPENDED, "");

    @Override
    public boolean serializesSkipLockedReads() {
        return false;
    }

    @Override
    public boolean castsTimestampParameters() {
        return false;
    }

    @Override
    public boolean insertsManyTasksAtOnce() {
        return true;
    }

    /**
     * ON CONFLICT DO NOTHING RETURNING id: the same one statement whether or not an id is taken
     * (a duplicate-key error would abort the caller's whole transaction, so no reading after it),
     * and the ids it returns are the ones it inserted, so the taken ones are the rest. Reading
     * afterwards cannot tell them apart (this statement's rows are there too), and reading before
     * would cost every dispatch a statement.
     */
    @Override
    public List<String> insertTasksFindingTaken(DSLContext dsl, List<TasksRecord> rows) {
        Set<String> inserted = PostgresBulkWrites.insertColumnArraysReturningIds(dsl, INSERT_TASKS,
                BulkColumns.TASK_INSERTED, rows);
        if (inserted.size() == rows.size()) {
            return List.of();
        }
        return rows.stream().map(TasksRecord::getId).filter(id -> !inserted.contains(id)).toList();
    }

    @Override
    public boolean updateTasksAtVersions(DSLContext dsl, List<TasksRecord> rows, long[] expectedVersions) {
        return PostgresTaskUpdates.apply(dsl, rows, expectedVersions) >= rows.size();
    }

    @Override
    public void appendHistory(DSLContext dsl, List<TaskHistoryRecord> rows) {
        PostgresBulkWrites.insertColumnArrays(dsl, APPEND_HISTORY, BulkColumns.HISTORY_APPENDED, rows);
    }

    @Override
    public int insertRunsIfAbsent(DSLContext dsl, List<VtScheduledRunsRecord> rows) {
        return PostgresBulkWrites.insertIfAbsent(dsl, rows);
    }

    @Override
    public Map<ScheduleId, Instant> latestFireAts(DSLContext dsl, List<String> scheduleIds) {
        return PostgresBulkWrites.latestFireAts(dsl, scheduleIds);
    }

    @Override
    public int markCalculated(DSLContext dsl, List<NextCalculation> marks) {
        return PostgresBulkWrites.markCalculated(dsl, marks);
    }
}
