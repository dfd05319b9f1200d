package com.grepsr.scheduler.application.port.in;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;

import java.util.Optional;
import java.util.Set;

/**
 * GetAllSchedules (admins only): every schedule, optionally filtered by account, project, report
 * and status, in creation order, one keyset page at a time. With no status filter, DELETED
 * schedules are left out, as in GetSchedules.
 */
public interface GetAllSchedulesUseCase {

    record Query(Optional<AccountId> account, Optional<ProjectId> project, Optional<ReportId> report,
                 Set<ScheduleStatus> statuses, PageRequest page) {
        public Query {
            account = account == null ? Optional.empty() : account;
            project = project == null ? Optional.empty() : project;
            report = report == null ? Optional.empty() : report;
            statuses = statuses == null || statuses.isEmpty() ? GetSchedulesUseCase.VISIBLE : Set.copyOf(statuses);
            page = page == null ? PageRequest.first(PageRequest.DEFAULT_SIZE) : page;
        }

        public static Query all(PageRequest page) {
            return new Query(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), page);
        }
    }

    record Result(Page<ScheduleSummary> page) {
    }

    /** @throws com.grepsr.scheduler.domain.error.AccessDeniedException for a caller that is not an admin */
    Result execute(Caller caller, Query query);
}
