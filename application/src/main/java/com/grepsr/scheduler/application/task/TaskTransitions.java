package com.grepsr.scheduler.application.task;

import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;

import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place a task is written after it is created: every change is stored under optimistic
 * concurrency together with the history line that explains it, in one transaction, so a status
 * never changes without its trace. Crawler reports, the launcher's observations, stops, bulk
 * transitions and multi-process parents all go through here.
 *
 * <p>A lost version race is retried on a fresh read, up to {@value #ATTEMPTS} attempts in all:
 * reports about one task arrive from several places (crawler, launcher watch, admins), and a
 * retry almost always wins. Losing every attempt surfaces as {@link VersionConflictException}.
 */
public final class TaskTransitions {

    /** Optimistic writes tried this often before the loser gives up (another writer keeps winning). */
    static final int ATTEMPTS = 3;

    /** A task after a recorded report, and the history entry written for it. */
    public record Recorded(Task task, TaskHistoryEntry entry) {
    }

    private final TaskStorePort tasks;
    private final TaskHistoryStorePort history;
    private final TransactionPort tx;
    private final Clock clock;

    public TaskTransitions(TaskStorePort tasks, TaskHistoryStorePort history, TransactionPort tx, Clock clock) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.history = Objects.requireNonNull(history, "history");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores new tasks and their first history rows: all of them or none. */
    public void insert(List<Task> created, Source source, Map<String, String> metadata) {
        insert(created, source, t -> metadata);
    }

    /** {@link #insert}, each task's first history row with its own metadata. */
    public void insert(List<Task> created, Source source, Function<Task, Map<String, String>> metadataOf) {
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
    public List<Task> changeAll(List<Task> read, Function<Task, Task> change, Source source,
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
    public Task change(TaskId id, Function<Task, Optional<Task>> change, Source source, Map<String, String> metadata) {
        return attempt(id, change, source, metadata).task();
    }

    /** What {@link #attempt} did: the task as stored afterwards, and whether this call changed it. */
    public record Outcome(Task task, boolean changed) {
    }

    /** {@link #change}, telling also whether this call made the change. */
    public Outcome attempt(TaskId id, Function<Task, Optional<Task>> change, Source source, Map<String, String> metadata) {
        return retrying(lost -> tx.inTransaction(() -> {
            Task current = read(id);
            Optional<Task> next = change.apply(current);
            if (next.isEmpty()) {
                return new Outcome(current, false);
            }
            tasks.update(next.get(), current.version());
            if (next.get().status() != current.status()) {
                history.append(List.of(TaskHistoryEntry.of(next.get(), metadata, source, clock.instant())));
            }
            return new Outcome(next.get(), true);
        }));
    }

    /**
     * Records a report on the task as it is now: a move through its lifecycle ({@link Task#moveTo}),
     * progress or a message, each with a history entry.
     *
     * @param status   the status to move to; null keeps the current one (progress/message only)
     * @param progress percent done, or null to keep the last
     * @param message  new message, or null to keep the last
     * @param metadata key/values for the history entry (may be empty)
     * @throws NotFoundException for an unknown task
     * @throws com.grepsr.scheduler.domain.error.IllegalTransitionException for a move the lifecycle forbids
     * @throws VersionConflictException when the task changed under every attempt
     */
    public Recorded record(TaskId id, TaskStatus status, Integer progress, String message,
                           Map<String, String> metadata, Source source) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        return retrying(lost -> tx.inTransaction(() -> report(read(id), status, progress, message, metadata, source)));
    }

    /**
     * {@link #record} for a change decided on the task as {@code seen} (e.g. picked from a list by
     * status). If the task changed since, the change is retried only while its status is still the
     * one seen — otherwise the decision was made on stale facts and the conflict is reported.
     *
     * @throws VersionConflictException when the task moved on from the status seen, or kept changing
     */
    public Recorded recordFrom(Task seen, TaskStatus status, Integer progress, String message,
                               Map<String, String> metadata, Source source) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(source, "source");
        return retrying(lost -> tx.inTransaction(() -> {
            Task current = lost.isEmpty() ? seen : read(seen.id());
            if (current.status() != seen.status()) {
                throw lost.get();
            }
            return report(current, status, progress, message, metadata, source);
        }));
    }

    private Recorded report(Task current, TaskStatus status, Integer progress, String message,
                            Map<String, String> metadata, Source source) {
        Instant now = clock.instant();
        Task moved = current.moveTo(status != null ? status : current.status(), progress, message, now);
        tasks.update(moved, current.version());
        TaskHistoryEntry entry = history.append(List.of(TaskHistoryEntry.of(moved, metadata, source, now))).get(0);
        return new Recorded(moved, entry);
    }

    /** Runs {@code attempt} until it wins its optimistic write, given the conflict it lost last time (if any). */
    private static <T> T retrying(Function<Optional<VersionConflictException>, T> attempt) {
        Optional<VersionConflictException> lost = Optional.empty();
        for (int n = 1; ; n++) {
            try {
                return attempt.apply(lost);
            } catch (VersionConflictException e) {
                if (n >= ATTEMPTS) {
                    throw e;
                }
                lost = Optional.of(e);
            }
        }
    }

    private Task read(TaskId id) {
        return tasks.find(id).orElseThrow(() -> new NotFoundException("task", id.value()));
    }

    public Optional<Task> find(TaskId id) {
        return tasks.find(id);
    }

    public List<Task> findAll(java.util.Collection<TaskId> ids) {
        return tasks.findAll(ids);
    }
}
