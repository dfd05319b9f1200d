package com.grepsr.scheduler.adapters.grpc.mapping;

import com.grepsr.scheduler.adapters.grpc.v1.AddToTaskQueueRequest;
import com.grepsr.scheduler.adapters.grpc.v1.AddToTaskQueueResponse;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MultiProcessRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeTestRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeTestRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.StopChildTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopChildTasksResponse;
import com.grepsr.scheduler.adapters.grpc.v1.StopRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopRunResponse;
import com.grepsr.scheduler.adapters.grpc.v1.StopTaskRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopTaskResponse;
import com.grepsr.scheduler.application.port.in.AddToTaskQueueUseCase;
import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeTestRunUseCase;
import com.grepsr.scheduler.application.port.in.StopChildTasksUseCase;
import com.grepsr.scheduler.application.port.in.StopRunUseCase;
import com.grepsr.scheduler.application.port.in.StopTaskUseCase;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.task.TaskId;

import java.util.List;

/** Starting and stopping tasks: OneTimeRun, OneTimeTestRun, MultiProcessRun, AddToTaskQueue and the stops. */
public final class RunMapping {

    private RunMapping() {
    }

    public static OneTimeRunUseCase.Command command(OneTimeRunRequest r) {
        return new OneTimeRunUseCase.Command(ProtoValues.reportRef(r.hasReport(), r.getReport()),
                TaskMapping.scheduleId(r.getScheduleId()),
                ProtoValues.optionalId("scheduled_run_id", r.getScheduledRunId(), ScheduledRunId::of),
                ProtoValues.parameters(r.getParametersMap()),
                ProtoTime.duration("timeout", r.hasTimeout(), r.getTimeout()), ProtoValues.requestId(r.getRequestId()));
    }

    public static OneTimeRunResponse response(OneTimeRunUseCase.Result r) {
        return OneTimeRunResponse.newBuilder().setTask(TaskMapping.toProto(r.task())).build();
    }

    public static OneTimeTestRunUseCase.Command command(OneTimeTestRunRequest r) {
        return new OneTimeTestRunUseCase.Command(ProtoValues.reportRef(r.hasReport(), r.getReport()),
                ProtoValues.parameters(r.getParametersMap()), r.getRowLimit(),
                ProtoTime.duration("timeout", r.hasTimeout(), r.getTimeout()), ProtoValues.requestId(r.getRequestId()));
    }

    public static OneTimeTestRunResponse response(OneTimeTestRunUseCase.Result r) {
        return OneTimeTestRunResponse.newBuilder().setTask(TaskMapping.toProto(r.task())).build();
    }

    public static MultiProcessRunUseCase.Command command(MultiProcessRunRequest r) {
        return new MultiProcessRunUseCase.Command(ProtoValues.reportRef(r.hasReport(), r.getReport()),
                ProtoValues.parameters(r.getParametersMap()), r.getProcessors(), r.getParallelism(),
                ProtoTime.duration("timeout", r.hasTimeout(), r.getTimeout()), ProtoValues.requestId(r.getRequestId()));
    }

    public static MultiProcessRunResponse response(MultiProcessRunUseCase.Result r) {
        return MultiProcessRunResponse.newBuilder().setParent(TaskMapping.toProto(r.parent()))
                .addAllChildTaskIds(ids(r.children())).addAllLaunchedTaskIds(ids(r.launched())).build();
    }

    public static AddToTaskQueueUseCase.Command command(AddToTaskQueueRequest r) {
        return new AddToTaskQueueUseCase.Command(TaskMapping.taskId("parent_task_id", r.getParentTaskId()),
                r.getPayloadsList());
    }

    public static AddToTaskQueueResponse response(AddToTaskQueueUseCase.Result r) {
        return AddToTaskQueueResponse.newBuilder().setAdded(r.added()).setPending(r.pending())
                .addAllLaunchedTaskIds(ids(r.launched())).build();
    }

    public static StopRunUseCase.Command command(StopRunRequest r) {
        return new StopRunUseCase.Command(ProtoValues.id("report_id", r.getReportId(), ReportId::of), r.getReason());
    }

    public static StopRunResponse response(StopRunUseCase.Result r) {
        return StopRunResponse.newBuilder().addAllStoppedTaskIds(ids(r.stopped())).build();
    }

    public static StopTaskUseCase.Command command(StopTaskRequest r) {
        return new StopTaskUseCase.Command(TaskMapping.taskId("task_id", r.getTaskId()), r.getReason());
    }

    public static StopTaskResponse response(StopTaskUseCase.Result r) {
        return StopTaskResponse.newBuilder().setTask(TaskMapping.toProto(r.task()))
                .addAllStoppedTaskIds(ids(r.stopped())).build();
    }

    public static StopChildTasksUseCase.Command command(StopChildTasksRequest r) {
        return new StopChildTasksUseCase.Command(TaskMapping.taskId("parent_task_id", r.getParentTaskId()),
                r.getReason());
    }

    public static StopChildTasksResponse response(StopChildTasksUseCase.Result r) {
        return StopChildTasksResponse.newBuilder().addAllStoppedTaskIds(ids(r.stopped()))
                .setDroppedWorkItems(r.droppedWorkItems()).build();
    }

    static List<String> ids(List<TaskId> ids) {
        return ids.stream().map(TaskId::value).toList();
    }
}
