package com.grepsr.scheduler.adapters.memory;

import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** An append-only list of history entries; the index in the list is the sequence. */
public final class InMemoryTaskHistoryStore implements TaskHistoryStorePort {

    private final List<TaskHistoryEntry> entries = new ArrayList<>();
    private final InMemoryTransactions tx;

    public InMemoryTaskHistoryStore(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<TaskHistoryEntry> append(List<TaskHistoryEntry> newEntries) {
        return tx.locked(() -> {
            List<TaskHistoryEntry> stored = new ArrayList<>();
            for (TaskHistoryEntry e : newEntries) {
                TaskHistoryEntry s = e.withSequence(entries.size() + 1L);
                tx.write(() -> entries.add(s), () -> entries.remove(entries.size() - 1));
                stored.add(s);
            }
            return stored;
        });
    }

    @Override
    public Optional<TaskHistoryEntry> find(long sequence) {
        return tx.locked(() -> sequence >= 1 && sequence <= entries.size()
                ? Optional.of(entries.get((int) sequence - 1)) : Optional.empty());
    }

    @Override
    public Page<TaskHistoryEntry> listByTask(TaskId task, PageRequest page) {
        return newestFirst(e -> e.taskId().equals(task), page);
    }

    @Override
    public Page<TaskHistoryEntry> listBySchedule(ScheduleId schedule, PageRequest page) {
        return newestFirst(e -> schedule.equals(e.scheduleId()), page);
    }

    private Page<TaskHistoryEntry> newestFirst(Predicate<TaskHistoryEntry> which, PageRequest page) {
        List<TaskHistoryEntry> matching = tx.locked(() -> entries.stream().filter(which).toList());
        return KeysetPages.page(matching.stream(), Comparator.comparingLong(TaskHistoryEntry::sequence).reversed(),
                e -> new String[] {Long.toString(e.sequence())}, 1,
                key -> {
                    long seq = KeysetPages.keyPart(() -> Long.parseLong(key.get(0)));
                    return e -> e.sequence() < seq;
                }, page);
    }


    @Override
    public int deleteOfTasks(Collection<TaskId> tasks) {
        return tx.locked(() -> {
            java.util.Set<TaskId> doomed = java.util.Set.copyOf(tasks);
            List<TaskHistoryEntry> before = List.copyOf(entries);
            List<TaskHistoryEntry> kept = before.stream().filter(e -> !doomed.contains(e.taskId())).toList();
            if (kept.size() == before.size()) {
                return 0;
            }
            tx.write(() -> {
                entries.clear();
                entries.addAll(kept);
            }, () -> {
                entries.clear();
                entries.addAll(before);
            });
            return before.size() - kept.size();
        });
    }
}
