package com.grepsr.scheduler.domain.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * A task's lifecycle: QUEUED → LAUNCHING → RUNNING → SUCCEEDED | FAILED | STOPPED | TIMED_OUT |
 * LOST. A launch may also end before RUNNING is observed (a fast crawler, a refused image, a
 * vanished Job); a queued task can be stopped or fail to launch. Final states never change.
 */
public enum TaskStatus {
    QUEUED, LAUNCHING, RUNNING, SUCCEEDED, FAILED, STOPPED, TIMED_OUT, LOST;

    private static final Set<TaskStatus> FINAL = EnumSet.of(SUCCEEDED, FAILED, STOPPED, TIMED_OUT, LOST);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Queued or running: what GetActiveTasks lists and what the overlap policy looks at. */
    public boolean isActive() {
        return !isFinal();
    }

    /** Whether the lifecycle allows moving from this status to {@code next}. */
    public boolean canMoveTo(TaskStatus next) {
        return switch (this) {
            case QUEUED -> next == LAUNCHING || next == STOPPED || next == FAILED;
            case LAUNCHING -> next != QUEUED && next != LAUNCHING;
            case RUNNING -> next.isFinal();
            default -> false;
        };
    }

    /**
     * QUEUED and LAUNCHING: only the scheduler puts a task there (it queues work and launches
     * crawlers). A client naming one would claim a launch that never happened, and the task would
     * wait for a crawler nobody starts.
     */
    public boolean isSetBySchedulerOnly() {
        return this == QUEUED || this == LAUNCHING;
    }

    public static Set<TaskStatus> finals() {
        return EnumSet.copyOf(FINAL);
    }

    /** QUEUED, LAUNCHING and RUNNING: what can still be stopped or counts against parallelism. */
    public static Set<TaskStatus> actives() {
        return EnumSet.complementOf(EnumSet.copyOf(FINAL));
    }
}
