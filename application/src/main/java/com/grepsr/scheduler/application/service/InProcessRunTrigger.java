package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.Optional;

/**
 * Fires a claimed run by calling OneTimeRun in this process, as the scheduler itself. Idempotent
 * per run because OneTimeRun is: the task's id is the run's.
 */
public final class InProcessRunTrigger implements RunTriggerPort {

    private final OneTimeRunUseCase oneTimeRun;

    public InProcessRunTrigger(OneTimeRunUseCase oneTimeRun) {
        this.oneTimeRun = oneTimeRun;
    }

    @Override
    public TaskId trigger(ScheduledRun run) {
        OneTimeRunUseCase.Command command = new OneTimeRunUseCase.Command(run.report(), Optional.of(run.scheduleId()),
                Optional.of(run.id()), Parameters.NONE, Optional.empty());
        return oneTimeRun.execute(Caller.system(), command).task().id();
    }
}
