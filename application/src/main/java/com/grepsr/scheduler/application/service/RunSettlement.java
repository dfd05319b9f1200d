package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.out.ActivityOutboxPort;
import com.grepsr.scheduler.application.port.out.IdGeneratorPort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.application.port.out.TransactionPort;
import com.grepsr.scheduler.domain.event.ActivityEvents;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a claimed run leaves PENDING, for the processor and the reconciler alike: the run is settled
 * and, when it did not fire (MISSED, or SKIPPED by its overlap policy), its missed-run activity
 * event is written to the outbox in the same transaction, so the event exists exactly when the
 * settle does. Also answers "was it fired already?" — a run whose task exists was fired by a
 * replica that died before settling it, and is only ever settled DISPATCHED.
 */
final class RunSettlement {

    private final ScheduledRunStorePort runs;
    private final TaskStorePort tasks;
    private final ActivityOutboxPort outbox;
    private final TransactionPort tx;
    private final IdGeneratorPort ids;

    RunSettlement(ScheduledRunStorePort runs, TaskStorePort tasks, ActivityOutboxPort outbox, TransactionPort tx,
                  IdGeneratorPort ids) {
        this.runs = runs;
        this.tasks = tasks;
        this.outbox = outbox;
        this.tx = tx;
        this.ids = ids;
    }

    /** Settles one run in its own transaction; 1 if it was still PENDING (this call settled it), else 0. */
    int settle(ScheduledRun settled) {
        return tx.inTransaction(() -> {
            boolean changed = runs.settle(settled);
            if (changed && announces(settled.status())) {
                outbox.append(ActivityEvents.missed(ids.eventId(), settled, settled.settledAt()));
            }
            return changed ? 1 : 0;
        });
    }

    /** Settles runs that all fired, in one transaction; how many were still PENDING. */
    int settleDispatched(Collection<ScheduledRun> dispatched) {
        return dispatched.isEmpty() ? 0 : tx.inTransaction(() -> runs.settleAll(dispatched.stream().toList()));
    }

    /**
     * The tasks of these runs that exist already: a replica fired those runs and died before
     * settling them (its lease ran out). Firing was decided when the task was committed, so such a
     * run is only finished — relaunched if need be and settled DISPATCHED — never judged again:
     * judged late, the misfire policy would miss it and the overlap policy would count its own
     * task as a previous one (skip it, or stop its crawler), while the reconciler launches that
     * task anyway. One read for all of them.
     */
    Set<TaskId> firedBefore(Collection<ScheduledRun> claimed) {
        if (claimed.isEmpty()) {
            return Set.of();
        }
        return tasks.findAll(claimed.stream().map(r -> r.id().taskId()).toList()).stream()
                .map(Task::id).collect(Collectors.toSet());
    }

    /** A cancelled run was withdrawn by its schedule's owner, and a dispatched one fired: no event. */
    private static boolean announces(RunStatus status) {
        return status == RunStatus.MISSED || status == RunStatus.SKIPPED;
    }
}
