package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.GetActiveTasksV2UseCase;
import com.grepsr.scheduler.application.port.in.GetCompletedTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetStatsUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;

import java.util.Objects;
import java.util.Optional;

/**
 * Lists and counts tasks by filter: active tasks, completed tasks in a window, and statistics.
 * Every query is confined to the caller's account ({@link Caller#scope}).
 */
public final class TaskListService implements GetActiveTasksV2UseCase, GetCompletedTasksUseCase, GetStatsUseCase {

    private final TaskStorePort tasks;

    public TaskListService(TaskStorePort tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    @Override
    public GetActiveTasksV2UseCase.Result execute(Caller caller, GetActiveTasksV2UseCase.Query q) {
        TaskFilter filter = new TaskFilter(caller.scope(q.account()), q.report(), q.schedule(), Optional.empty(),
                q.statuses(), q.kinds(), null, null, null);
        return new GetActiveTasksV2UseCase.Result(tasks.list(filter, q.page()));
    }

    @Override
    public GetCompletedTasksUseCase.Result execute(Caller caller, GetCompletedTasksUseCase.Query q) {
        TaskFilter filter = new TaskFilter(caller.scope(q.account()), q.report(), q.schedule(), Optional.empty(),
                q.statuses(), q.kinds(), Optional.of(q.finished().from()), Optional.of(q.finished().to()), null);
        return new GetCompletedTasksUseCase.Result(tasks.list(filter, q.page()));
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
