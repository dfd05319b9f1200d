package com.grepsr.scheduler.application;

import com.grepsr.scheduler.application.common.IdempotentRequests;
import com.grepsr.scheduler.application.daemon.CalculatorDaemon;
import com.grepsr.scheduler.application.daemon.DaemonSettings;
import com.grepsr.scheduler.application.daemon.ProcessorDaemon;
import com.grepsr.scheduler.application.daemon.reconcile.AdvanceParentsStep;
import com.grepsr.scheduler.application.daemon.reconcile.FollowLaunchesStep;
import com.grepsr.scheduler.application.daemon.reconcile.ForgetRequestIdsStep;
import com.grepsr.scheduler.application.daemon.reconcile.MissOverdueRunsStep;
import com.grepsr.scheduler.application.daemon.reconcile.ReconcilerDaemon;
import com.grepsr.scheduler.application.daemon.reconcile.RelaunchOrphansStep;
import com.grepsr.scheduler.application.daemon.reconcile.ResumePausesStep;
import com.grepsr.scheduler.application.daemon.reconcile.Retention;
import com.grepsr.scheduler.application.daemon.reconcile.RetentionSettings;
import com.grepsr.scheduler.application.history.GetTaskHistoryBySchedulerIdService;
import com.grepsr.scheduler.application.history.GetTaskHistoryInfoService;
import com.grepsr.scheduler.application.run.BatchRunFiring;
import com.grepsr.scheduler.application.run.GetAllMissedRunsService;
import com.grepsr.scheduler.application.run.GetMissedScheduleRunsService;
import com.grepsr.scheduler.application.run.GetScheduledTasksService;
import com.grepsr.scheduler.application.run.EarlierLaunches;
import com.grepsr.scheduler.application.run.InProcessRunTrigger;
import com.grepsr.scheduler.application.run.ManualTasks;
import com.grepsr.scheduler.application.run.OneTimeRunService;
import com.grepsr.scheduler.application.run.OneTimeTestRunService;
import com.grepsr.scheduler.application.run.RunSettlement;
import com.grepsr.scheduler.application.run.StopRunService;
import com.grepsr.scheduler.application.schedule.GetAllSchedulesService;
import com.grepsr.scheduler.application.schedule.GetNextSchedulesService;
import com.grepsr.scheduler.application.schedule.GetScheduleService;
import com.grepsr.scheduler.application.schedule.GetSchedulesService;
import com.grepsr.scheduler.application.schedule.GetUpcomingAccountSchedulesService;
import com.grepsr.scheduler.application.schedule.ScheduleService;
import com.grepsr.scheduler.application.schedule.StopScheduleService;
import com.grepsr.scheduler.application.schedule.UnpauseScheduleService;
import com.grepsr.scheduler.application.schedule.UpdateScheduleService;
import com.grepsr.scheduler.application.task.multiprocess.AddToTaskQueueService;
import com.grepsr.scheduler.application.task.GetActiveTasksV2Service;
import com.grepsr.scheduler.application.task.multiprocess.GetChildTasksService;
import com.grepsr.scheduler.application.task.GetCompletedTasksService;
import com.grepsr.scheduler.application.task.GetStatsService;
import com.grepsr.scheduler.application.task.GetTaskInfoService;
import com.grepsr.scheduler.application.task.GetTaskStatusService;
import com.grepsr.scheduler.application.task.GetTasksStatusService;
import com.grepsr.scheduler.application.task.multiprocess.MultiProcessCoordinator;
import com.grepsr.scheduler.application.task.multiprocess.MultiProcessRunService;
import com.grepsr.scheduler.application.task.multiprocess.StopChildTasksService;
import com.grepsr.scheduler.application.task.StopTaskService;
import com.grepsr.scheduler.application.task.TaskLaunchService;
import com.grepsr.scheduler.application.task.TaskStopper;
import com.grepsr.scheduler.application.task.TaskTransitions;
import com.grepsr.scheduler.application.task.UpdateAllTaskHistoryByStatusService;
import com.grepsr.scheduler.application.task.UpdateMetaByJobService;
import com.grepsr.scheduler.application.task.UpdateTaskHistoryByBatchService;
import com.grepsr.scheduler.application.task.UpdateTaskHistoryService;
import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UnpauseScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.application.port.out.RunTriggerPort;

import java.util.Objects;

/**
 * Every use case and daemon of one scheduler, wired by hand from its {@link SchedulerPorts}: the
 * single place that knows how the services fit together. The bootstrap's Dagger components and
 * the tests both start here, so they cannot drift apart.
 */
public final class SchedulerCore {

    private final SchedulerPorts ports;
    private final DaemonSettings settings;
    private final Retention retention;
    private final TaskTransitions transitions;
    private final TaskLaunchService launches;
    private final TaskStopper stopper;
    private final RunSettlement settlement;
    private final MultiProcessCoordinator coordinator;
    private final UnpauseScheduleService unpause;
    private final OneTimeRunService oneTimeRun;
    private final BatchRunFiring batchFiring;
    private final SchedulerUseCases useCases;

    public SchedulerCore(SchedulerPorts p, DaemonSettings settings) {
        this(p, settings, RetentionSettings.DEFAULTS);
    }

    public SchedulerCore(SchedulerPorts p, DaemonSettings settings, RetentionSettings retention) {
        this(p, settings, retention, () -> { });
    }

    /**
     * @param schedulesChanged called after a client created, updated or unpaused a schedule, e.g.
     *                         to wake this process's calculator so the new timing's runs exist at
     *                         once instead of at its next idle tick
     */
    public SchedulerCore(SchedulerPorts p, DaemonSettings settings, RetentionSettings retention,
                         Runnable schedulesChanged) {
        this.ports = Objects.requireNonNull(p, "ports");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.retention = new Retention(p.runs(), p.tasks(), p.history(), p.outbox(), p.tx(),
                Objects.requireNonNull(retention, "retention"));
        transitions = new TaskTransitions(p.tasks(), p.history(), p.tx(), p.clock());
        launches = new TaskLaunchService(p.tasks(), p.history(), p.catalog(), p.launcher(), p.tx(), p.clock());
        stopper = new TaskStopper(p.tasks(), p.history(), p.queue(), p.launcher(), p.tx(), p.clock());
        settlement = new RunSettlement(p.runs(), p.tasks(), p.outbox(), p.tx(), p.ids());
        IdempotentRequests requests = new IdempotentRequests(p.requests(), p.tx(), p.clock(),
                settings.requestIdRetention());
        coordinator = new MultiProcessCoordinator(p.tasks(), p.history(), p.queue(), launches, stopper, p.ids(), p.tx(),
                p.clock());
        unpause = new UnpauseScheduleService(p.schedules(), p.outbox(), p.tx(), p.ids(), p.clock());
        ManualTasks manual = new ManualTasks(p.tasks(), launches, p.ids(), requests, p.clock());
        oneTimeRun = new OneTimeRunService(p.schedules(), p.runs(), p.tasks(), launches, manual, p.clock());
        batchFiring = new BatchRunFiring(p.schedules(), p.tasks(), p.history(), launches, p.tx(), p.clock());
        UpdateTaskHistoryService updateTaskHistory = new UpdateTaskHistoryService(p.tasks(), transitions);
        useCases = new SchedulerUseCases(
                oneTimeRun,
                new OneTimeTestRunService(launches, manual),
                new StopRunService(stopper),
                waking(new ScheduleService(p.schedules(), p.outbox(), p.catalog(), p.ids(), requests, p.clock()),
                        schedulesChanged),
                new StopScheduleService(p.schedules(), p.runs(), stopper, p.outbox(), p.tx(), p.ids(), p.clock()),
                waking(new UpdateScheduleService(p.schedules(), p.runs(), p.outbox(), p.tx(), p.ids(), p.clock()),
                        schedulesChanged),
                new AddToTaskQueueService(p.tasks(), p.queue(), coordinator, p.tx(), p.clock()),
                new GetTaskStatusService(p.tasks()),
                new MultiProcessRunService(p.tasks(), p.history(), p.queue(), launches, coordinator, p.ids(), p.tx(),
                        requests, p.clock()),
                new GetTasksStatusService(p.tasks()),
                new GetActiveTasksV2Service(p.tasks()),
                new GetScheduledTasksService(p.schedules(), p.runs()),
                new GetCompletedTasksService(p.tasks()),
                new GetChildTasksService(p.tasks()),
                new StopTaskService(p.tasks(), stopper),
                new StopChildTasksService(p.tasks(), stopper),
                new GetSchedulesService(p.schedules(), p.clock()),
                waking(unpause, schedulesChanged),
                updateTaskHistory,
                new UpdateMetaByJobService(p.tasks(), updateTaskHistory),
                new UpdateTaskHistoryByBatchService(updateTaskHistory),
                new GetTaskInfoService(p.tasks(), p.clock()),
                new GetStatsService(p.tasks()),
                new GetTaskHistoryBySchedulerIdService(p.history(), p.schedules()),
                new GetTaskHistoryInfoService(p.history()),
                new UpdateAllTaskHistoryByStatusService(p.tasks(), transitions, stopper, p.tx()),
                new GetMissedScheduleRunsService(p.schedules(), p.runs()),
                new GetUpcomingAccountSchedulesService(p.schedules(), p.clock()),
                new GetAllSchedulesService(p.schedules(), p.clock()),
                new GetAllMissedRunsService(p.runs()),
                new GetNextSchedulesService(p.schedules(), p.clock()),
                new GetScheduleService(p.schedules(), p.clock())).requireComplete();
    }

    public SchedulerPorts ports() { return ports; }
    public DaemonSettings settings() { return settings; }

    /** Every use case, one per gRPC method. */
    public SchedulerUseCases useCases() {
        return useCases;
    }

    // ---- daemons ---------------------------------------------------------------------------

    public CalculatorDaemon calculator() {
        return new CalculatorDaemon(ports.schedules(), ports.runs(), ports.tx(), ports.ids(), settings);
    }

    /** A processor firing runs in this process (OneTimeRun called directly). */
    public ProcessorDaemon processor(String replica) {
        return processor(replica, inProcessTrigger());
    }

    /** Fires runs in this process through OneTimeRun, a claimed batch together. */
    public RunTriggerPort inProcessTrigger() {
        return new InProcessRunTrigger(oneTimeRun, batchFiring);
    }

    /** A processor firing runs through {@code trigger}, e.g. a remote scheduler service. */
    public ProcessorDaemon processor(String replica, RunTriggerPort trigger) {
        return new ProcessorDaemon(ports.runs(), ports.schedules(), ports.tasks(), trigger, stopper, settlement,
                ports.tx(), ports.launcher(), settings, replica);
    }

    public ReconcilerDaemon reconciler() {
        return new ReconcilerDaemon(new ReconcilerDaemon.Steps(
                new ResumePausesStep(ports.schedules(), unpause),
                new FollowLaunchesStep(ports.tasks(), ports.launcher(), transitions, settings.lostGrace()),
                new RelaunchOrphansStep(ports.tasks(), launches, settings.lostGrace()),
                new AdvanceParentsStep(ports.tasks(), transitions, coordinator),
                new MissOverdueRunsStep(ports.runs(), settlement, new EarlierLaunches(ports.launcher()),
                        settings.maxCatchUp()),
                new ForgetRequestIdsStep(ports.requests(), settings.requestIdRetention()),
                retention));
    }

    /** The reconciler's prune step, for the CLI's {@code prune}. */
    public Retention retention() {
        return retention;
    }

    // ---- the use cases that change what the calculator must materialize ----------------------

    private static ScheduleUseCase waking(ScheduleUseCase u, Runnable changed) {
        return (caller, command) -> after(u.execute(caller, command), changed);
    }

    private static UpdateScheduleUseCase waking(UpdateScheduleUseCase u, Runnable changed) {
        return (caller, command) -> after(u.execute(caller, command), changed);
    }

    private static UnpauseScheduleUseCase waking(UnpauseScheduleUseCase u, Runnable changed) {
        return (caller, command) -> after(u.execute(caller, command), changed);
    }

    private static <T> T after(T result, Runnable changed) {
        changed.run();
        return result;
    }
}
