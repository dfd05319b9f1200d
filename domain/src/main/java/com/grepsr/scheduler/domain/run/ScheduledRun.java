package com.grepsr.scheduler.domain.run;

import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One occurrence of a schedule, materialized by the calculator (unique per schedule and fire
 * instant) and fired once by the processor. Immutable; transitions leave PENDING exactly once.
 *
 * @param id        the run's id
 * @param scheduleId the schedule it belongs to
 * @param report    the schedule's report, kept for account-scoped queries
 * @param fireAt    when it is due
 * @param status    where it is
 * @param taskId    the task it started, once DISPATCHED
 * @param missCause why it did not fire, once MISSED (or SKIPPED by overlap)
 * @param createdAt when the calculator wrote it
 * @param settledAt when it left PENDING, or null
 */
public record ScheduledRun(ScheduledRunId id, ScheduleId scheduleId, ReportRef report, Instant fireAt,
                           RunStatus status, TaskId taskId, MissCause missCause, Instant createdAt,
                           Instant settledAt) {

    public ScheduledRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(fireAt, "fireAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new PENDING run. */
    public static ScheduledRun pending(ScheduledRunId id, ScheduleId scheduleId, ReportRef report, Instant fireAt,
                                       Instant now) {
        return new ScheduledRun(id, scheduleId, report, fireAt, RunStatus.PENDING, null, null, now, null);
    }

    public ScheduledRun dispatch(TaskId task, Instant now) {
        requirePending(RunStatus.DISPATCHED);
        return new ScheduledRun(id, scheduleId, report, fireAt, RunStatus.DISPATCHED, Objects.requireNonNull(task),
                null, createdAt, now);
    }

    public ScheduledRun miss(MissCause cause, Instant now) {
        requirePending(RunStatus.MISSED);
        return new ScheduledRun(id, scheduleId, report, fireAt, RunStatus.MISSED, null, Objects.requireNonNull(cause),
                createdAt, now);
    }

    /** Deliberately not fired: a skipped occurrence, or the overlap policy (cause given). */
    public ScheduledRun skip(MissCause cause, Instant now) {
        requirePending(RunStatus.SKIPPED);
        return new ScheduledRun(id, scheduleId, report, fireAt, RunStatus.SKIPPED, null, cause, createdAt, now);
    }

    /** The schedule changed, paused or was deleted before this run came due. */
    public ScheduledRun cancel(Instant now) {
        requirePending(RunStatus.CANCELLED);
        return new ScheduledRun(id, scheduleId, report, fireAt, RunStatus.CANCELLED, null, null, createdAt, now);
    }

    public boolean isDue(Instant now) {
        return status == RunStatus.PENDING && !fireAt.isAfter(now);
    }

    public Optional<TaskId> task() {
        return Optional.ofNullable(taskId);
    }

    private void requirePending(RunStatus to) {
        if (status != RunStatus.PENDING) {
            throw new IllegalTransitionException("scheduled run", id.value(), status, to);
        }
    }
}
