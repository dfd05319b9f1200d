package com.grepsr.scheduler.domain.run;

import com.grepsr.scheduler.domain.common.Checks;
import com.grepsr.scheduler.domain.task.TaskId;

/** Identifies one materialized occurrence of a schedule. */
public record ScheduledRunId(String value) implements Comparable<ScheduledRunId> {

    public ScheduledRunId {
        Checks.id("scheduled_run_id", value);
    }

    public static ScheduledRunId of(String value) {
        return new ScheduledRunId(value);
    }

    /**
     * The task this run starts when it fires: it has the run's id, which makes firing a run
     * idempotent and lets a second claimer see that the run was fired before (by a replica that
     * died before settling it).
     */
    public TaskId taskId() {
        return TaskId.of(value);
    }

    @Override
    public int compareTo(ScheduledRunId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
