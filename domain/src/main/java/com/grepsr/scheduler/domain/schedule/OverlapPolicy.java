package com.grepsr.scheduler.domain.schedule;

/**
 * What a due run does when the schedule's previous task is still running.
 */
public enum OverlapPolicy {
    /** Start another task alongside. */
    ALLOW,
    /** Do not start; the run is SKIPPED (cause: overlap). */
    SKIP,
    /** Stop the running task, then start the new one. */
    REPLACE,
    /** Keep at most one run waiting; it starts when the running task ends. Further runs are skipped. */
    QUEUE_ONE;

    /** What a due run does while a task of its schedule is still active. */
    public enum WhileActive { FIRE, SKIP, STOP_THEN_FIRE, WAIT }

    /**
     * The policy's answer for a run that came due while the schedule has an active task.
     *
     * @param anotherWaits whether another run of the schedule already waits (QUEUE_ONE keeps one)
     */
    public WhileActive whileActive(boolean anotherWaits) {
        return switch (this) {
            case ALLOW -> WhileActive.FIRE;
            case SKIP -> WhileActive.SKIP;
            case REPLACE -> WhileActive.STOP_THEN_FIRE;
            case QUEUE_ONE -> anotherWaits ? WhileActive.SKIP : WhileActive.WAIT;
        };
    }

    /** Whether deciding needs the schedule's active tasks: ALLOW fires whatever runs, so spare the look. */
    public boolean looksAtActiveTasks() {
        return this != ALLOW;
    }

    /**
     * Whether a run this policy held back may fire however late it is: a QUEUE_ONE run that waited
     * for the previous task is late because of the policy, not because the scheduler was down, so
     * the misfire policy does not judge it.
     */
    public boolean firesHeldBackRunsLate() {
        return this == QUEUE_ONE;
    }
}
