package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.application.port.in.AddToTaskQueueUseCase;
import com.grepsr.scheduler.application.port.in.GetActiveTasksV2UseCase;
import com.grepsr.scheduler.application.port.in.GetAllMissedRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetAllSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetChildTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetCompletedTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetMissedScheduleRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetNextSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduleUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduledTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetStatsUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryBySchedulerIdUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryInfoUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskInfoUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskStatusUseCase;
import com.grepsr.scheduler.application.port.in.GetTasksStatusUseCase;
import com.grepsr.scheduler.application.port.in.GetUpcomingAccountSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeTestRunUseCase;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.in.StopChildTasksUseCase;
import com.grepsr.scheduler.application.port.in.StopRunUseCase;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.StopTaskUseCase;
import com.grepsr.scheduler.application.port.in.UnpauseScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateAllTaskHistoryByStatusUseCase;
import com.grepsr.scheduler.application.port.in.UpdateMetaByJobUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryByBatchUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase;

import java.util.Objects;

/**
 * Every use case the gRPC service serves, one component per method, in the order of SPEC.md
 * (plus GetSchedule). Whoever wires the scheduler builds it, e.g. from
 * {@code SchedulerCore}'s accessors, which carry the same names:
 * {@code new SchedulerUseCases(core.oneTimeRun(), core.oneTimeTestRun(), …)}. Every component
 * has its own type, so a mix-up in the order does not compile.
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

    public SchedulerUseCases {
        // a missing use case would otherwise surface as INTERNAL on the first call of its method
        Objects.requireNonNull(oneTimeRun, "oneTimeRun");
        Objects.requireNonNull(oneTimeTestRun, "oneTimeTestRun");
        Objects.requireNonNull(stopRun, "stopRun");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(stopSchedule, "stopSchedule");
        Objects.requireNonNull(updateSchedule, "updateSchedule");
        Objects.requireNonNull(addToTaskQueue, "addToTaskQueue");
        Objects.requireNonNull(getTaskStatus, "getTaskStatus");
        Objects.requireNonNull(multiProcessRun, "multiProcessRun");
        Objects.requireNonNull(getTasksStatus, "getTasksStatus");
        Objects.requireNonNull(getActiveTasksV2, "getActiveTasksV2");
        Objects.requireNonNull(getScheduledTasks, "getScheduledTasks");
        Objects.requireNonNull(getCompletedTasks, "getCompletedTasks");
        Objects.requireNonNull(getChildTasks, "getChildTasks");
        Objects.requireNonNull(stopTask, "stopTask");
        Objects.requireNonNull(stopChildTasks, "stopChildTasks");
        Objects.requireNonNull(getSchedules, "getSchedules");
        Objects.requireNonNull(unpauseSchedule, "unpauseSchedule");
        Objects.requireNonNull(updateTaskHistory, "updateTaskHistory");
        Objects.requireNonNull(updateMetaByJob, "updateMetaByJob");
        Objects.requireNonNull(updateTaskHistoryByBatch, "updateTaskHistoryByBatch");
        Objects.requireNonNull(getTaskInfo, "getTaskInfo");
        Objects.requireNonNull(getStats, "getStats");
        Objects.requireNonNull(getTaskHistoryBySchedulerId, "getTaskHistoryBySchedulerId");
        Objects.requireNonNull(getTaskHistoryInfo, "getTaskHistoryInfo");
        Objects.requireNonNull(updateAllTaskHistoryByStatus, "updateAllTaskHistoryByStatus");
        Objects.requireNonNull(getMissedScheduleRuns, "getMissedScheduleRuns");
        Objects.requireNonNull(getUpcomingAccountSchedules, "getUpcomingAccountSchedules");
        Objects.requireNonNull(getAllSchedules, "getAllSchedules");
        Objects.requireNonNull(getAllMissedRuns, "getAllMissedRuns");
        Objects.requireNonNull(getNextSchedules, "getNextSchedules");
        Objects.requireNonNull(getSchedule, "getSchedule");
    }
}
