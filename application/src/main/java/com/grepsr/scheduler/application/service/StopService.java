package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.StopChildTasksUseCase;
import com.grepsr.scheduler.application.port.in.StopRunUseCase;
import com.grepsr.scheduler.application.port.in.StopTaskUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;

import java.util.List;
import java.util.Optional;

/** StopRun, StopTask and StopChildTasks: a user stopping work, through {@link TaskStopper}. */
public final class StopService implements StopRunUseCase, StopTaskUseCase, StopChildTasksUseCase {

    private final TaskStorePort tasks;
    private final TaskStopper stopper;

    public StopService(TaskStorePort tasks, TaskStopper stopper) {
        this.tasks = tasks;
        this.stopper = stopper;
    }

    @Override
    public StopRunUseCase.Result execute(Caller caller, StopRunUseCase.Command command) {
        TaskFilter filter = new TaskFilter(caller.scope(Optional.empty()), Optional.of(command.reportId()),
                null, null, null, null, null, null, null);
        return new StopRunUseCase.Result(stopper.stopAll(filter, message(caller, command.reason()), Source.USER));
    }

    @Override
    public StopTaskUseCase.Result execute(Caller caller, StopTaskUseCase.Command command) {
        Task task = owned(caller, command.taskId());
        List<TaskId> stopped = stopper.stop(task, message(caller, command.reason()), Source.USER);
        return new StopTaskUseCase.Result(tasks.find(task.id()).orElse(task), stopped);
    }

    @Override
    public StopChildTasksUseCase.Result execute(Caller caller, StopChildTasksUseCase.Command command) {
        Task parent = owned(caller, command.parentTaskId());
        if (parent.kind() != TaskKind.PARENT) {
            throw ValidationException.of("parent_task_id", "task " + parent.id() + " is a " + parent.kind()
                    + " task, not a multi-process parent");
        }
        TaskStopper.StoppedChildren r = stopper.stopChildren(parent, message(caller, command.reason()), Source.USER);
        return new StopChildTasksUseCase.Result(r.stopped(), r.droppedWorkItems());
    }

    private Task owned(Caller caller, TaskId id) {
        Task task = tasks.find(id).orElseThrow(() -> new NotFoundException("task", id.value()));
        caller.requireAccess(task.report().accountId(), "task " + id.value());
        return task;
    }

    /** "stopped by alice" or "stopped by alice: wrong category": who stopped a task, and why. */
    static String message(Caller caller, String reason) {
        String by = "stopped by " + Messages.clip(caller.name(), 200);
        return reason.isEmpty() ? by : by + ": " + reason;
    }
}
