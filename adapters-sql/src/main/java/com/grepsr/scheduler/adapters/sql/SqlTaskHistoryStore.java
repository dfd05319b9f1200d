package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TaskHistoryRecord;
import com.grepsr.scheduler.adapters.sql.vendor.VendorStrategy;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.PageTokens;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.jooq.Condition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.TASK_HISTORY;

/**
 * The append-only {@code task_history}: this store only inserts. Sequence numbers come from the
 * identity column, so they increase in append order across replicas.
 */
public final class SqlTaskHistoryStore implements TaskHistoryStorePort {

    /** Rows per multi-row INSERT: well under every driver's bind-parameter limit. */
    private static final int INSERT_CHUNK = 500;

    /** Task ids per IN list of a retention delete. */
    private static final int DELETE_CHUNK = 500;

    private final SqlTransactions tx;
    private final VendorStrategy vendor;

    SqlTaskHistoryStore(SqlTransactions tx, VendorStrategy vendor) {
        this.tx = tx;
        this.vendor = vendor;
    }

    @Override
    public List<TaskHistoryEntry> append(List<TaskHistoryEntry> entries) {
        // one INSERT … RETURNING per entry: the only generated-key read that every vendor and
        // driver answers with the right key for each row
        return tx.inTransaction(() -> {
            List<TaskHistoryEntry> stored = new ArrayList<>(entries.size());
            for (TaskHistoryEntry e : entries) {
                Long seq = tx.dsl().insertInto(TASK_HISTORY)
                        .set(TASK_HISTORY.TASK_ID, e.taskId().value())
                        .set(TASK_HISTORY.SCHEDULE_ID, e.scheduleId() == null ? null : e.scheduleId().value())
                        .set(TASK_HISTORY.ACCOUNT_ID, e.accountId().value())
                        .set(TASK_HISTORY.STATUS, e.status().name())
                        .set(TASK_HISTORY.PROGRESS, e.progress())
                        .set(TASK_HISTORY.MESSAGE, e.message())
                        .set(TASK_HISTORY.METADATA, TextCodec.encodeMap(e.metadata()))
                        .set(TASK_HISTORY.REPORTED_BY, e.source().name())
                        .set(TASK_HISTORY.ENTRY_AT, e.at())
                        .returningResult(TASK_HISTORY.SEQ)
                        .fetchOne(TASK_HISTORY.SEQ);
                stored.add(e.withSequence(seq));
            }
            return stored;
        });
    }

    /**
     * One multi-row INSERT per chunk ({@link VendorStrategy#appendHistory}): without reading keys
     * back, every vendor takes it, and the identity column numbers the rows in the order they are
     * listed.
     */
    @Override
    public void appendAll(List<TaskHistoryEntry> entries) {
        tx.inTransaction(() -> {
            for (int from = 0; from < entries.size(); from += INSERT_CHUNK) {
                List<TaskHistoryRecord> rows = entries.subList(from, Math.min(entries.size(), from + INSERT_CHUNK))
                        .stream().map(SqlTaskHistoryStore::toRecord).toList();
                vendor.appendHistory(tx.dsl(), rows);
            }
            return null;
        });
    }

    /** The row of a new entry: every column but the sequence, which the identity column assigns. */
    private static TaskHistoryRecord toRecord(TaskHistoryEntry e) {
        TaskHistoryRecord row = new TaskHistoryRecord();
        row.setTaskId(e.taskId().value());
        row.setScheduleId(e.scheduleId() == null ? null : e.scheduleId().value());
        row.setAccountId(e.accountId().value());
        row.setStatus(e.status().name());
        row.setProgress(e.progress());
        row.setMessage(e.message());
        row.setMetadata(TextCodec.encodeMap(e.metadata()));
        row.setReportedBy(e.source().name());
        row.setEntryAt(e.at());
        return row;
    }

    @Override
    public Optional<TaskHistoryEntry> find(long sequence) {
        return tx.dsl().selectFrom(TASK_HISTORY).where(TASK_HISTORY.SEQ.eq(sequence)).fetchOptional()
                .map(SqlTaskHistoryStore::fromRecord);
    }

    @Override
    public Page<TaskHistoryEntry> listByTask(TaskId task, PageRequest page) {
        return newestFirst(TASK_HISTORY.TASK_ID.eq(task.value()), page);
    }

    @Override
    public Page<TaskHistoryEntry> listBySchedule(ScheduleId schedule, PageRequest page) {
        return newestFirst(TASK_HISTORY.SCHEDULE_ID.eq(schedule.value()), page);
    }

    private Page<TaskHistoryEntry> newestFirst(Condition which, PageRequest page) {
        Condition where = which;
        if (!page.isFirst()) {
            where = where.and(TASK_HISTORY.SEQ.lt(Keyset.number(PageTokens.decode(page.token(), 1).get(0))));
        }
        List<TaskHistoryRecord> rows = tx.dsl().selectFrom(TASK_HISTORY).where(where)
                .orderBy(TASK_HISTORY.SEQ.desc()).limit(page.size() + 1).fetch();
        return Keyset.page(rows, page, SqlTaskHistoryStore::fromRecord, r -> new String[] {r.getSeq().toString()});
    }

    private static TaskHistoryEntry fromRecord(TaskHistoryRecord r) {
        return new TaskHistoryEntry(r.getSeq(), TaskId.of(r.getTaskId()),
                r.getScheduleId() == null ? null : ScheduleId.of(r.getScheduleId()), AccountId.of(r.getAccountId()),
                TaskStatus.valueOf(r.getStatus()), r.getProgress(), r.getMessage(), TextCodec.decodeMap(r.getMetadata()),
                TaskHistoryEntry.Source.valueOf(r.getReportedBy()), r.getEntryAt());
    }

    @Override
    public int deleteOfTasks(Collection<TaskId> tasks) {
        List<String> ids = tasks.stream().map(TaskId::value).distinct().toList();
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
            deleted += tx.dsl().deleteFrom(TASK_HISTORY)
                    .where(TASK_HISTORY.TASK_ID.in(ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK))))
                    .execute();
        }
        return deleted;
    }
}
