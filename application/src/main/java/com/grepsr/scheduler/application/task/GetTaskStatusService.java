package com.grepsr.scheduler.application.task;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.GetTaskStatusUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;

/** GetTaskStatus: one task's status, for its account or an admin. */
public final class GetTaskStatusService implements GetTaskStatusUseCase {

    private final TaskAccess access;

    public GetTaskStatusService(TaskStorePort tasks) {
        this.access = new TaskAccess(tasks);
    }

    @Override
    public GetTaskStatusUseCase.Result execute(Caller caller, GetTaskStatusUseCase.Query query) {
        return GetTaskStatusUseCase.Result.of(access.load(caller, query.taskId()));
    }
}
