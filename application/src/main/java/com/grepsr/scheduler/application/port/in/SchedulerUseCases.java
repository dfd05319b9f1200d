package com.grepsr.scheduler.application.port.in;


import java.lang.reflect.RecordComponent;

/**
 * Every inbound port of the scheduler, one component per gRPC method, in the order of SPEC.md
 * (plus GetSchedule): what an adapter that serves the whole API (gRPC, the dashboard) is given.
 * {@code SchedulerCore.useCases()} builds it; every component has its own type, so a mix-up in
 * the order does not compile.
 */
public record SchedulerUseCases(
        OneTimeRunUseCase oneTimeRun,
        OneTimeTestRunUseCase oneTimeTestRun,
        StopRunUseCase stopRun,
        ScheduleUseCase schedule,
        StopScheduleUseCase stopSchedule,
        UpdateScheduleUseCase updateSchedule,
        AddToTaskQueueUseCase addToTaskQueue,
        GetTaskStatusUseCase getTaskStatus,
        MultiProcessRunUseCase multiProcessRun,
        GetTasksStatusUseCase getTasksStatus,
        GetActiveTasksV2UseCase getActiveTasksV2,
        GetScheduledTasksUseCase getScheduledTasks,
        GetCompletedTasksUseCase getCompletedTasks,
        GetChildTasksUseCase getChildTasks,
        StopTaskUseCase stopTask,
        StopChildTasksUseCase stopChildTasks,
        GetSchedulesUseCase getSchedules,
        UnpauseScheduleUseCase unpauseSchedule,
        UpdateTaskHistoryUseCase updateTaskHistory,
        UpdateMetaByJobUseCase updateMetaByJob,
        UpdateTaskHistoryByBatchUseCase updateTaskHistoryByBatch,
        GetTaskInfoUseCase getTaskInfo,
        GetStatsUseCase getStats,
        GetTaskHistoryBySchedulerIdUseCase getTaskHistoryBySchedulerId,
        GetTaskHistoryInfoUseCase getTaskHistoryInfo,
        UpdateAllTaskHistoryByStatusUseCase updateAllTaskHistoryByStatus,
        GetMissedScheduleRunsUseCase getMissedScheduleRuns,
        GetUpcomingAccountSchedulesUseCase getUpcomingAccountSchedules,
        GetAllSchedulesUseCase getAllSchedules,
        GetAllMissedRunsUseCase getAllMissedRuns,
        GetNextSchedulesUseCase getNextSchedules,
        GetScheduleUseCase getSchedule) {

    /**
     * Fails unless every use case is present: a missing one would otherwise surface as INTERNAL
     * on the first call of its method, long after wiring.
     */
    public SchedulerUseCases requireComplete() {
        for (RecordComponent c : SchedulerUseCases.class.getRecordComponents()) {
            try {
                if (c.getAccessor().invoke(this) == null) {
                    throw new NullPointerException("no use case for " + c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return this;
    }

    /**
     * These use cases with one replaced: {@code useCase} takes the place of the component whose
     * type it implements, e.g. a decorator around one method, or a test's stand-in.
     */
    public SchedulerUseCases replacing(Object useCase) {
        RecordComponent[] components = SchedulerUseCases.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int replaced = 0;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean match = types[i].isInstance(useCase);
                args[i] = match ? useCase : components[i].getAccessor().invoke(this);
                replaced += match ? 1 : 0;
            }
            if (replaced != 1) {
                throw new IllegalArgumentException(useCase + " implements " + replaced + " use cases, not one");
            }
            return SchedulerUseCases.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
