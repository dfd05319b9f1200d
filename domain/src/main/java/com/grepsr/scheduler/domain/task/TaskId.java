package com.grepsr.scheduler.domain.task;

import com.grepsr.scheduler.domain.common.Checks;

/** Identifies a task (one crawler run); time-ordered so keyset pages are stable. */
public record TaskId(String value) implements Comparable<TaskId> {

    public TaskId {
        Checks.id("task_id", value);
    }

    public static TaskId of(String value) {
        return new TaskId(value);
    }

    @Override
    public int compareTo(TaskId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
