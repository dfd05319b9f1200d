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
    QUEUE_ONE
}
