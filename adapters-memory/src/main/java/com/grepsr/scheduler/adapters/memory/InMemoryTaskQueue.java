package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A FIFO per parent task. */
public final class InMemoryTaskQueue implements TaskQueuePort {

    private final Map<TaskId, Deque<WorkItem>> queues = new HashMap<>();
    private final Map<TaskId, Long> nextPosition = new HashMap<>();
    private final InMemoryTransactions tx;

    public InMemoryTaskQueue(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<WorkItem> enqueue(TaskId parent, List<String> payloads) {
        return tx.locked(() -> {
            List<WorkItem> added = new ArrayList<>();
            for (String p : payloads) {
                long pos = nextPosition.getOrDefault(parent, 0L);
                WorkItem item = new WorkItem(parent, pos, p);
                tx.write(() -> {
                    queues.computeIfAbsent(parent, k -> new ArrayDeque<>()).addLast(item);
                    nextPosition.put(parent, pos + 1);
                }, () -> {
                    queues.get(parent).removeLast();
                    nextPosition.put(parent, pos);
                });
                added.add(item);
            }
            return added;
        });
    }

    @Override
    public List<WorkItem> take(TaskId parent, int max) {
        return tx.locked(() -> {
            Deque<WorkItem> q = queues.getOrDefault(parent, new ArrayDeque<>());
            List<WorkItem> taken = new ArrayList<>();
            while (taken.size() < max && !q.isEmpty()) {
                WorkItem item = q.peekFirst();
                tx.write(q::removeFirst, () -> q.addFirst(item));
                taken.add(item);
            }
            return taken;
        });
    }

    @Override
    public long pending(TaskId parent) {
        return tx.locked(() -> (long) queues.getOrDefault(parent, new ArrayDeque<>()).size());
    }

    @Override
    public long clear(TaskId parent) {
        return tx.locked(() -> {
            Deque<WorkItem> q = queues.get(parent);
            if (q == null || q.isEmpty()) {
                return 0L;
            }
            List<WorkItem> removed = new ArrayList<>(q);
            tx.write(q::clear, () -> q.addAll(removed));
            return (long) removed.size();
        });
    }
}
