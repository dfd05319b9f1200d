package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Reconciler step: relaunches tasks a crash left QUEUED. The launcher is idempotent per task, so
 * a launch that did happen is found, not repeated.
 */
final class RelaunchOrphansStep {

    private final TaskStorePort tasks;
    private final TaskLaunchService launches;
    private final Duration lostGrace;

    RelaunchOrphansStep(TaskStorePort tasks, TaskLaunchService launches, Duration lostGrace) {
        this.tasks = tasks;
        this.launches = launches;
        this.lostGrace = lostGrace;
    }

    /** How many tasks it moved past QUEUED. */
    int run(Instant now) {
        // children wait in QUEUED for their parent's parallelism: the coordinator launches those
        TaskFilter queued = TaskFilter.none().withStatuses(EnumSet.of(TaskStatus.QUEUED))
                .withKinds(EnumSet.of(TaskKind.SCHEDULED, TaskKind.MANUAL, TaskKind.TEST))
                .withUpdatedBefore(now.minus(lostGrace));
        int relaunched = 0;
        for (Task t : tasks.listAll(queued)) {
            // launchOrDefer: a launcher still down leaves the task QUEUED for a later tick
            Optional<Task> after = Races.unlessRaced(() -> launches.launchOrDefer(t));
            if (after.isPresent() && after.get().status() != TaskStatus.QUEUED) {
                relaunched++;
            }
        }
        return relaunched;
    }
}
