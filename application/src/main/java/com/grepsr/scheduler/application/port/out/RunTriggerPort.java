package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the processor fires a due run: OneTimeRun for the schedule's report, in-process or on a
 * remote scheduler service (the original deployment, processor as its own process). Must be
 * idempotent per run: triggering the same run twice returns the same task.
 */
public interface RunTriggerPort {

    /** Starts the task for a claimed run and returns its id. */
    TaskId trigger(ScheduledRun run);

    /**
     * Starts the tasks of several claimed runs and returns each run's task id, in the runs' order.
     * Idempotent per run like {@link #trigger}. An implementation may batch the work (one
     * transaction for all the new tasks, one for their launches); this default fires one by one.
     */
    default Map<ScheduledRunId, TaskId> triggerAll(List<ScheduledRun> runs) {
        Map<ScheduledRunId, TaskId> tasks = new LinkedHashMap<>();
        runs.forEach(run -> tasks.put(run.id(), trigger(run)));
        return tasks;
    }

    /**
     * {@link #triggerAll(List)} given the runs' schedules as the processor read them (a run whose
     * schedule is gone has none): a trigger may use them instead of reading them again.
     */
    default Map<ScheduledRunId, TaskId> triggerAll(List<ScheduledRun> runs, Map<ScheduleId, Schedule> schedules) {
        return triggerAll(runs);
    }

    /**
     * Whether this trigger writes its tasks through the processor's own stores, so it can run
     * inside the transaction that locked the runs ({@link ScheduledRunStorePort#lockDue}): the
     * run's task, its history and its settlement then commit together after the launch, and a
     * crash before the commit leaves the run claimable at once (docs/crash-safety.md). A trigger
     * in another process cannot, and the processor leases its runs instead
     * ({@link ScheduledRunStorePort#claimDue}).
     */
    default boolean joinsClaimTransaction() {
        return false;
    }
}
