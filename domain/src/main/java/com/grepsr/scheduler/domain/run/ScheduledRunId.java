package com.grepsr.scheduler.domain.run;

import com.grepsr.scheduler.domain.common.Checks;

/** Identifies one materialized occurrence of a schedule. */
public record ScheduledRunId(String value) implements Comparable<ScheduledRunId> {

    public ScheduledRunId {
        Checks.id("scheduled_run_id", value);
    }

    public static ScheduledRunId of(String value) {
        return new ScheduledRunId(value);
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
