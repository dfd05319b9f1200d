package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.GetTaskStatusUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.Objects;

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
