package com.grepsr.scheduler.application.run;

import com.grepsr.scheduler.application.SchedulerCore;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fires a claimed run by calling OneTimeRun in this process, as the scheduler itself. Idempotent
 * per run because OneTimeRun is: the task's id is the run's. Built by {@link SchedulerCore}, it
 * fires a batch of runs together ({@link BatchRunFiring}); built from a bare use case, one by one.
 * Either way it runs inside the processor's claim transaction (see {@link #joinsClaimTransaction}).
 */
public final class InProcessRunTrigger implements RunTriggerPort {

    private final OneTimeRunUseCase oneTimeRun;
    private final BatchRunFiring batch;

    /** Fires through {@code oneTimeRun}, also {@link #triggerAll} one run at a time. */
    public InProcessRunTrigger(OneTimeRunUseCase oneTimeRun) {
        this(oneTimeRun, null);
    }

    public InProcessRunTrigger(OneTimeRunUseCase oneTimeRun, BatchRunFiring batch) {
        this.oneTimeRun = oneTimeRun;
        this.batch = batch;
    }

    @Override
    public TaskId trigger(ScheduledRun run) {
        OneTimeRunUseCase.Command command = new OneTimeRunUseCase.Command(run.report(), Optional.of(run.scheduleId()),
                Optional.of(run.id()), Parameters.NONE, Optional.empty());
        return oneTimeRun.execute(Caller.system(), command).task().id();
    }

    @Override
    public Map<ScheduledRunId, TaskId> triggerAll(List<ScheduledRun> runs) {
        return triggerAll(runs, Map.of());
    }

    @Override
    public Map<ScheduledRunId, TaskId> triggerAll(List<ScheduledRun> runs, Map<ScheduleId, Schedule> schedules) {
        return batch == null ? RunTriggerPort.super.triggerAll(runs) : batch.fireAll(runs, schedules, this::trigger);
    }

    /** OneTimeRun writes through this process's stores, so it joins the processor's claim transaction. */
    @Override
    public boolean joinsClaimTransaction() {
        return true;
    }
}
