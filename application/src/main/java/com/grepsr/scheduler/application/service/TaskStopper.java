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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stops tasks. A launched task's crawler is stopped first (outside any transaction; stopping is
 * idempotent, so a retry after a crash is harmless), then STOPPED is recorded with its history.
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
        Task current = tasks.find(task.id()).orElse(task);
        if (current.status().isFinal()) {
            throw new IllegalTransitionException("task", current.id().value(), current.status(), TaskStatus.STOPPED);
        }
        List<TaskId> stopped = new ArrayList<>();
        if (current.kind() == TaskKind.PARENT) {
            boolean changed = tx.inTransaction(() -> {
                queue.clear(current.id());
                return transitions.attempt(current.id(), stopping(message), source, Map.of()).changed();
            });
            stopped.addAll(stopChildren(current, message, source).stopped());
            if (changed) {
                stopped.add(current.id());
            }
            return stopped;
        }
        stopOne(current, message, source).ifPresent(stopped::add);
        return stopped;
    }

    /** Stops the active children of a parent and drops its queued work; the parent itself stays. */
    public StoppedChildren stopChildren(Task parent, String message, Source source) {
        long dropped = queue.clear(parent.id());
        List<TaskId> stopped = new ArrayList<>();
        for (Task child : TaskPages.all(tasks, TaskFilter.none().withParent(parent.id()).withStatuses(TaskPages.ACTIVE))) {
            stopOne(child, message, source).ifPresent(stopped::add);
        }
        return new StoppedChildren(stopped, dropped);
    }

    /** Stops one non-parent task if it is still active; its id when this call stopped it. */
    Optional<TaskId> stopOne(Task task, String message, Source source) {
        Task current = tasks.find(task.id()).orElse(task);
        if (current.status().isFinal()) {
            return Optional.empty();
        }
        current.launchName().ifPresent(launcher::stop);
        return transitions.attempt(current.id(), stopping(message), source, Map.of()).changed()
                ? Optional.of(current.id()) : Optional.empty();
    }

    private Function<Task, Optional<Task>> stopping(String message) {
        String m = Messages.clip(message);
        return t -> t.status().isFinal() ? Optional.empty()
                : Optional.of(t.moveTo(TaskStatus.STOPPED, null, m, clock.instant()));
    }
}
