package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.in.*;
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
    private final TaskStatusRecorder recorder;
    private final TaskLaunchService launches;
    private final TaskStopper stopper;
    private final RunSettlement settlement;
    private final MultiProcessCoordinator coordinator;
    private final CreateScheduleService createSchedule;
    private final UpdateScheduleService updateSchedule;
    private final ScheduleLifecycleService lifecycle;
    private final ScheduleQueryService scheduleQueries;
    private final NextSchedulesService nextSchedules;
    private final UpcomingRunsService upcoming;
    private final RunQueryService runQueries;
    private final RunNowService runNow;
    private final BatchRunFiring batchFiring;
    private final StopService stops;
    private final MultiProcessService multiProcess;
    private final TaskQueryService taskQueries;
    private final TaskListService taskLists;
    private final TaskReportService taskReports;
    private final BulkTaskTransitionService bulk;
    private final TaskHistoryQueryService historyQueries;

    public SchedulerCore(SchedulerPorts p, DaemonSettings settings) {
        this(p, settings, RetentionSettings.DEFAULTS);
    }

    public SchedulerCore(SchedulerPorts p, DaemonSettings settings, RetentionSettings retention) {
        this.ports = Objects.requireNonNull(p, "ports");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.retention = new Retention(p.runs(), p.tasks(), p.history(), p.outbox(), p.tx(),
                Objects.requireNonNull(retention, "retention"));
        recorder = new TaskStatusRecorder(p.tasks(), p.history(), p.tx(), p.clock());
        launches = new TaskLaunchService(p.tasks(), p.history(), p.catalog(), p.launcher(), p.tx(), p.clock());
        stopper = new TaskStopper(p.tasks(), p.history(), p.queue(), p.launcher(), p.tx(), p.clock());
        settlement = new RunSettlement(p.runs(), p.tasks(), p.outbox(), p.tx(), p.ids());
        IdempotentRequests requests = new IdempotentRequests(p.requests(), p.tx(), p.clock(),
                settings.requestIdRetention());
        coordinator = new MultiProcessCoordinator(p.tasks(), p.history(), p.queue(), launches, stopper, p.ids(), p.tx(),
                p.clock());
        createSchedule = new CreateScheduleService(p.schedules(), p.outbox(), p.catalog(), p.ids(), requests,
                p.clock());
        updateSchedule = new UpdateScheduleService(p.schedules(), p.runs(), p.outbox(), p.tx(), p.ids(), p.clock());
        lifecycle = new ScheduleLifecycleService(p.schedules(), p.runs(), stopper, p.outbox(), p.tx(), p.ids(),
                p.clock());
        scheduleQueries = new ScheduleQueryService(p.schedules(), p.clock());
        nextSchedules = new NextSchedulesService(p.schedules(), p.clock());
        upcoming = new UpcomingRunsService(p.schedules(), p.clock());
        runQueries = new RunQueryService(p.schedules(), p.runs());
        runNow = new RunNowService(p.schedules(), p.runs(), p.tasks(), launches, p.ids(), requests, p.clock());
        batchFiring = new BatchRunFiring(p.schedules(), p.tasks(), p.history(), launches, p.tx(), p.clock());
        stops = new StopService(p.tasks(), stopper);
        multiProcess = new MultiProcessService(p.tasks(), p.history(), p.queue(), launches, coordinator, p.ids(), p.tx(),
                requests, p.clock());
        taskQueries = new TaskQueryService(p.tasks(), p.clock());
        taskLists = new TaskListService(p.tasks());
        taskReports = new TaskReportService(p.tasks(), recorder);
        bulk = new BulkTaskTransitionService(p.tasks(), recorder, stopper, p.tx());
        historyQueries = new TaskHistoryQueryService(p.history(), p.schedules());
    }

    public SchedulerPorts ports() { return ports; }
    public DaemonSettings settings() { return settings; }

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
        return new InProcessRunTrigger(runNow, batchFiring);
    }

    /** A processor firing runs through {@code trigger}, e.g. a remote scheduler service. */
    public ProcessorDaemon processor(String replica, RunTriggerPort trigger) {
        return new ProcessorDaemon(ports.runs(), ports.schedules(), ports.tasks(), trigger, stopper, settlement,
                ports.tx(), ports.launcher(), settings, replica);
    }

    public ReconcilerDaemon reconciler() {
        return new ReconcilerDaemon(ports.schedules(), ports.runs(), ports.tasks(), ports.launcher(), recorder,
                launches, coordinator, lifecycle, settlement, ports.requests(), settings, retention);
    }

    /** The reconciler's prune step, for the CLI's {@code prune}. */
    public Retention retention() {
        return retention;
    }

    // ---- use cases, one accessor per gRPC method ---------------------------------------------

    public OneTimeRunUseCase oneTimeRun() { return runNow; }
    public OneTimeTestRunUseCase oneTimeTestRun() { return runNow; }
    public StopRunUseCase stopRun() { return stops; }
    public ScheduleUseCase schedule() { return createSchedule; }
    public StopScheduleUseCase stopSchedule() { return lifecycle; }
    public UpdateScheduleUseCase updateSchedule() { return updateSchedule; }
    public AddToTaskQueueUseCase addToTaskQueue() { return multiProcess; }
    public GetTaskStatusUseCase getTaskStatus() { return taskQueries; }
    public MultiProcessRunUseCase multiProcessRun() { return multiProcess; }
    public GetTasksStatusUseCase getTasksStatus() { return taskQueries; }
    public GetActiveTasksV2UseCase getActiveTasksV2() { return taskLists; }
    public GetScheduledTasksUseCase getScheduledTasks() { return runQueries; }
    public GetCompletedTasksUseCase getCompletedTasks() { return taskLists; }
    public GetChildTasksUseCase getChildTasks() { return multiProcess; }
    public StopTaskUseCase stopTask() { return stops; }
    public StopChildTasksUseCase stopChildTasks() { return stops; }
    public GetSchedulesUseCase getSchedules() { return scheduleQueries; }
    public GetScheduleUseCase getSchedule() { return scheduleQueries; }
    public UnpauseScheduleUseCase unpauseSchedule() { return lifecycle; }
    public UpdateTaskHistoryUseCase updateTaskHistory() { return taskReports; }
    public UpdateMetaByJobUseCase updateMetaByJob() { return taskReports; }
    public UpdateTaskHistoryByBatchUseCase updateTaskHistoryByBatch() { return taskReports; }
    public GetTaskInfoUseCase getTaskInfo() { return taskQueries; }
    public GetStatsUseCase getStats() { return taskLists; }
    public GetTaskHistoryBySchedulerIdUseCase getTaskHistoryBySchedulerId() { return historyQueries; }
    public GetTaskHistoryInfoUseCase getTaskHistoryInfo() { return historyQueries; }
    public UpdateAllTaskHistoryByStatusUseCase updateAllTaskHistoryByStatus() { return bulk; }
    public GetMissedScheduleRunsUseCase getMissedScheduleRuns() { return runQueries; }
    public GetUpcomingAccountSchedulesUseCase getUpcomingAccountSchedules() { return upcoming; }
    public GetAllSchedulesUseCase getAllSchedules() { return scheduleQueries; }
    public GetAllMissedRunsUseCase getAllMissedRuns() { return runQueries; }
    public GetNextSchedulesUseCase getNextSchedules() { return nextSchedules; }
}
