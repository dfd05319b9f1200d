package com.grepsr.scheduler.bootstrap.observe;

import com.grepsr.scheduler.application.port.out.RunTriggerPort;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Wraps the processor's trigger: puts the schedule and run ids in the logging context for
 * everything the firing logs (the application's lines included), logs the fired run with its task,
 * and measures runs launched and dispatch lag (launch time − fire time).
 */
public final class ObservedRunTrigger implements RunTriggerPort {

    private static final Logger LOG = LoggerFactory.getLogger(ObservedRunTrigger.class);

    private final RunTriggerPort delegate;
    private final SchedulerMetrics metrics;
    private final Clock clock;

    public ObservedRunTrigger(RunTriggerPort delegate, SchedulerMetrics metrics, Clock clock) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public TaskId trigger(ScheduledRun run) {
        try (var s = MDC.putCloseable("schedule", run.scheduleId().value());
             var r = MDC.putCloseable("run", run.id().value())) {
            TaskId task = delegate.trigger(run);
            Duration lag = Duration.between(run.fireAt(), clock.instant());
            metrics.runLaunched(lag);
            try (var t = MDC.putCloseable("task", task.value())) {
                LOG.info("fired run {} of schedule {} due {} as task {} (lag {} ms)", run.id().value(),
                        run.scheduleId().value(), run.fireAt(), task.value(), lag.toMillis());
            }
            return task;
        }
    }

    @Override
    public Map<ScheduledRunId, TaskId> triggerAll(List<ScheduledRun> runs) {
        return observed(runs, delegate.triggerAll(runs));
    }

    @Override
    public Map<ScheduledRunId, TaskId> triggerAll(List<ScheduledRun> runs, Map<ScheduleId, Schedule> schedules) {
        return observed(runs, delegate.triggerAll(runs, schedules));
    }

    @Override
    public boolean joinsClaimTransaction() {
        return delegate.joinsClaimTransaction();
    }

    /** The delegate's batch, observed run by run once it returned (the batch has one lag per run). */
    private Map<ScheduledRunId, TaskId> observed(List<ScheduledRun> runs, Map<ScheduledRunId, TaskId> tasks) {
        Instant launched = clock.instant();
        for (ScheduledRun run : runs) {
            TaskId task = tasks.get(run.id());
            Duration lag = Duration.between(run.fireAt(), launched);
            metrics.runLaunched(lag);
            try (var s = MDC.putCloseable("schedule", run.scheduleId().value());
                 var r = MDC.putCloseable("run", run.id().value());
                 var t = MDC.putCloseable("task", task.value())) {
                LOG.info("fired run {} of schedule {} due {} as task {} (lag {} ms)", run.id().value(),
                        run.scheduleId().value(), run.fireAt(), task.value(), lag.toMillis());
            }
        }
        return tasks;
    }
}
