package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Which tasks a list returns, newest first (by creation, then id); empty parts match everything.
 * {@code finishedFrom}/{@code finishedTo} select tasks that ended in that window and
 * {@code createdFrom}/{@code createdTo} tasks created in it (both bounds inclusive).
 */
public record TaskFilter(Optional<AccountId> account, Optional<ReportId> report, Optional<ScheduleId> schedule,
                         Optional<TaskId> parent, Set<TaskStatus> statuses, Set<TaskKind> kinds,
                         Optional<Instant> finishedFrom, Optional<Instant> finishedTo,
                         Optional<Instant> updatedBefore, Optional<Instant> createdFrom,
                         Optional<Instant> createdTo) {

    public TaskFilter {
        account = account == null ? Optional.empty() : account;
        report = report == null ? Optional.empty() : report;
        schedule = schedule == null ? Optional.empty() : schedule;
        parent = parent == null ? Optional.empty() : parent;
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        finishedFrom = finishedFrom == null ? Optional.empty() : finishedFrom;
        finishedTo = finishedTo == null ? Optional.empty() : finishedTo;
        updatedBefore = updatedBefore == null ? Optional.empty() : updatedBefore;
        createdFrom = createdFrom == null ? Optional.empty() : createdFrom;
        createdTo = createdTo == null ? Optional.empty() : createdTo;
    }

    /** The filter without a creation window (kept so existing callers need not change). */
    public TaskFilter(Optional<AccountId> account, Optional<ReportId> report, Optional<ScheduleId> schedule,
                      Optional<TaskId> parent, Set<TaskStatus> statuses, Set<TaskKind> kinds,
                      Optional<Instant> finishedFrom, Optional<Instant> finishedTo, Optional<Instant> updatedBefore) {
        this(account, report, schedule, parent, statuses, kinds, finishedFrom, finishedTo, updatedBefore, null, null);
    }

    public static TaskFilter none() {
        return new TaskFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    public TaskFilter withStatuses(Set<TaskStatus> s) {
        return new TaskFilter(account, report, schedule, parent, s, kinds, finishedFrom, finishedTo, updatedBefore,
                createdFrom, createdTo);
    }

    public TaskFilter withParent(TaskId p) {
        return new TaskFilter(account, report, schedule, Optional.of(p), statuses, kinds, finishedFrom, finishedTo,
                updatedBefore, createdFrom, createdTo);
    }

    public TaskFilter withSchedule(ScheduleId s) {
        return new TaskFilter(account, report, Optional.of(s), parent, statuses, kinds, finishedFrom, finishedTo,
                updatedBefore, createdFrom, createdTo);
    }

    public TaskFilter withAccount(Optional<AccountId> a) {
        return new TaskFilter(a, report, schedule, parent, statuses, kinds, finishedFrom, finishedTo, updatedBefore,
                createdFrom, createdTo);
    }

    public TaskFilter withKinds(Set<TaskKind> k) {
        return new TaskFilter(account, report, schedule, parent, statuses, k, finishedFrom, finishedTo, updatedBefore,
                createdFrom, createdTo);
    }

    public TaskFilter withUpdatedBefore(Instant before) {
        return new TaskFilter(account, report, schedule, parent, statuses, kinds, finishedFrom, finishedTo,
                Optional.of(before), createdFrom, createdTo);
    }
}
