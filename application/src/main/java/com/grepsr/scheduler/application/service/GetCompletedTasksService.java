package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.GetCompletedTasksUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;

import java.util.Objects;
import java.util.Optional;

/** GetCompletedTasks: the caller's finished tasks in a window, by filter. */
public final class GetCompletedTasksService implements GetCompletedTasksUseCase {

    private final TaskStorePort tasks;

    public GetCompletedTasksService(TaskStorePort tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    @Override
    public GetCompletedTasksUseCase.Result execute(Caller caller, GetCompletedTasksUseCase.Query q) {
        TaskFilter filter = new TaskFilter(caller.scope(q.account()), q.report(), q.schedule(), Optional.empty(),
                q.statuses(), q.kinds(), Optional.of(q.finished().from()), Optional.of(q.finished().to()), null);
        return new GetCompletedTasksUseCase.Result(tasks.list(filter, q.page()));
    }
}
