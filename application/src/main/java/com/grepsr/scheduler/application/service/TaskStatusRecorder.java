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
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place a task's status, progress or message changes after launch: moves the task
 * through its lifecycle ({@link Task#moveTo}), stores it under optimistic concurrency and appends
 * the matching history entry, in one transaction. Crawler reports, bulk transitions and the
 * reconciler all go through here, so every change leaves the same trace.
 *
 * <p>A lost version race is retried once against a fresh read: reports about one task arrive
 * from several places (crawler, launcher watch, admins), and a second attempt almost always
 * wins. A second loss surfaces as {@link VersionConflictException}.
 */
public final class TaskStatusRecorder {

    /** A task after a recorded change, and the history entry written for it. */
    public record Recorded(Task task, TaskHistoryEntry entry) {
    }

    private final TaskStorePort tasks;
    private final TaskHistoryStorePort history;
    private final TransactionPort transactions;
    private final Clock clock;

    public TaskStatusRecorder(TaskStorePort tasks, TaskHistoryStorePort history, TransactionPort transactions,
                              Clock clock) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.history = Objects.requireNonNull(history, "history");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies a report to the task as it is now.
     *
     * @param status   the status to move to; null keeps the current one (progress/message only)
     * @param progress percent done, or null to keep the last
     * @param message  new message, or null to keep the last
     * @param metadata key/values for the history entry (may be empty)
     * @throws NotFoundException for an unknown task
     * @throws com.grepsr.scheduler.domain.error.IllegalTransitionException for a move the lifecycle forbids
     * @throws VersionConflictException when the task changed under both attempts
     */
    public Recorded record(TaskId id, TaskStatus status, Integer progress, String message,
                           Map<String, String> metadata, Source source) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        try {
            return transactions.inTransaction(() -> apply(read(id), status, progress, message, metadata, source));
        } catch (VersionConflictException lost) {
            return transactions.inTransaction(() -> apply(read(id), status, progress, message, metadata, source));
        }
    }

    /**
     * Applies a change decided on the task as {@code seen} (e.g. picked from a list by status).
     * If the task changed since, the change is retried only when its status is still the one
     * seen — otherwise the decision was made on stale facts and the conflict is reported.
     *
     * @throws VersionConflictException when the task moved on from the status seen, or changed twice
     * @throws com.grepsr.scheduler.domain.error.IllegalTransitionException for a move the lifecycle forbids
     */
    public Recorded recordFrom(Task seen, TaskStatus status, Integer progress, String message,
                               Map<String, String> metadata, Source source) {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(source, "source");
        try {
            return transactions.inTransaction(() -> apply(seen, status, progress, message, metadata, source));
        } catch (VersionConflictException lost) {
            return transactions.inTransaction(() -> {
                Task now = read(seen.id());
                if (now.status() != seen.status()) {
                    throw lost;
                }
                return apply(now, status, progress, message, metadata, source);
            });
        }
    }

    private Task read(TaskId id) {
        return tasks.find(id).orElseThrow(() -> new NotFoundException("task", id.value()));
    }

    private Recorded apply(Task current, TaskStatus status, Integer progress, String message,
                           Map<String, String> metadata, Source source) {
        Instant now = clock.instant();
        Task moved = current.moveTo(status != null ? status : current.status(), progress, message, now);
        tasks.update(moved, current.version());
        TaskHistoryEntry entry = history.append(List.of(TaskHistoryEntry.of(moved, metadata, source, now))).get(0);
        return new Recorded(moved, entry);
    }
}
