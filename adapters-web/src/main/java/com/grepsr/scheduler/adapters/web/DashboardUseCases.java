package com.grepsr.scheduler.adapters.web;

import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.grepsr.scheduler.application.port.in.GetActiveTasksV2UseCase;
import com.grepsr.scheduler.application.port.in.GetAllMissedRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetAllSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetChildTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetCompletedTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetMissedScheduleRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetNextSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduleUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetStatsUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryBySchedulerIdUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskInfoUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UnpauseScheduleUseCase;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The use cases the dashboard calls: the same components the gRPC service gets (taken from the
 * one {@link SchedulerUseCases}, {@link #of}), so a page reads and acts exactly
 * as the matching RPC would, with the same access rules for the same {@code Caller}.
 */
public record DashboardUseCases(
        GetStatsUseCase getStats,
        GetAllSchedulesUseCase getAllSchedules,
        GetSchedulesUseCase getSchedules,
        GetScheduleUseCase getSchedule,
        GetNextSchedulesUseCase getNextSchedules,
        GetMissedScheduleRunsUseCase getMissedScheduleRuns,
        GetAllMissedRunsUseCase getAllMissedRuns,
        GetActiveTasksV2UseCase getActiveTasksV2,
        GetCompletedTasksUseCase getCompletedTasks,
        GetTaskInfoUseCase getTaskInfo,
        GetChildTasksUseCase getChildTasks,
        GetTaskHistoryBySchedulerIdUseCase getTaskHistoryBySchedulerId,
        OneTimeRunUseCase oneTimeRun,
        StopScheduleUseCase stopSchedule,
        UnpauseScheduleUseCase unpauseSchedule) {

    public DashboardUseCases {
        Stream.of(getStats, getAllSchedules, getSchedules, getSchedule, getNextSchedules, getMissedScheduleRuns, getAllMissedRuns,
                        getActiveTasksV2, getCompletedTasks, getTaskInfo, getChildTasks, getTaskHistoryBySchedulerId,
                        oneTimeRun, stopSchedule, unpauseSchedule)
                .forEach(u -> Objects.requireNonNull(u, "a dashboard use case is missing"));
    }

    /** The dashboard's share of every use case the scheduler has. */
    public static DashboardUseCases of(SchedulerUseCases u) {
        return new DashboardUseCases(u.getStats(), u.getAllSchedules(), u.getSchedules(), u.getSchedule(),
                u.getNextSchedules(), u.getMissedScheduleRuns(), u.getAllMissedRuns(), u.getActiveTasksV2(),
                u.getCompletedTasks(), u.getTaskInfo(), u.getChildTasks(), u.getTaskHistoryBySchedulerId(),
                u.oneTimeRun(), u.stopSchedule(), u.unpauseSchedule());
    }
}
