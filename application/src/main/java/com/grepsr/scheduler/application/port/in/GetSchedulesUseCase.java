package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * GetSchedules: the schedules of a report and/or a project, in creation order, one keyset page at
 * a time. Confined to the caller's account. With neither a report nor a project, all of an
 * account's schedules: an account caller's own, or for an admin the account it names (an admin
 * naming none is refused: everyone's schedules are GetAllSchedules). With no status filter,
 * DELETED schedules are left out (ask for DELETED to see them).
 */
public interface GetSchedulesUseCase {

    /** What a list shows when no status is asked for: everything but the deleted. */
    Set<ScheduleStatus> VISIBLE = Set.copyOf(EnumSet.complementOf(EnumSet.of(ScheduleStatus.DELETED)));

    /**
     * @param report   the report's schedules
     * @param project  the project's schedules (with {@code report}: both must match)
     * @param account  for admins, the account (required with neither report nor project); for
     *                 account callers it must be their own, or empty
     * @param statuses only these statuses; empty for all but DELETED
     * @param page     page size and token
     */
    record Query(Optional<ReportId> report, Optional<ProjectId> project, Optional<AccountId> account,
                 Set<ScheduleStatus> statuses, PageRequest page) {
        public Query {
            report = report == null ? Optional.empty() : report;
            project = project == null ? Optional.empty() : project;
            account = account == null ? Optional.empty() : account;
            statuses = statuses == null || statuses.isEmpty() ? VISIBLE : Set.copyOf(statuses);
            page = page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page;
        }

        /** Whether this asks for a whole account's schedules rather than a report's or a project's. */
        public boolean wholeAccount() {
            return report.isEmpty() && project.isEmpty();
        }

        public static Query ofReport(ReportId report, PageRequest page) {
            return new Query(Optional.of(report), Optional.empty(), Optional.empty(), Set.of(), page);
        }

        public static Query ofProject(ProjectId project, PageRequest page) {
            return new Query(Optional.empty(), Optional.of(project), Optional.empty(), Set.of(), page);
        }
    }

    /**
     * One schedule as a list shows it.
     *
     * @param schedule  the schedule
     * @param nextRunAt its next fire time after now when ACTIVE (skipped occurrences left out)
     */
    record ScheduleSummary(Schedule schedule, Optional<Instant> nextRunAt) {
    }

    record Result(Page<ScheduleSummary> page) {
    }

    /**
     * @throws com.grepsr.scheduler.domain.error.AccessDeniedException when asking for another account
     * @throws ValidationException on {@code report_id} when an admin names no report, project or account
     */
    Result execute(Caller caller, Query query);
}
