package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.in.GetMissedScheduleRunsUseCase;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.run.RunStatus;

import java.util.Set;

/** GetMissedScheduleRuns: a schedule's, report's or account's missed runs, newest first. */
public final class GetMissedScheduleRunsService implements GetMissedScheduleRunsUseCase {

    private final ScheduleAccess access;
    private final ScheduledRunStorePort runs;

    public GetMissedScheduleRunsService(ScheduleStorePort schedules, ScheduledRunStorePort runs) {
        this.access = new ScheduleAccess(schedules);
        this.runs = runs;
    }

    @Override
    public GetMissedScheduleRunsUseCase.Result execute(Caller caller, GetMissedScheduleRunsUseCase.Query query) {
        // naming a schedule: unknown is NOT_FOUND and another account's is denied, not an empty list
        query.scheduleId().ifPresent(id -> access.load(caller, id));
        RunFilter filter = RunFilter.none().withAccount(caller.scope(query.account())).withReport(query.report())
                .withSchedule(query.scheduleId()).withStatuses(missed(query.includeSkipped()))
                .firingBetween(query.from(), query.to()).sortedNewestFirst();
        return new GetMissedScheduleRunsUseCase.Result(runs.list(filter, query.page()));
    }

    private static Set<RunStatus> missed(boolean includeSkipped) {
        return includeSkipped ? Set.of(RunStatus.MISSED, RunStatus.SKIPPED) : Set.of(RunStatus.MISSED);
    }
}
