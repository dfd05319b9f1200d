package com.grepsr.scheduler.application.task.multiprocess;

import com.grepsr.scheduler.application.task.TaskAccess;
import com.grepsr.scheduler.application.task.TaskStopper;
import com.grepsr.scheduler.application.common.Messages;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.StopChildTasksUseCase;
import com.grepsr.scheduler.application.port.out.TaskStorePort;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;

/** StopChildTasks: a user stopping a multi-process parent's children, through {@link TaskStopper}. */
public final class StopChildTasksService implements StopChildTasksUseCase {

    private final TaskAccess access;
    private final TaskStopper stopper;

    public StopChildTasksService(TaskStorePort tasks, TaskStopper stopper) {
        this.access = new TaskAccess(tasks);
        this.stopper = stopper;
    }

    @Override
    public StopChildTasksUseCase.Result execute(Caller caller, StopChildTasksUseCase.Command command) {
        Task parent = TaskAccess.requireParent(access.load(caller, command.parentTaskId()));
        TaskStopper.StoppedChildren r = stopper.stopChildren(parent, Messages.stoppedBy(caller, command.reason()),
                Source.USER);
        return new StopChildTasksUseCase.Result(r.stopped(), r.droppedWorkItems());
    }
}
