package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.in.GetScheduledTasksUseCase;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.run.RunStatus;

import java.util.Set;

/** GetScheduledTasks: upcoming PENDING runs, soonest first. */
public final class GetScheduledTasksService implements GetScheduledTasksUseCase {

    private final ScheduleAccess access;
    private final ScheduledRunStorePort runs;

    public GetScheduledTasksService(ScheduleStorePort schedules, ScheduledRunStorePort runs) {
        this.access = new ScheduleAccess(schedules);
        this.runs = runs;
    }

    @Override
    public GetScheduledTasksUseCase.Result execute(Caller caller, GetScheduledTasksUseCase.Query query) {
        query.scheduleId().ifPresent(id -> access.load(caller, id));
        RunFilter filter = RunFilter.none().withAccount(caller.scope(query.account())).withReport(query.report())
                .withSchedule(query.scheduleId()).withStatuses(Set.of(RunStatus.PENDING))
                .firingBetween(query.from(), query.to());
        return new GetScheduledTasksUseCase.Result(runs.list(filter, query.page()));
    }
}
