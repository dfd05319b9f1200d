package com.grepsr.scheduler.application.port.out;

import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.task.TaskId;

/**
 * How the processor fires a due run: OneTimeRun for the schedule's report, in-process or on a
 * remote scheduler service (the original deployment, processor as its own process). Must be
 * idempotent per run: triggering the same run twice returns the same task.
 */
public interface RunTriggerPort {

    /** Starts the task for a claimed run and returns its id. */
    TaskId trigger(ScheduledRun run);
}
