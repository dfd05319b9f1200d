package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes task changes together with their history rows, each in one transaction, so a status
 * never changes without the history line that explains it.
 */
final class TaskTransitions {

    /** Optimistic writes retried this often before the loser gives up (another writer keeps winning). */
    private static final int ATTEMPTS = 3;

    private final TaskStorePort tasks;
    private final TaskHistoryStorePort history;
    private final TransactionPort tx;
    private final Clock clock;

    TaskTransitions(TaskStorePort tasks, TaskHistoryStorePort history, TransactionPort tx, Clock clock) {
        this.tasks = tasks;
        this.history = history;
        this.tx = tx;
        this.clock = clock;
    }

    /** Stores new tasks and their first history rows: all of them or none. */
    void insert(List<Task> created, Source source, Map<String, String> metadata) {
        insert(created, source, t -> metadata);
    }

    /** {@link #insert}, each task's first history row with its own metadata. */
    void insert(List<Task> created, Source source, Function<Task, Map<String, String>> metadataOf) {
        tx.run(() -> {
            tasks.insertAll(created);
            history.appendAll(created.stream()
                    .map(t -> TaskHistoryEntry.of(t, metadataOf.apply(t), source, t.createdAt())).toList());
        });
    }

    /**
     * Applies every change (each computed from the task as given, which the caller read) and
     * records them, in one transaction: all of them, or, when any task changed meanwhile, none
     * (a {@link VersionConflictException}; the caller then retries one by one with {@link #change}).
     */
    List<Task> changeAll(List<Task> read, Function<Task, Task> change, Source source,
                         Function<Task, Map<String, String>> metadataOf) {
        return tx.inTransaction(() -> {
            List<Task> changed = new ArrayList<>(read.size());
            List<TaskStorePort.Update> updates = new ArrayList<>(read.size());
            List<TaskHistoryEntry> entries = new ArrayList<>(read.size());
            for (Task current : read) {
                Task next = change.apply(current);
                updates.add(new TaskStorePort.Update(next, current.version()));
                changed.add(next);
                if (next.status() != current.status()) {
                    entries.add(TaskHistoryEntry.of(next, metadataOf.apply(next), source, clock.instant()));
                }
            }
            tasks.updateAll(updates);
            history.appendAll(entries);
            return changed;
        });
    }

    /**
     * Applies {@code change} to the stored task (read afresh in the transaction) and records it.
     * {@code change} answers empty when there is nothing to do in the state it finds, which makes
     * the call safe to repeat. A lost optimistic race is retried on a fresh read.
     *
     * @return the stored task after the call, changed or not
     */
    Task change(TaskId id, Function<Task, Optional<Task>> change, Source source, Map<String, String> metadata) {
        return attempt(id, change, source, metadata).task();
    }

    /** What {@link #attempt} did: the task as stored afterwards, and whether this call changed it. */
    record Outcome(Task task, boolean changed) {
    }

    /** {@link #change}, telling also whether this call made the change. */
    Outcome attempt(TaskId id, Function<Task, Optional<Task>> change, Source source, Map<String, String> metadata) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.inTransaction(() -> {
                    Task current = tasks.find(id).orElseThrow(() -> new NotFoundException("task", id.value()));
                    Optional<Task> next = change.apply(current);
                    if (next.isEmpty()) {
                        return new Outcome(current, false);
                    }
                    tasks.update(next.get(), current.version());
                    if (next.get().status() != current.status()) {
                        history.append(List.of(TaskHistoryEntry.of(next.get(), metadata, source, clock.instant())));
                    }
                    return new Outcome(next.get(), true);
                });
            } catch (VersionConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    Optional<Task> find(TaskId id) {
        return tasks.find(id);
    }

    List<Task> findAll(java.util.Collection<TaskId> ids) {
        return tasks.findAll(ids);
    }
}
