package com.grepsr.scheduler.adapters.sql;

import com.grepsr.scheduler.adapters.sql.jooq.tables.records.TaskQueueItemsRecord;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.domain.task.TaskId;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;

import static com.grepsr.scheduler.adapters.sql.jooq.Tables.TASK_QUEUES;
import static com.grepsr.scheduler.adapters.sql.jooq.Tables.TASK_QUEUE_ITEMS;

/**
 * Work items in {@code task_queue_items}. Positions come from the parent's {@code task_queues}
 * row, locked while enqueuing, so they keep increasing even after items were taken or cleared.
 * Taking locks the oldest items with SKIP LOCKED and deletes them in the same transaction: each
 * item goes to exactly one taker.
 */
public final class SqlTaskQueue implements TaskQueuePort {

    private final SqlTransactions tx;

    SqlTaskQueue(SqlTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<WorkItem> enqueue(TaskId parent, List<String> payloads) {
        if (payloads.isEmpty()) {
            return List.of();
        }
        return tx.inTransaction(() -> {
            DSLContext dsl = tx.dsl();
            dsl.insertInto(TASK_QUEUES).set(TASK_QUEUES.PARENT_ID, parent.value()).set(TASK_QUEUES.NEXT_POSITION, 0L)
                    .onConflictDoNothing().execute();
            long next = dsl.select(TASK_QUEUES.NEXT_POSITION).from(TASK_QUEUES)
                    .where(TASK_QUEUES.PARENT_ID.eq(parent.value())).forUpdate().fetchSingle().value1();
            List<WorkItem> items = new ArrayList<>(payloads.size());
            List<TaskQueueItemsRecord> rows = new ArrayList<>(payloads.size());
            for (String payload : payloads) {
                WorkItem item = new WorkItem(parent, next + items.size(), payload);
                items.add(item);
                rows.add(new TaskQueueItemsRecord(parent.value(), item.position(), payload));
            }
            dsl.insertInto(TASK_QUEUE_ITEMS).columns(TASK_QUEUE_ITEMS.fields()).valuesOfRecords(rows).execute();
            dsl.update(TASK_QUEUES).set(TASK_QUEUES.NEXT_POSITION, next + items.size())
                    .where(TASK_QUEUES.PARENT_ID.eq(parent.value())).execute();
            return items;
        });
    }

    @Override
    public List<WorkItem> take(TaskId parent, int max) {
        if (max <= 0) {
            return List.of();
        }
        return tx.oneAtATimeOnH2(() -> {
            DSLContext dsl = tx.dsl();
            // ORDER BY the primary key's own order: no filesort, so MariaDB's SKIP LOCKED skips
            List<TaskQueueItemsRecord> rows = dsl.selectFrom(TASK_QUEUE_ITEMS)
                    .where(TASK_QUEUE_ITEMS.PARENT_ID.eq(parent.value()))
                    .orderBy(TASK_QUEUE_ITEMS.ITEM_POSITION.asc()).limit(max)
                    .forUpdate().skipLocked().fetch();
            if (rows.isEmpty()) {
                return List.of();
            }
            dsl.deleteFrom(TASK_QUEUE_ITEMS).where(TASK_QUEUE_ITEMS.PARENT_ID.eq(parent.value()))
                    .and(TASK_QUEUE_ITEMS.ITEM_POSITION.in(rows.stream().map(TaskQueueItemsRecord::getItemPosition).toList()))
                    .execute();
            return rows.stream().map(r -> new WorkItem(parent, r.getItemPosition(), r.getPayload())).toList();
        });
    }

    @Override
    public long pending(TaskId parent) {
        return tx.dsl().fetchCount(TASK_QUEUE_ITEMS, TASK_QUEUE_ITEMS.PARENT_ID.eq(parent.value()));
    }

    @Override
    public long clear(TaskId parent) {
        return tx.dsl().deleteFrom(TASK_QUEUE_ITEMS).where(TASK_QUEUE_ITEMS.PARENT_ID.eq(parent.value())).execute();
    }
}
