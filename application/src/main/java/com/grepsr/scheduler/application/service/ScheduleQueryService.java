package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.port.in.GetAllSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduleUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.common.AccountId;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads schedules: one by id, a report's, project's or whole account's (GetSchedules), all of them
 * (GetAllSchedules), each a keyset walk in id order (a whole account's: on the stores'
 * (account_id, id) index).
 */
public final class ScheduleQueryService implements GetSchedulesUseCase, GetAllSchedulesUseCase, GetScheduleUseCase {

    private final ScheduleAccess access;
    private final ScheduleStorePort schedules;
    private final Clock clock;

    public ScheduleQueryService(ScheduleStorePort schedules, Clock clock) {
        this.access = new ScheduleAccess(schedules);
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public GetSchedulesUseCase.Result execute(Caller caller, GetSchedulesUseCase.Query query) {
        Optional<AccountId> account = caller.scope(query.account());
        if (query.wholeAccount() && account.isEmpty()) {
            throw ValidationException.of("report_id", "give a report id, a project id or an account id "
                    + "(everyone's schedules: GetAllSchedules)");
        }
        ScheduleFilter filter = new ScheduleFilter(account, query.project(), query.report(), query.statuses());
        return new GetSchedulesUseCase.Result(list(filter, query.page()));
    }

    @Override
    public GetAllSchedulesUseCase.Result execute(Caller caller, GetAllSchedulesUseCase.Query query) {
        caller.requireAdmin("GetAllSchedules");
        ScheduleFilter filter = new ScheduleFilter(query.account(), query.project(), query.report(), query.statuses());
        return new GetAllSchedulesUseCase.Result(list(filter, query.page()));
    }

    @Override
    public GetScheduleUseCase.Result execute(Caller caller, GetScheduleUseCase.Query query) {
        return new GetScheduleUseCase.Result(summary(access.load(caller, query.scheduleId()), clock.instant()));
    }

    private Page<ScheduleSummary> list(ScheduleFilter filter, PageRequest page) {
        Instant now = clock.instant();
        return schedules.list(filter, page).map(s -> summary(s, now));
    }

    private static ScheduleSummary summary(Schedule schedule, Instant now) {
        return new ScheduleSummary(schedule, Occurrences.nextRun(schedule, now));
    }
}
