package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.GetActiveTasksV2UseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;

import java.util.Objects;
import java.util.Optional;

/** GetActiveTasksV2: the caller's queued, launching and running tasks, by filter. */
public final class GetActiveTasksV2Service implements GetActiveTasksV2UseCase {

    private final TaskStorePort tasks;

    public GetActiveTasksV2Service(TaskStorePort tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    @Override
    public GetActiveTasksV2UseCase.Result execute(Caller caller, GetActiveTasksV2UseCase.Query q) {
        TaskFilter filter = new TaskFilter(caller.scope(q.account()), q.report(), q.schedule(), Optional.empty(),
                q.statuses(), q.kinds(), null, null, null);
        return new GetActiveTasksV2UseCase.Result(tasks.list(filter, q.page()));
    }
}
