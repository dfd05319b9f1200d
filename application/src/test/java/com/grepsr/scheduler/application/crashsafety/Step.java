package com.grepsr.scheduler.application.crashsafety;

/**
 * A durable step on the way from a due run to a running crawler, named by what it writes or
 * calls at the port level, not by which service method does it: the processor may batch its
 * work, but the order of these steps stays the same.
 */
public enum Step {
    /** {@code ScheduledRunStorePort.claimDue}: the lease on due runs. */
    CLAIM,
    /** {@code TaskStorePort.insert}: a run's QUEUED task (its id is the run's). */
    TASK_INSERT,
    /** {@code CrawlerLauncherPort.launch}: the Job is created. */
    LAUNCH,
    /** {@code TaskStorePort.update} to LAUNCHING: the launch name recorded. */
    LAUNCHING_CHANGE,
    /** {@code ScheduledRunStorePort.settle}: the run leaves PENDING (DISPATCHED, MISSED …). */
    RUN_SETTLE,
    /** {@code ActivityPublisherPort.publish}: outbox events reach the feed. */
    PUBLISH
}
