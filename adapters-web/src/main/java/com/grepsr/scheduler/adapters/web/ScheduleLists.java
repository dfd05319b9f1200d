package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.GetAllSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.common.ProjectId;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;

import java.util.Optional;
import java.util.Set;

/**
 * A page of schedules as gRPC lists them for this caller: across accounts with GetAllSchedules,
 * which is an admin's; within the caller's account with GetSchedules (no report or project: the
 * whole account), which is an account token's way — so an account's pages list its schedules.
 */
final class ScheduleLists {

    private final GetAllSchedulesUseCase all;
    private final GetSchedulesUseCase ofAccount;

    ScheduleLists(GetAllSchedulesUseCase all, GetSchedulesUseCase ofAccount) {
        this.all = all;
        this.ofAccount = ofAccount;
    }

    Page<ScheduleSummary> page(Caller caller, Optional<AccountId> account, Optional<ProjectId> project,
                               Optional<ReportId> report, Set<ScheduleStatus> statuses, PageRequest page) {
        if (caller.isAdmin()) {
            return all.execute(caller, new GetAllSchedulesUseCase.Query(account, project, report, statuses, page))
                    .page();
        }
        return ofAccount.execute(caller, new GetSchedulesUseCase.Query(report, project,
                account.or(caller::account), statuses, page)).page();
    }
}
