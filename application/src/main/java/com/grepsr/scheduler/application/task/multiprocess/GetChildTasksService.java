package com.grepsr.scheduler.application.task.multiprocess;

import com.grepsr.scheduler.application.task.TaskAccess;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.Page;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.GetChildTasksUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.task.Task;

import java.util.Optional;

/** GetChildTasks: a multi-process parent's children. */
public final class GetChildTasksService implements GetChildTasksUseCase {

    private final TaskStorePort tasks;

    public GetChildTasksService(TaskStorePort tasks) {
        this.tasks = tasks;
    }

    @Override
    public GetChildTasksUseCase.Result execute(Caller caller, GetChildTasksUseCase.Query query) {
        // another account's parent is denied, as every other task id is (GetTaskStatus, GetTaskInfo …)
        Task parent = TaskAccess.requireParent(new TaskAccess(tasks).load(caller, query.parentTaskId()));
        TaskFilter filter = TaskFilter.none().withParent(parent.id())
                .withAccount(caller.scope(Optional.of(parent.report().accountId())))
                .withStatuses(query.statuses());
        Page<Task> page = tasks.list(filter, query.page());
        return new GetChildTasksUseCase.Result(page.items(), page.nextPageToken());
    }
}
