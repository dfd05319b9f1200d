package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.GetStatsUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;

import java.util.Objects;
import java.util.Optional;

/** GetStats: counts and durations of the caller's tasks, by filter. */
public final class GetStatsService implements GetStatsUseCase {

    private final TaskStorePort tasks;

    public GetStatsService(TaskStorePort tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    @Override
    public GetStatsUseCase.Result execute(Caller caller, GetStatsUseCase.Query q) {
        boolean byCreation = q.basis() == Basis.CREATED;
        TaskFilter filter = new TaskFilter(caller.scope(q.account()), q.report(), q.schedule(), Optional.empty(),
                null, q.kinds(),
                byCreation ? Optional.empty() : Optional.of(q.window().from()),
                byCreation ? Optional.empty() : Optional.of(q.window().to()),
                Optional.empty(),
                byCreation ? Optional.of(q.window().from()) : Optional.empty(),
                byCreation ? Optional.of(q.window().to()) : Optional.empty());
        return new GetStatsUseCase.Result(tasks.stats(filter), q.basis(), q.window());
    }
}
