package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stops tasks, and ends them in other final statuses the same way: the one mechanism for ending a
 * task from outside its crawler. A launched task's crawler is stopped first (outside any
 * transaction; stopping is idempotent, so a retry after a crash is harmless), then the final
 * status is recorded with its history.
 * A QUEUED task has no crawler yet and is only marked. A multi-process parent is marked STOPPED
 * with its queue cleared in one transaction first, so no new child can start, then its children
 * are stopped.
 */
public final class TaskStopper {

    /** What stopping a parent's children did. */
    public record StoppedChildren(List<TaskId> stopped, long droppedWorkItems) {
    }

    private final TaskStorePort tasks;
    private final TaskQueuePort queue;
    private final CrawlerLauncherPort launcher;
    private final TransactionPort tx;
    private final TaskTransitions transitions;
    private final Clock clock;

    public TaskStopper(TaskStorePort tasks, TaskHistoryStorePort history, TaskQueuePort queue,
                       CrawlerLauncherPort launcher, TransactionPort tx, Clock clock) {
        this.tasks = tasks;
        this.queue = queue;
        this.launcher = launcher;
        this.tx = tx;
        this.transitions = new TaskTransitions(tasks, history, tx, clock);
        this.clock = clock;
    }

    /**
     * Stops a task (and, for a parent, its children), returning the ids of every task this call
     * stopped, the task itself last.
     *
     * @throws IllegalTransitionException when the task has already finished
     */
    public List<TaskId> stop(Task task, String message, Source source) {
        return end(task, TaskStatus.STOPPED, message, source, Map.of());
    }

    /**
     * Ends a task in {@code status} (a final one) the way {@link #stop} does: its crawler is
     * stopped first; a parent's queue is cleared and it ends before its children, which end in
     * the same status (STOPPED where their lifecycle does not allow it). Returns the ids of every
     * task this call ended, the task itself last.
     *
     * @param message  the tasks' new message; null keeps each one's last
     * @param metadata for the history entries
     * @throws IllegalTransitionException when the task has already finished
     */
    public List<TaskId> end(Task task, TaskStatus status, String message, Source source, Map<String, String> metadata) {
        if (!status.isFinal()) {
            throw new IllegalArgumentException("not a final status: " + status);
        }
        Task current = tasks.find(task.id()).orElse(task);
        if (current.status().isFinal()) {
            throw new IllegalTransitionException("task", current.id().value(), current.status(), status);
        }
        Ending ending = new Ending(status, message, source, metadata);
        List<TaskId> ended = new ArrayList<>();
        if (current.kind() == TaskKind.PARENT) {
            boolean changed = tx.inTransaction(() -> {
                queue.clear(current.id());
                return ending.apply(current.id()).changed();
            });
            ended.addAll(endChildren(current, ending).stopped());
            if (changed) {
                ended.add(current.id());
            }
            return ended;
        }
        endOne(current, ending).ifPresent(ended::add);
        return ended;
    }

    /**
     * Stops every active task {@code filter} matches (its status part is replaced by the active
     * ones), parents first: each takes its children along and no new child starts meanwhile.
     * Returns the ids of the tasks this call stopped.
     */
    public List<TaskId> stopAll(TaskFilter filter, String message, Source source) {
        List<Task> active = new ArrayList<>(tasks.listAll(filter.withStatuses(TaskStatus.actives())));
        active.sort(Comparator.comparing((Task t) -> t.kind() != TaskKind.PARENT));
        Set<TaskId> stopped = new LinkedHashSet<>();
        for (Task t : active) {
            if (stopped.contains(t.id())) {
                continue;
            }
            try {
                stopped.addAll(stop(t, message, source));
            } catch (IllegalTransitionException finishedMeanwhile) {
                // it ended by itself since the list: nothing left to stop
            }
        }
        return List.copyOf(stopped);
    }

    /** Stops the active children of a parent and drops its queued work; the parent itself stays. */
    public StoppedChildren stopChildren(Task parent, String message, Source source) {
        return endChildren(parent, new Ending(TaskStatus.STOPPED, message, source, Map.of()));
    }

    private StoppedChildren endChildren(Task parent, Ending ending) {
        long dropped = queue.clear(parent.id());
        List<TaskId> ended = new ArrayList<>();
        for (Task child : tasks.listAll(TaskFilter.none().withParent(parent.id()).withStatuses(TaskStatus.actives()))) {
            endOne(child, ending).ifPresent(ended::add);
        }
        return new StoppedChildren(ended, dropped);
    }

    private Optional<TaskId> endOne(Task task, Ending ending) {
        Task current = tasks.find(task.id()).orElse(task);
        if (current.status().isFinal()) {
            return Optional.empty();
        }
        current.launchName().ifPresent(launcher::stop);
        return ending.apply(current.id()).changed() ? Optional.of(current.id()) : Optional.empty();
    }

    /** One way of ending tasks: the final status, message and history trace they all get. */
    private final class Ending {
        private final TaskStatus status;
        private final String message;
        private final Source source;
        private final Map<String, String> metadata;

        Ending(TaskStatus status, String message, Source source, Map<String, String> metadata) {
            this.status = status;
            this.message = message == null ? null : Messages.clip(message);
            this.source = source;
            this.metadata = metadata;
        }

        /**
         * Records the ending unless the task finished meanwhile (its crawler was stopped before
         * this). A task the lifecycle does not let into the status (a QUEUED child of a parent
         * ending TIMED_OUT, LOST or SUCCEEDED: it never started) is STOPPED instead, which every
         * active task may become.
         */
        TaskTransitions.Outcome apply(TaskId id) {
            return transitions.attempt(id, t -> t.status().isFinal() ? Optional.empty()
                    : Optional.of(t.moveTo(t.status().canMoveTo(status) ? status : TaskStatus.STOPPED, null, message,
                    clock.instant())), source, metadata);
        }
    }
}
