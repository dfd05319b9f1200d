package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.model.ScheduleFilter;
import com.grepsr.scheduler.application.port.in.GetAllSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.time.Clock;
import java.time.Instant;

/** GetAllSchedules: every schedule, a keyset walk in id order (admins). */
public final class GetAllSchedulesService implements GetAllSchedulesUseCase {

    private final ScheduleStorePort schedules;
    private final Clock clock;

    public GetAllSchedulesService(ScheduleStorePort schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public GetAllSchedulesUseCase.Result execute(Caller caller, GetAllSchedulesUseCase.Query query) {
        caller.requireAdmin("GetAllSchedules");
        ScheduleFilter filter = new ScheduleFilter(query.account(), query.project(), query.report(), query.statuses());
        return new GetAllSchedulesUseCase.Result(list(filter, query.page()));
    }

    private Page<ScheduleSummary> list(ScheduleFilter filter, PageRequest page) {
        Instant now = clock.instant();
        return schedules.list(filter, page).map(s -> Occurrences.summary(s, now));
    }
}
