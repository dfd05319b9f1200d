package com.grepsr.scheduler.adapters.sql.vendor;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TaskHistoryRecord;
import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TasksRecord;
import com.grepsr.scheduler.adapters.sql.jooq.tables.records.VtScheduledRunsRecord;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort.NextCalculation;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.TASKS;
import static com.grepsr.scheduler.adapters.sql.jooq.Tables.TASK_HISTORY;
import static com.grepsr.scheduler.adapters.sql.jooq.Tables.VT_EXTRACTOR_SCHEDULE;
import static com.grepsr.scheduler.adapters.sql.jooq.Tables.VT_SCHEDULED_RUNS;

/**
 * The bulk writes in statements jOOQ renders for every dialect: multi-row INSERTs with its
 * spelling of ON CONFLICT DO NOTHING, and JDBC batches of one prepared UPDATE (the driver sends
 * a batch at once). A database's strategy overrides what it does better or cannot do this way.
 */
abstract class PortableStrategy implements VendorStrategy {

    /** Rows or ids per statement: far below every vendor's bind-variable limit. */
    static final int CHUNK = 500;

    /**
     * A plain multi-row INSERT, no ON CONFLICT: on the databases this serves (MySQL 8, MariaDB;
     * H2 would too) a failed statement is undone on its own and the transaction lives on (InnoDB:
     * "a duplicate-key error rolls back the SQL statement"). So after a duplicate key none of the
     * rows is there, and one read of the ids finds exactly those stored before, which the error
     * names. Why not the alternatives: MySQL 8 has no INSERT … RETURNING (MariaDB has), and
     * INSERT IGNORE keeps the free rows, leaving the taken ones indistinguishable from them
     * afterwards; reading before inserting would cost every successful insert a statement. Here
     * the success path is the one INSERT, the failure path one read more.
     */
    @Override
    public List<String> insertTasksFindingTaken(DSLContext dsl, List<TasksRecord> rows) {
        try {
            dsl.insertInto(TASKS).columns(TASKS.fields()).valuesOfRecords(rows).execute();
            return List.of();
        } catch (DataAccessException e) {
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw e;
            }
            List<String> ids = rows.stream().map(TasksRecord::getId).toList();
            // READ COMMITTED (SqlAdapters): sees a row another transaction committed meanwhile too
            Set<String> stored = new HashSet<>(dsl.select(TASKS.ID).from(TASKS).where(TASKS.ID.in(ids)).fetch(TASKS.ID));
            List<String> taken = ids.stream().filter(stored::contains).toList();
            if (taken.isEmpty()) {
                throw e; // another constraint than the id's: not ours to explain
            }
            return taken;
        }
    }

    @Override
    public boolean updateTasksAtVersions(DSLContext dsl, List<TasksRecord> rows, long[] expectedVersions) {
        List<Field<?>> columns = BulkColumns.TASK_UPDATED;
        Map<Field<?>, Field<?>> assignments = new LinkedHashMap<>();
        columns.forEach(f -> assignments.put(f, DSL.param("c_" + f.getName(), f)));
        BatchBindStep batch = dsl.batch(dsl.update(TASKS).set(assignments).where(TASKS.ID.eq(DSL.param("k_where_id", TASKS.ID)))
                .and(TASKS.VERSION.eq(DSL.param("k_expected", TASKS.VERSION))));
        for (int i = 0; i < rows.size(); i++) {
            TasksRecord row = rows.get(i);
            Map<String, Object> values = new HashMap<>();
            columns.forEach(f -> values.put("c_" + f.getName(), row.get(f)));
            values.put("k_where_id", row.getId());
            values.put("k_expected", expectedVersions[i]);
            batch = batch.bind(values);
        }
        return Arrays.stream(batch.execute()).noneMatch(count -> count == 0);
    }

    @Override
    public void appendHistory(DSLContext dsl, List<TaskHistoryRecord> rows) {
        List<Field<?>> columns = BulkColumns.HISTORY_APPENDED;
        var insert = dsl.insertInto(TASK_HISTORY).columns(columns);
        for (TaskHistoryRecord row : rows) {
            insert = insert.values(columns.stream().map(row::get).toList());
        }
        insert.execute();
    }

    @Override
    public int insertRunsIfAbsent(DSLContext dsl, List<VtScheduledRunsRecord> rows) {
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<VtScheduledRunsRecord> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            // values row by row: valuesOfRecords maps each record through a per-transaction cache
            // that dominated the calculator's profile
            InsertValuesStepN<VtScheduledRunsRecord> insert = dsl.insertInto(VT_SCHEDULED_RUNS)
                    .columns(VT_SCHEDULED_RUNS.fields());
            for (VtScheduledRunsRecord row : chunk) {
                Object[] values = new Object[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                insert = insert.values(values);
            }
            inserted += insert.onConflictDoNothing().execute();
        }
        return inserted;
    }

    @Override
    public Map<ScheduleId, Instant> latestFireAts(DSLContext dsl, List<String> scheduleIds) {
        Map<ScheduleId, Instant> latest = new HashMap<>();
        for (int from = 0; from < scheduleIds.size(); from += CHUNK) {
            // one grouped query per chunk, each group read off the (schedule_id, fire_at) unique index
            dsl.select(VT_SCHEDULED_RUNS.SCHEDULE_ID, DSL.max(VT_SCHEDULED_RUNS.FIRE_AT))
                    .from(VT_SCHEDULED_RUNS)
                    .where(VT_SCHEDULED_RUNS.SCHEDULE_ID.in(scheduleIds.subList(from, Math.min(scheduleIds.size(), from + CHUNK))))
                    .groupBy(VT_SCHEDULED_RUNS.SCHEDULE_ID)
                    .fetch()
                    .forEach(r -> latest.put(ScheduleId.of(r.value1()), r.value2()));
        }
        return latest;
    }

    @Override
    public int markCalculated(DSLContext dsl, List<NextCalculation> marks) {
        // one prepared statement, all marks bound in one JDBC batch: one round trip, not one each
        BatchBindStep batch = dsl.batch(dsl.update(VT_EXTRACTOR_SCHEDULE)
                .set(VT_EXTRACTOR_SCHEDULE.CALCULATE_AT, (Instant) null)
                .where(VT_EXTRACTOR_SCHEDULE.ID.eq((String) null))
                .and(VT_EXTRACTOR_SCHEDULE.VERSION.eq((Long) null)));
        for (NextCalculation m : marks) {
            batch = batch.bind(m.at(), m.schedule().value(), m.version());
        }
        int recorded = 0;
        for (int n : batch.execute()) {
            // a driver may answer SUCCESS_NO_INFO (-2) for a batched row: it did run
            recorded += n == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, n);
        }
        return recorded;
    }
}
