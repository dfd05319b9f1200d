package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.in.GetAllMissedRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetMissedScheduleRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduledTasksUseCase;
import com.grepsr.scheduler.application.port.out.ScheduleStorePort;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.run.RunStatus;

import java.util.Set;

/**
 * Reads materialized runs: missed ones (GetMissedScheduleRuns, GetAllMissedRuns; newest first)
 * and upcoming PENDING ones (GetScheduledTasks; soonest first).
 */
public final class RunQueryService
        implements GetMissedScheduleRunsUseCase, GetAllMissedRunsUseCase, GetScheduledTasksUseCase {

    private final ScheduleAccess access;
    private final ScheduledRunStorePort runs;

    public RunQueryService(ScheduleStorePort schedules, ScheduledRunStorePort runs) {
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

    @Override
    public GetAllMissedRunsUseCase.Result execute(Caller caller, GetAllMissedRunsUseCase.Query query) {
        caller.requireAdmin("GetAllMissedRuns");
        RunFilter filter = RunFilter.none().withAccount(query.account())
                .withStatuses(missed(query.includeSkipped())).firingBetween(query.from(), query.to())
                .sortedNewestFirst();
        return new GetAllMissedRunsUseCase.Result(runs.list(filter, query.page()));
    }

    @Override
    public GetScheduledTasksUseCase.Result execute(Caller caller, GetScheduledTasksUseCase.Query query) {
        query.scheduleId().ifPresent(id -> access.load(caller, id));
        RunFilter filter = RunFilter.none().withAccount(caller.scope(query.account())).withReport(query.report())
                .withSchedule(query.scheduleId()).withStatuses(Set.of(RunStatus.PENDING))
                .firingBetween(query.from(), query.to());
        return new GetScheduledTasksUseCase.Result(runs.list(filter, query.page()));
    }

    private static Set<RunStatus> missed(boolean includeSkipped) {
        return includeSkipped ? Set.of(RunStatus.MISSED, RunStatus.SKIPPED) : Set.of(RunStatus.MISSED);
    }
}
