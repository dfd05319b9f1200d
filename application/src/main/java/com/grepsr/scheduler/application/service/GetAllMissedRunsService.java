package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.RunFilter;
import com.grepsr.scheduler.application.port.in.GetAllMissedRunsUseCase;
import com.grepsr.scheduler.application.port.out.ScheduledRunStorePort;
import com.grepsr.scheduler.domain.run.RunStatus;

import java.util.Set;

/** GetAllMissedRuns: every account's missed runs, newest first (admins). */
public final class GetAllMissedRunsService implements GetAllMissedRunsUseCase {

    private final ScheduledRunStorePort runs;

    public GetAllMissedRunsService(ScheduledRunStorePort runs) {
        this.runs = runs;
    }

    @Override
    public GetAllMissedRunsUseCase.Result execute(Caller caller, GetAllMissedRunsUseCase.Query query) {
        caller.requireAdmin("GetAllMissedRuns");
        RunFilter filter = RunFilter.none().withAccount(query.account())
                .withStatuses(missed(query.includeSkipped())).firingBetween(query.from(), query.to())
                .sortedNewestFirst();
        return new GetAllMissedRunsUseCase.Result(runs.list(filter, query.page()));
    }

    private static Set<RunStatus> missed(boolean includeSkipped) {
        return includeSkipped ? Set.of(RunStatus.MISSED, RunStatus.SKIPPED) : Set.of(RunStatus.MISSED);
    }
}
