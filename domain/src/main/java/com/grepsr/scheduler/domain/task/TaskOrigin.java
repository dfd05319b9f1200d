package com.grepsr.scheduler.domain.task;

import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a task came from and what it runs with; fixed for the task's life. The kind decides
 * which optional parts must be present: a SCHEDULED task names its schedule and run, a CHILD its
 * parent and processor index, a PARENT its parallelism, a TEST its row limit.
 *
 * @param kind           why the task exists
 * @param report         the report it produces
 * @param scheduleId     the schedule that fired it (SCHEDULED, or a run started from a schedule)
 * @param scheduledRunId the occurrence it fires (SCHEDULED)
 * @param parentId       the multi-process parent (CHILD)
 * @param parameters     crawler inputs (schedule parameters with per-run overrides applied)
 * @param testRowLimit   row/page cap passed to a TEST crawler
 * @param parallelism    how many children of a PARENT run at once
 * @param processorIndex which processor a CHILD is (0-based)
 * @param workItem       the queued payload a CHILD processes, or null
 * @param timeout        how long it may run, or null for the crawler catalog's default
 */
public record TaskOrigin(TaskKind kind, ReportRef report, ScheduleId scheduleId, ScheduledRunId scheduledRunId,
                         TaskId parentId, Parameters parameters, Integer testRowLimit, Integer parallelism,
                         Integer processorIndex, String workItem, Duration timeout) {

    public static final int MAX_PARALLELISM = 1000;
    public static final int MAX_TEST_ROWS = 100_000;
    public static final int MAX_WORK_ITEM_LENGTH = 64 * 1024;

    public TaskOrigin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(report, "report");
        parameters = parameters == null ? Parameters.NONE : parameters;
        switch (kind) {
            case SCHEDULED -> {
                require(scheduleId != null, "schedule_id", "a scheduled task names the schedule that fired it");
                require(scheduledRunId != null, "scheduled_run_id", "a scheduled task names the run it fires");
            }
            case CHILD -> {
                require(parentId != null, "parent_task_id", "a child task names its parent");
                require(processorIndex != null && processorIndex >= 0, "processor_index",
                        "a child task names its processor index (0 or more), was " + processorIndex);
            }
            case PARENT -> require(parallelism != null && parallelism >= 1 && parallelism <= MAX_PARALLELISM,
                    "parallelism", "must be between 1 and " + MAX_PARALLELISM);
            case TEST -> require(testRowLimit != null && testRowLimit >= 1 && testRowLimit <= MAX_TEST_ROWS,
                    "row_limit", "must be between 1 and " + MAX_TEST_ROWS);
            default -> { }
        }
        if (workItem != null && workItem.length() > MAX_WORK_ITEM_LENGTH) {
            throw ValidationException.of("work_item", "must be at most " + MAX_WORK_ITEM_LENGTH + " characters");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofDays(7)) > 0)) {
            throw ValidationException.of("timeout", "must be positive and at most 7 days, was " + timeout);
        }
    }

    public static TaskOrigin manual(ReportRef report, ScheduleId scheduleId, Parameters parameters, Duration timeout) {
        return new TaskOrigin(TaskKind.MANUAL, report, scheduleId, null, null, parameters, null, null, null, null, timeout);
    }

    public static TaskOrigin test(ReportRef report, Parameters parameters, int rowLimit, Duration timeout) {
        return new TaskOrigin(TaskKind.TEST, report, null, null, null, parameters, rowLimit, null, null, null, timeout);
    }

    public static TaskOrigin scheduled(ReportRef report, ScheduleId scheduleId, ScheduledRunId runId,
                                       Parameters parameters, Duration timeout) {
        return new TaskOrigin(TaskKind.SCHEDULED, report, scheduleId, runId, null, parameters, null, null, null, null,
                timeout);
    }

    public static TaskOrigin parent(ReportRef report, Parameters parameters, int parallelism, Duration timeout) {
        return new TaskOrigin(TaskKind.PARENT, report, null, null, null, parameters, null, parallelism, null, null,
                timeout);
    }

    /** A child of {@code parent} running processor {@code index} on {@code workItem}. */
    public static TaskOrigin child(Task parent, int index, String workItem) {
        TaskOrigin p = parent.origin();
        require(p.kind == TaskKind.PARENT, "parent_task_id",
                "task " + parent.id() + " is a " + p.kind + " task, not a multi-process parent");
        return new TaskOrigin(TaskKind.CHILD, p.report, p.scheduleId, null, parent.id(), p.parameters, null, null,
                index, workItem, p.timeout);
    }

    private static void require(boolean ok, String field, String description) {
        if (!ok) {
            throw ValidationException.of(field, description);
        }
    }
}
