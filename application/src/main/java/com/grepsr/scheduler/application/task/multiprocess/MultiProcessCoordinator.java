package com.grepsr.scheduler.application.task.multiprocess;

import com.grepsr.scheduler.application.task.TaskLaunchService;
import com.grepsr.scheduler.application.task.TaskStopper;
import com.grepsr.scheduler.application.task.TaskTransitions;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.TaskHistoryStorePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort;
import com.grepsr.scheduler.application.port.out.TaskQueuePort.WorkItem;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.VersionConflictException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Moves a multi-process run along: launches waiting children up to the parent's parallelism,
 * turns queued work items into children as slots free up, and finishes the parent once its queue
 * is empty and every child has finished (SUCCEEDED if all children succeeded, else FAILED).
 * The reconciler calls {@link #advance} each tick for every active parent (and for a parent that
 * ended with children still active, which are then stopped); use cases call it after a change.
 *
 * <p>Idempotent: with nothing changed, a second call launches and writes nothing. Waiting
 * children are launched in processor-index order and launches are idempotent per task, so two
 * callers racing on one parent pick the same children; new children are created only in a
 * transaction that also bumps the parent's version, so racing callers cannot both take work.
 */
public final class MultiProcessCoordinator {

    /** What one {@link #advance} did. */
    public record Advance(TaskId parent, List<TaskId> launched, Optional<TaskStatus> finishedAs,
                          List<TaskId> stopped) {
        public Advance {
            launched = List.copyOf(launched);
            stopped = List.copyOf(stopped);
        }
    }

    private static final Comparator<Task> BY_INDEX = Comparator
            .comparing((Task t) -> t.origin().processorIndex() == null ? Integer.MAX_VALUE : t.origin().processorIndex())
            .thenComparing(Task::id);

    private final TaskStorePort tasks;
    private final TaskQueuePort queue;
    private final TaskLaunchService launches;
    private final TaskStopper stopper;
    private final TaskTransitions transitions;
    private final IdGeneratorPort ids;
    private final TransactionPort tx;
    private final Clock clock;

    public MultiProcessCoordinator(TaskStorePort tasks, TaskHistoryStorePort history, TaskQueuePort queue,
                                   TaskLaunchService launches, TaskStopper stopper, IdGeneratorPort ids,
                                   TransactionPort tx, Clock clock) {
        this.tasks = tasks;
        this.queue = queue;
        this.launches = launches;
        this.stopper = stopper;
        this.transitions = new TaskTransitions(tasks, history, tx, clock);
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * One step for one parent.
     *
     * @throws NotFoundException for an unknown task
     * @throws IllegalArgumentException when the task is not a multi-process parent
     */
    public Advance advance(TaskId parentId) {
        Task parent = tasks.find(parentId).orElseThrow(() -> new NotFoundException("task", parentId.value()));
        if (parent.kind() != TaskKind.PARENT) {
            throw new IllegalArgumentException("task " + parentId + " is not a multi-process parent");
        }
        if (parent.status().isFinal()) {
            List<TaskId> stopped = stopper.stopChildren(parent, "parent task " + parentId + " ended "
                    + parent.status(), Source.SCHEDULER).stopped();
            return new Advance(parentId, List.of(), Optional.empty(), stopped);
        }
        List<Task> children = tasks.listAll(TaskFilter.none().withParent(parentId));
        int slots = parent.origin().parallelism() - (int) children.stream().filter(MultiProcessCoordinator::launched).count();
        List<TaskId> launched = new ArrayList<>();
        List<Task> waiting = children.stream().filter(t -> t.status() == TaskStatus.QUEUED).sorted(BY_INDEX).toList();
        for (Task child : waiting) {
            if (slots <= 0) {
                return new Advance(parentId, launched, Optional.empty(), List.of());
            }
            Task after = launches.launchOrDefer(child);
            if (after.status() == TaskStatus.QUEUED) {
                return new Advance(parentId, launched, Optional.empty(), List.of()); // launcher down: next tick
            }
            if (launched(after)) {
                launched.add(after.id());
                slots--;
            }
        }
        if (slots > 0) {
            for (Task child : takeWork(parent, slots, children.size())) {
                Task after = launches.launchOrDefer(child);
                if (launched(after)) {
                    launched.add(after.id());
                }
            }
        }
        if (!launched.isEmpty() || !waiting.isEmpty()) {
            return new Advance(parentId, launched, Optional.empty(), List.of());
        }
        return new Advance(parentId, launched, finishIfDone(parent, children), List.of());
    }

    /** In one transaction: bump the parent (so a racing caller loses), take work, create QUEUED children. */
    private List<Task> takeWork(Task parent, int slots, int nextIndex) {
        try {
            return tx.inTransaction(() -> {
                Task fresh = tasks.find(parent.id()).orElseThrow();
                if (fresh.version() != parent.version() || fresh.status().isFinal()) {
                    return List.<Task>of(); // someone else moved it since we counted: next tick
                }
                List<WorkItem> items = queue.take(parent.id(), slots);
                if (items.isEmpty()) {
                    return List.<Task>of();
                }
                tasks.update(fresh.moveTo(fresh.status(), clock.instant()), fresh.version());
                List<Task> created = IntStream.range(0, items.size())
                        .mapToObj(i -> Task.queue(ids.taskId(), TaskOrigin.child(fresh, nextIndex + i,
                                items.get(i).payload()), clock.instant()))
                        .toList();
                transitions.insert(created, Source.SCHEDULER, Map.of());
                return created;
            });
        } catch (VersionConflictException raced) {
            return List.of();
        }
    }

    private Optional<TaskStatus> finishIfDone(Task parent, List<Task> children) {
        if (children.isEmpty() || children.stream().anyMatch(t -> t.status().isActive()) || queue.pending(parent.id()) > 0) {
            return Optional.empty(); // a parent without children yet waits for work (until its timeout)
        }
        long failed = children.stream().filter(t -> t.status() != TaskStatus.SUCCEEDED).count();
        TaskStatus end = failed == 0 ? TaskStatus.SUCCEEDED : TaskStatus.FAILED;
        String message = failed == 0 ? "all " + children.size() + " child tasks succeeded"
                : failed + " of " + children.size() + " child tasks did not succeed";
        try {
            TaskTransitions.Outcome o = transitions.attempt(parent.id(), t -> t.version() == parent.version()
                    ? Optional.of(t.moveTo(end, null, message, clock.instant())) : Optional.empty(),
                    Source.SCHEDULER, Map.of("children", Integer.toString(children.size())));
            return o.changed() ? Optional.of(end) : Optional.empty();
        } catch (VersionConflictException raced) {
            return Optional.empty(); // work was added meanwhile: the next tick decides again
        }
    }

    private static boolean launched(Task t) {
        return t.status() == TaskStatus.LAUNCHING || t.status() == TaskStatus.RUNNING;
    }
}
