package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
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
}
