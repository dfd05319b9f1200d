package com.grepsr.scheduler.adapters.grpc.service;

import com.grepsr.scheduler.application.port.in.SchedulerUseCases;
import com.grepsr.scheduler.adapters.grpc.auth.CallerContext;
import com.grepsr.scheduler.adapters.grpc.mapping.HistoryMapping;
import com.grepsr.scheduler.adapters.grpc.mapping.RunMapping;
import com.grepsr.scheduler.adapters.grpc.mapping.ScheduleMapping;
import com.grepsr.scheduler.adapters.grpc.mapping.ScheduleQueryMapping;
import com.grepsr.scheduler.adapters.grpc.mapping.ScheduledRunMapping;
import com.grepsr.scheduler.adapters.grpc.mapping.TaskMapping;
import com.grepsr.scheduler.adapters.grpc.v1.*;
import com.grepsr.scheduler.application.model.Caller;
import io.grpc.stub.StreamObserver;

import java.util.Objects;

/**
 * The SchedulerService: each method maps its request to the use case's command or query, runs
 * the use case as the authenticated caller, and maps the result back. No rule lives here; the
 * use cases validate and authorize, {@link UnaryCalls} and the error mapper do the rest.
 */
public final class SchedulerGrpcService extends SchedulerServiceGrpc.SchedulerServiceImplBase {

    private final SchedulerUseCases uc;

    public SchedulerGrpcService(SchedulerUseCases useCases) {
        this.uc = Objects.requireNonNull(useCases, "useCases").requireComplete();
    }

    private static Caller caller() {
        return CallerContext.current();
    }

    @Override
    public void oneTimeRun(OneTimeRunRequest r, StreamObserver<OneTimeRunResponse> out) {
        UnaryCalls.respond(out, () -> RunMapping.response(uc.oneTimeRun().execute(caller(), RunMapping.command(r))));
    }

    @Override
    public void oneTimeTestRun(OneTimeTestRunRequest r, StreamObserver<OneTimeTestRunResponse> out) {
        UnaryCalls.respond(out, () -> RunMapping.response(uc.oneTimeTestRun().execute(caller(), RunMapping.command(r))));
    }

    @Override
    public void stopRun(StopRunRequest r, StreamObserver<StopRunResponse> out) {
        UnaryCalls.respond(out, () -> RunMapping.response(uc.stopRun().execute(caller(), RunMapping.command(r))));
    }

    @Override
    public void schedule(ScheduleRequest r, StreamObserver<ScheduleResponse> out) {
        UnaryCalls.respond(out, () -> ScheduleMapping.response(uc.schedule().execute(caller(),
                ScheduleMapping.command(r))));
    }

    @Override
    public void stopSchedule(StopScheduleRequest r, StreamObserver<StopScheduleResponse> out) {
        UnaryCalls.respond(out, () -> ScheduleMapping.response(uc.stopSchedule().execute(caller(),
                ScheduleMapping.command(r))));
    }

    @Override
    public void updateSchedule(UpdateScheduleRequest r, StreamObserver<UpdateScheduleResponse> out) {
        UnaryCalls.respond(out, () -> ScheduleMapping.response(uc.updateSchedule().execute(caller(),
                ScheduleMapping.command(r))));
    }

    @Override
    public void addToTaskQueue(AddToTaskQueueRequest r, StreamObserver<AddToTaskQueueResponse> out) {
        UnaryCalls.respond(out, () -> RunMapping.response(uc.addToTaskQueue().execute(caller(), RunMapping.command(r))));
    }

    @Override
    public void getTaskStatus(GetTaskStatusRequest r, StreamObserver<GetTaskStatusResponse> out) {
        UnaryCalls.respond(out, () -> TaskMapping.response(uc.getTaskStatus().execute(caller(), TaskMapping.query(r))));
    }

    @Override
    public void multiProcessRun(MultiProcessRunRequest r, StreamObserver<MultiProcessRunResponse> out) {
        UnaryCalls.respond(out, () -> RunMapping.response(uc.multiProcessRun().execute(caller(),
                RunMapping.command(r))));
    }

    @Override
    public void getTasksStatus(GetTasksStatusRequest r, StreamObserver<GetTasksStatusResponse> out) {
        UnaryCalls.respond(out, () -> TaskMapping.response(uc.getTasksStatus().execute(caller(), TaskMapping.query(r))));
    }

    @Override
    public void getActiveTasksV2(GetActiveTasksV2Request r, StreamObserver<GetActiveTasksV2Response> out) {
        UnaryCalls.respond(out, () -> TaskMapping.response(uc.getActiveTasksV2().execute(caller(),
                TaskMapping.query(r))));
    }

    @Override
    public void getScheduledTasks(GetScheduledTasksRequest r, StreamObserver<GetScheduledTasksResponse> out) {
        UnaryCalls.respond(out, () -> ScheduledRunMapping.response(uc.getScheduledTasks().execute(caller(),
                ScheduledRunMapping.query(r))));
    }

    @Override
    public void getCompletedTasks(GetCompletedTasksRequest r, StreamObserver<GetCompletedTasksResponse> out) {
        UnaryCalls.respond(out, () -> TaskMapping.response(uc.getCompletedTasks().execute(caller(),
                TaskMapping.query(r))));
    }

    @Override
    public void getChildTasks(GetChildTasksRequest r, StreamObserver<GetChildTasksResponse> out) {
        UnaryCalls.respond(out, () -> TaskMapping.response(uc.getChildTasks().execute(caller(), TaskMapping.query(r))));
    }

    @Override
    public void stopTask(StopTaskRequest r, StreamObserver<StopTaskResponse> out) {
        UnaryCalls.respond(out, () -> RunMapping.response(uc.stopTask().execute(caller(), RunMapping.command(r))));
    }

    @Override
    public void stopChildTasks(StopChildTasksRequest r, StreamObserver<StopChildTasksResponse> out) {
        UnaryCalls.respond(out, () -> RunMapping.response(uc.stopChildTasks().execute(caller(), RunMapping.command(r))));
    }

    @Override
    public void getSchedules(GetSchedulesRequest r, StreamObserver<GetSchedulesResponse> out) {
        UnaryCalls.respond(out, () -> ScheduleQueryMapping.response(uc.getSchedules().execute(caller(),
                ScheduleQueryMapping.query(r))));
    }

    @Override
    public void unpauseSchedule(UnpauseScheduleRequest r, StreamObserver<UnpauseScheduleResponse> out) {
        UnaryCalls.respond(out, () -> ScheduleMapping.response(uc.unpauseSchedule().execute(caller(),
                ScheduleMapping.command(r))));
    }

    @Override
    public void updateTaskHistory(UpdateTaskHistoryRequest r, StreamObserver<UpdateTaskHistoryResponse> out) {
        UnaryCalls.respond(out, () -> HistoryMapping.response(uc.updateTaskHistory().execute(caller(),
                HistoryMapping.command(r))));
    }

    @Override
    public void updateMetaByJob(UpdateMetaByJobRequest r, StreamObserver<UpdateMetaByJobResponse> out) {
        UnaryCalls.respond(out, () -> HistoryMapping.metaByJobResponse(uc.updateMetaByJob().execute(caller(),
                HistoryMapping.command(r))));
    }

    @Override
    public void updateTaskHistoryByBatch(UpdateTaskHistoryByBatchRequest r,
                                         StreamObserver<UpdateTaskHistoryByBatchResponse> out) {
        UnaryCalls.respond(out, () -> HistoryMapping.response(uc.updateTaskHistoryByBatch().execute(caller(),
                HistoryMapping.command(r))));
    }

    @Override
    public void getTaskInfo(GetTaskInfoRequest r, StreamObserver<GetTaskInfoResponse> out) {
        UnaryCalls.respond(out, () -> TaskMapping.response(uc.getTaskInfo().execute(caller(), TaskMapping.query(r))));
    }

    @Override
    public void getStats(GetStatsRequest r, StreamObserver<GetStatsResponse> out) {
        UnaryCalls.respond(out, () -> TaskMapping.response(uc.getStats().execute(caller(), TaskMapping.query(r))));
    }

    @Override
    public void getTaskHistoryBySchedulerId(GetTaskHistoryBySchedulerIdRequest r,
                                            StreamObserver<GetTaskHistoryBySchedulerIdResponse> out) {
        UnaryCalls.respond(out, () -> HistoryMapping.response(uc.getTaskHistoryBySchedulerId().execute(caller(),
                HistoryMapping.query(r))));
    }

    @Override
    public void getTaskHistoryInfo(GetTaskHistoryInfoRequest r, StreamObserver<GetTaskHistoryInfoResponse> out) {
        UnaryCalls.respond(out, () -> HistoryMapping.response(uc.getTaskHistoryInfo().execute(caller(),
                HistoryMapping.query(r))));
    }

    @Override
    public void updateAllTaskHistoryByStatus(UpdateAllTaskHistoryByStatusRequest r,
                                             StreamObserver<UpdateAllTaskHistoryByStatusResponse> out) {
        UnaryCalls.respond(out, () -> HistoryMapping.response(uc.updateAllTaskHistoryByStatus().execute(caller(),
                HistoryMapping.command(r))));
    }

    @Override
    public void getMissedScheduleRuns(GetMissedScheduleRunsRequest r,
                                      StreamObserver<GetMissedScheduleRunsResponse> out) {
        UnaryCalls.respond(out, () -> ScheduledRunMapping.response(uc.getMissedScheduleRuns().execute(caller(),
                ScheduledRunMapping.query(r))));
    }

    @Override
    public void getUpcomingAccountSchedules(GetUpcomingAccountSchedulesRequest r,
                                            StreamObserver<GetUpcomingAccountSchedulesResponse> out) {
        UnaryCalls.respond(out, () -> ScheduledRunMapping.response(uc.getUpcomingAccountSchedules().execute(caller(),
                ScheduledRunMapping.query(r))));
    }

    @Override
    public void getAllSchedules(GetAllSchedulesRequest r, StreamObserver<GetAllSchedulesResponse> out) {
        UnaryCalls.respond(out, () -> ScheduleQueryMapping.response(uc.getAllSchedules().execute(caller(),
                ScheduleQueryMapping.query(r))));
    }

    @Override
    public void getAllMissedRuns(GetAllMissedRunsRequest r, StreamObserver<GetAllMissedRunsResponse> out) {
        UnaryCalls.respond(out, () -> ScheduledRunMapping.response(uc.getAllMissedRuns().execute(caller(),
                ScheduledRunMapping.query(r))));
    }

    @Override
    public void getNextSchedules(GetNextSchedulesRequest r, StreamObserver<GetNextSchedulesResponse> out) {
        UnaryCalls.respond(out, () -> ScheduleQueryMapping.response(uc.getNextSchedules().execute(caller(),
                ScheduleQueryMapping.query(r))));
    }

    @Override
    public void getSchedule(GetScheduleRequest r, StreamObserver<GetScheduleResponse> out) {
        UnaryCalls.respond(out, () -> ScheduleQueryMapping.response(uc.getSchedule().execute(caller(),
                ScheduleQueryMapping.query(r))));
    }
}
