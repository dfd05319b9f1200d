package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.GetScheduleUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.domain.schedule.Schedule;

import java.time.Clock;
import java.time.Instant;

/** GetSchedule: one schedule by id. */
public final class GetScheduleService implements GetScheduleUseCase {

    private final ScheduleAccess access;
    private final Clock clock;

    public GetScheduleService(ScheduleStorePort schedules, Clock clock) {
        this.access = new ScheduleAccess(schedules);
        this.clock = clock;
    }

    @Override
    public GetScheduleUseCase.Result execute(Caller caller, GetScheduleUseCase.Query query) {
        return new GetScheduleUseCase.Result(Occurrences.summary(access.load(caller, query.scheduleId()), clock.instant()));
    }
}
