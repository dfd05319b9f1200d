package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.StopTaskUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.List;

/** StopTask: a user stopping a task, through {@link TaskStopper}. */
public final class StopTaskService implements StopTaskUseCase {

    private final TaskStorePort tasks;
    private final TaskAccess access;
    private final TaskStopper stopper;

    public StopTaskService(TaskStorePort tasks, TaskStopper stopper) {
        this.tasks = tasks;
        this.access = new TaskAccess(tasks);
        this.stopper = stopper;
    }

    @Override
    public StopTaskUseCase.Result execute(Caller caller, StopTaskUseCase.Command command) {
        Task task = access.load(caller, command.taskId());
        List<TaskId> stopped = stopper.stop(task, Messages.stoppedBy(caller, command.reason()), Source.USER);
        return new StopTaskUseCase.Result(tasks.find(task.id()).orElse(task), stopped);
    }
}
