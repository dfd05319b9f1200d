package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.StopRunUseCase;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;

import java.util.Optional;

/** StopRun: a user stopping a run's task, through {@link TaskStopper}. */
public final class StopRunService implements StopRunUseCase {

    private final TaskStopper stopper;

    public StopRunService(TaskStopper stopper) {
        this.stopper = stopper;
    }

    @Override
    public StopRunUseCase.Result execute(Caller caller, StopRunUseCase.Command command) {
        TaskFilter filter = new TaskFilter(caller.scope(Optional.empty()), Optional.of(command.reportId()),
                null, null, null, null, null, null, null);
        return new StopRunUseCase.Result(stopper.stopAll(filter, Messages.stoppedBy(caller, command.reason()), Source.USER));
    }
}
