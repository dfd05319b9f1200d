package com.grepsr.scheduler.application.model;

import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;

import java.util.Optional;
import java.util.Set;

/**
 * Which schedules a list returns; empty parts match everything. Lists are ordered by schedule
 * id (creation order).
 */
public record ScheduleFilter(Optional<AccountId> account, Optional<ProjectId> project, Optional<ReportId> report,
                             Set<ScheduleStatus> statuses) {

    public ScheduleFilter {
        account = account == null ? Optional.empty() : account;
        project = project == null ? Optional.empty() : project;
        report = report == null ? Optional.empty() : report;
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static ScheduleFilter all() {
        return new ScheduleFilter(Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    }

    public static ScheduleFilter withStatuses(Set<ScheduleStatus> statuses) {
        return new ScheduleFilter(Optional.empty(), Optional.empty(), Optional.empty(), statuses);
    }
}
