package com.grepsr.scheduler.application.daemon.reconcile;

import com.grepsr.scheduler.application.task.multiprocess.MultiProcessCoordinator;
import com.grepsr.scheduler.application.task.TaskTransitions;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reconciler step: advances multi-process parents (their next children, or the parent's end). */
public final class AdvanceParentsStep {

    private final TaskStorePort tasks;
    private final TaskTransitions transitions;
    private final MultiProcessCoordinator coordinator;

    public AdvanceParentsStep(TaskStorePort tasks, TaskTransitions transitions, MultiProcessCoordinator coordinator) {
        this.tasks = tasks;
        this.transitions = transitions;
        this.coordinator = coordinator;
    }

    /** How many parents it advanced (launched, stopped or ended something). */
    int run(Instant now) {
        Set<TaskId> parents = new LinkedHashSet<>();
        for (Task p : tasks.listAll(TaskFilter.none().withKinds(EnumSet.of(TaskKind.PARENT))
                .withStatuses(TaskStatus.actives()))) {
            // a parent runs no crawler, so no launcher times it out: its own timeout is enforced here
            if (p.isOverdue(now)) {
                Races.ignoringRaces(() -> transitions.recordFrom(p, TaskStatus.TIMED_OUT, null,
                        "the multi-process run ran past its timeout of " + p.origin().timeout(), Map.of(),
                        Source.SCHEDULER));
            }
            parents.add(p.id());
        }
        // a parent ended from outside (a report, a bulk transition, its timeout) leaves active
        // children behind: advancing it stops them and drops its remaining work
        tasks.listAll(TaskFilter.none().withKinds(EnumSet.of(TaskKind.CHILD)).withStatuses(TaskStatus.actives()))
                .forEach(child -> child.parentId().ifPresent(parents::add));
        int advanced = 0;
        for (TaskId p : parents) {
            Optional<MultiProcessCoordinator.Advance> a = Races.unlessRaced(() -> coordinator.advance(p));
            if (a.isPresent() && (!a.get().launched().isEmpty() || a.get().finishedAs().isPresent()
                    || !a.get().stopped().isEmpty())) {
                advanced++;
            }
        }
        return advanced;
    }
}
