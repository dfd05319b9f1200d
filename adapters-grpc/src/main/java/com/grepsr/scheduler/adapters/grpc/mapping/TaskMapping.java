package com.grepsr.scheduler.adapters.grpc.mapping;

import com.grepsr.scheduler.adapters.grpc.v1.ChildCounts;
import com.grepsr.scheduler.adapters.grpc.v1.GetActiveTasksV2Request;
import com.grepsr.scheduler.adapters.grpc.v1.GetActiveTasksV2Response;
import com.grepsr.scheduler.adapters.grpc.v1.GetChildTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetChildTasksResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetCompletedTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetCompletedTasksResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskInfoRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskInfoResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetTasksStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTasksStatusResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetStatsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetStatsResponse;
import com.grepsr.scheduler.adapters.grpc.v1.StatsBasis;
import com.grepsr.scheduler.adapters.grpc.v1.StatusCount;
import com.grepsr.scheduler.adapters.grpc.v1.TaskKind;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatusInfo;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.application.model.TimeWindow;
import com.grepsr.scheduler.application.port.in.GetActiveTasksV2UseCase;
import com.grepsr.scheduler.application.port.in.GetChildTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetCompletedTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetStatsUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskInfoUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskStatusUseCase;
import com.grepsr.scheduler.application.port.in.GetTasksStatusUseCase;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A task as the wire shows it, and the task reads: status, info, active, completed, children, stats. */
public final class TaskMapping {

    private TaskMapping() {
    }

    public static com.grepsr.scheduler.adapters.grpc.v1.Task toProto(Task t) {
        TaskOrigin o = t.origin();
        var b = com.grepsr.scheduler.adapters.grpc.v1.Task.newBuilder()
                .setTaskId(t.id().value())
                .setKind(TaskKind.valueOf(ProtoEnums.toProto(t.kind(), TaskKind.getDescriptor())))
                .setReport(ProtoValues.reportRef(t.report()))
                .putAllParameters(t.parameters().values())
                .setStatus(status(t.status()))
                .setMessage(t.message())
                .setVersion(t.version())
                .setCreatedAt(ProtoTime.timestamp(t.createdAt()))
                .setUpdatedAt(ProtoTime.timestamp(t.updatedAt()));
        t.scheduleId().ifPresent(id -> b.setScheduleId(id.value()));
        t.scheduledRunId().ifPresent(id -> b.setScheduledRunId(id.value()));
        t.parentId().ifPresent(id -> b.setParentTaskId(id.value()));
        Optional.ofNullable(o.testRowLimit()).ifPresent(b::setTestRowLimit);
        Optional.ofNullable(o.parallelism()).ifPresent(b::setParallelism);
        Optional.ofNullable(o.processorIndex()).ifPresent(b::setProcessorIndex);
        Optional.ofNullable(o.workItem()).ifPresent(b::setWorkItem);
        Optional.ofNullable(o.timeout()).ifPresent(d -> b.setTimeout(ProtoTime.duration(d)));
        t.progress().ifPresent(b::setProgress);
        t.launchName().ifPresent(b::setLaunchName);
        t.startedAt().ifPresent(i -> b.setStartedAt(ProtoTime.timestamp(i)));
        t.finishedAt().ifPresent(i -> b.setFinishedAt(ProtoTime.timestamp(i)));
        return b.build();
    }

    public static List<com.grepsr.scheduler.adapters.grpc.v1.Task> toProto(List<Task> tasks) {
        return tasks.stream().map(TaskMapping::toProto).toList();
    }

    public static TaskStatus status(com.grepsr.scheduler.domain.task.TaskStatus s) {
        return TaskStatus.valueOf(ProtoEnums.toProto(s, TaskStatus.getDescriptor()));
    }

    /** A task status the request may leave UNSPECIFIED (empty). */
    public static Optional<com.grepsr.scheduler.domain.task.TaskStatus> status(String field, int number) {
        return ProtoEnums.toDomain(field, number, TaskStatus.getDescriptor(),
                com.grepsr.scheduler.domain.task.TaskStatus.class);
    }

    public static Set<com.grepsr.scheduler.domain.task.TaskStatus> statuses(List<Integer> numbers) {
        return ProtoEnums.toDomainSet("statuses", numbers, TaskStatus.getDescriptor(),
                com.grepsr.scheduler.domain.task.TaskStatus.class);
    }

    public static Set<com.grepsr.scheduler.domain.task.TaskKind> kinds(List<Integer> numbers) {
        return ProtoEnums.toDomainSet("kinds", numbers, TaskKind.getDescriptor(),
                com.grepsr.scheduler.domain.task.TaskKind.class);
    }

    public static List<StatusCount> counts(Map<com.grepsr.scheduler.domain.task.TaskStatus, Long> byStatus) {
        return byStatus.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> StatusCount.newBuilder().setStatus(status(e.getKey())).setCount(e.getValue()).build())
                .toList();
    }

    /** A window both of whose ends are required; null when both are absent (the query says so). */
    public static TimeWindow window(boolean hasFrom, com.google.protobuf.Timestamp from, boolean hasTo,
                                    com.google.protobuf.Timestamp to) {
        if (!hasFrom && !hasTo) {
            return null;
        }
        Instant f = ProtoTime.instant("from", hasFrom, from).orElse(null);
        Instant t = ProtoTime.instant("to", hasTo, to).orElse(null);
        return new TimeWindow(f, t);
    }

    static TaskId taskId(String field, String text) {
        return ProtoValues.id(field, text, TaskId::of);
    }

    static Optional<ScheduleId> scheduleId(String text) {
        return ProtoValues.optionalId("schedule_id", text, ScheduleId::of);
    }

    public static GetTaskStatusUseCase.Query query(GetTaskStatusRequest r) {
        return new GetTaskStatusUseCase.Query(taskId("task_id", r.getTaskId()));
    }

    public static GetTaskStatusResponse response(GetTaskStatusUseCase.Result r) {
        return GetTaskStatusResponse.newBuilder().setStatus(statusInfo(r)).build();
    }

    public static GetTasksStatusUseCase.Query query(GetTasksStatusRequest r) {
        return new GetTasksStatusUseCase.Query(ProtoValues.taskIds("task_ids", r.getTaskIdsList()));
    }

    public static GetTasksStatusResponse response(GetTasksStatusUseCase.Result r) {
        return GetTasksStatusResponse.newBuilder()
                .addAllStatuses(r.statuses().stream().map(TaskMapping::statusInfo).toList())
                .addAllNotFoundTaskIds(r.notFound().stream().map(TaskId::value).toList()).build();
    }

    public static GetTaskInfoUseCase.Query query(GetTaskInfoRequest r) {
        return new GetTaskInfoUseCase.Query(taskId("task_id", r.getTaskId()));
    }

    public static GetTaskInfoResponse response(GetTaskInfoUseCase.Result r) {
        var b = GetTaskInfoResponse.newBuilder().setTask(toProto(r.task()));
        r.duration().ifPresent(d -> b.setDuration(ProtoTime.duration(d)));
        r.children().ifPresent(c -> b.setChildren(ChildCounts.newBuilder().addAllByStatus(counts(c.byStatus()))
                .setTotal(c.total()).setActive(c.active())));
        return b.build();
    }

    public static GetActiveTasksV2UseCase.Query query(GetActiveTasksV2Request r) {
        return new GetActiveTasksV2UseCase.Query(ProtoValues.account(r.getAccountId()),
                ProtoValues.report(r.getReportId()), scheduleId(r.getScheduleId()), kinds(r.getKindsValueList()),
                statuses(r.getStatusesValueList()), ProtoValues.page(r.getPageSize(), r.getPageToken()));
    }

    public static GetActiveTasksV2Response response(GetActiveTasksV2UseCase.Result r) {
        return GetActiveTasksV2Response.newBuilder().addAllTasks(toProto(r.tasks().items()))
                .setNextPageToken(r.tasks().nextPageToken()).build();
    }

    public static GetCompletedTasksUseCase.Query query(GetCompletedTasksRequest r) {
        return new GetCompletedTasksUseCase.Query(ProtoValues.account(r.getAccountId()),
                ProtoValues.report(r.getReportId()), scheduleId(r.getScheduleId()), kinds(r.getKindsValueList()),
                statuses(r.getStatusesValueList()), window(r.hasFrom(), r.getFrom(), r.hasTo(), r.getTo()),
                ProtoValues.page(r.getPageSize(), r.getPageToken()));
    }

    public static GetCompletedTasksResponse response(GetCompletedTasksUseCase.Result r) {
        return GetCompletedTasksResponse.newBuilder().addAllTasks(toProto(r.tasks().items()))
                .setNextPageToken(r.tasks().nextPageToken()).build();
    }

    public static GetChildTasksUseCase.Query query(GetChildTasksRequest r) {
        return new GetChildTasksUseCase.Query(taskId("parent_task_id", r.getParentTaskId()),
                statuses(r.getStatusesValueList()), ProtoValues.page(r.getPageSize(), r.getPageToken()));
    }

    public static GetChildTasksResponse response(GetChildTasksUseCase.Result r) {
        return GetChildTasksResponse.newBuilder().addAllTasks(toProto(r.children()))
                .setNextPageToken(r.nextPageToken()).build();
    }

    public static GetStatsUseCase.Query query(GetStatsRequest r) {
        GetStatsUseCase.Basis basis = ProtoEnums.toDomain("basis", r.getBasisValue(), StatsBasis.getDescriptor(),
                GetStatsUseCase.Basis.class).orElse(null);
        return new GetStatsUseCase.Query(ProtoValues.account(r.getAccountId()), ProtoValues.report(r.getReportId()),
                scheduleId(r.getScheduleId()), kinds(r.getKindsValueList()), basis,
                window(r.hasFrom(), r.getFrom(), r.hasTo(), r.getTo()));
    }

    public static GetStatsResponse response(GetStatsUseCase.Result r) {
        TaskStats s = r.stats();
        return GetStatsResponse.newBuilder()
                .addAllCountsByStatus(counts(s.countsByStatus()))
                .setTotal(s.total()).setSucceeded(s.succeeded()).setFinished(s.finished())
                .setSuccessRate(s.successRate())
                .setAverageDuration(ProtoTime.duration(s.averageDuration()))
                .setMaxDuration(ProtoTime.duration(s.maxDuration()))
                .setBasis(StatsBasis.valueOf(ProtoEnums.toProto(r.basis(), StatsBasis.getDescriptor())))
                .setFrom(ProtoTime.timestamp(r.window().from()))
                .setTo(ProtoTime.timestamp(r.window().to()))
                .build();
    }

    private static TaskStatusInfo statusInfo(GetTaskStatusUseCase.Result r) {
        var b = TaskStatusInfo.newBuilder().setTaskId(r.taskId().value()).setStatus(status(r.status()))
                .setMessage(r.message()).setUpdatedAt(ProtoTime.timestamp(r.updatedAt()));
        r.progress().ifPresent(b::setProgress);
        return b.build();
    }
}
