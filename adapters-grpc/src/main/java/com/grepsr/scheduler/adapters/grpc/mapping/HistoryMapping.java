package com.grepsr.scheduler.adapters.grpc.mapping;

import com.grepsr.scheduler.adapters.grpc.error.ErrorMapper;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskHistoryBySchedulerIdRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskHistoryBySchedulerIdResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskHistoryInfoRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskHistoryInfoResponse;
import com.grepsr.scheduler.adapters.grpc.v1.HistorySource;
import com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryUpdate;
import com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryUpdateResult;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateAllTaskHistoryByStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateAllTaskHistoryByStatusResponse;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateMetaByJobRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateMetaByJobResponse;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateOutcome;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryByBatchRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryByBatchResponse;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateTaskHistoryResponse;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryBySchedulerIdUseCase;
import com.grepsr.scheduler.application.port.in.GetTaskHistoryInfoUseCase;
import com.grepsr.scheduler.application.port.in.UpdateAllTaskHistoryByStatusUseCase;
import com.grepsr.scheduler.application.port.in.UpdateMetaByJobUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryByBatchUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Crawler reports (single, by job, batch), the admins' bulk transition, and history reads. */
public final class HistoryMapping {

    private HistoryMapping() {
    }

    public static UpdateTaskHistoryUseCase.Command command(UpdateTaskHistoryRequest r) {
        return new UpdateTaskHistoryUseCase.Command(TaskMapping.taskId("task_id", r.getTaskId()),
                report(r.getStatusValue(), r.hasProgress() ? r.getProgress() : null, r.getMessage(),
                        r.getMetadataMap()));
    }

    public static UpdateTaskHistoryResponse response(UpdateTaskHistoryUseCase.Result r) {
        return UpdateTaskHistoryResponse.newBuilder().setTask(TaskMapping.toProto(r.task()))
                .setEntry(toProto(r.entry())).build();
    }

    public static UpdateMetaByJobUseCase.Command command(UpdateMetaByJobRequest r) {
        return new UpdateMetaByJobUseCase.Command(r.getJobName(), report(r.getStatusValue(),
                r.hasProgress() ? r.getProgress() : null, r.getMessage(), r.getMetadataMap()));
    }

    /** UpdateMetaByJob answers what UpdateTaskHistory does, in its own message. */
    public static UpdateMetaByJobResponse metaByJobResponse(UpdateTaskHistoryUseCase.Result r) {
        return UpdateMetaByJobResponse.newBuilder().setTask(TaskMapping.toProto(r.task()))
                .setEntry(toProto(r.entry())).build();
    }

    /**
     * Items are passed on as sent (the use case judges each on its own); only what cannot even be
     * represented — an enum number the proto does not define — fails the whole call.
     */
    public static UpdateTaskHistoryByBatchUseCase.Command command(UpdateTaskHistoryByBatchRequest r) {
        List<UpdateTaskHistoryByBatchUseCase.Item> items = new ArrayList<>(r.getItemsCount());
        for (int i = 0; i < r.getItemsCount(); i++) {
            TaskHistoryUpdate u = r.getItems(i);
            TaskStatus status = TaskMapping.status("items[" + i + "].status", u.getStatusValue()).orElse(null);
            items.add(new UpdateTaskHistoryByBatchUseCase.Item(u.getTaskId(), status,
                    u.hasProgress() ? u.getProgress() : null, u.getMessage(), u.getMetadataMap()));
        }
        return new UpdateTaskHistoryByBatchUseCase.Command(items);
    }

    public static UpdateTaskHistoryByBatchResponse response(UpdateTaskHistoryByBatchUseCase.Result r) {
        var b = UpdateTaskHistoryByBatchResponse.newBuilder()
                .setUpdated((int) r.updated()).setFailed((int) r.failed());
        for (UpdateTaskHistoryByBatchUseCase.ItemResult item : r.items()) {
            var ib = TaskHistoryUpdateResult.newBuilder().setIndex(item.index())
                    .setTaskId(item.taskId() == null ? "" : item.taskId())
                    .setOutcome(UpdateOutcome.valueOf(ProtoEnums.toProto(item.outcome(), UpdateOutcome.getDescriptor())));
            item.task().ifPresent(t -> ib.setTask(TaskMapping.toProto(t)));
            item.error().ifPresent(e -> ib.setError(ErrorMapper.toRpcStatus(e)));
            b.addResults(ib);
        }
        return b.build();
    }

    public static UpdateAllTaskHistoryByStatusUseCase.Command command(UpdateAllTaskHistoryByStatusRequest r) {
        return new UpdateAllTaskHistoryByStatusUseCase.Command(
                TaskMapping.status("from_status", r.getFromStatusValue()).orElse(null),
                TaskMapping.status("to_status", r.getToStatusValue()).orElse(null),
                ProtoTime.instant("updated_before", r.hasUpdatedBefore(), r.getUpdatedBefore()),
                ProtoValues.account(r.getAccountId()), ProtoValues.report(r.getReportId()),
                TaskMapping.scheduleId(r.getScheduleId()), r.getMessage(), r.getLimit());
    }

    public static UpdateAllTaskHistoryByStatusResponse response(UpdateAllTaskHistoryByStatusUseCase.Result r) {
        return UpdateAllTaskHistoryByStatusResponse.newBuilder().setMoved(r.moved()).setSkipped(r.skipped())
                .setMore(r.more()).build();
    }

    public static GetTaskHistoryBySchedulerIdUseCase.Query query(GetTaskHistoryBySchedulerIdRequest r) {
        return new GetTaskHistoryBySchedulerIdUseCase.Query(ScheduleMapping.scheduleId(r.getScheduleId()),
                ProtoValues.page(r.getPageSize(), r.getPageToken()));
    }

    public static GetTaskHistoryBySchedulerIdResponse response(GetTaskHistoryBySchedulerIdUseCase.Result r) {
        return GetTaskHistoryBySchedulerIdResponse.newBuilder()
                .addAllEntries(r.entries().items().stream().map(HistoryMapping::toProto).toList())
                .setNextPageToken(r.entries().nextPageToken()).build();
    }

    public static GetTaskHistoryInfoUseCase.Query query(GetTaskHistoryInfoRequest r) {
        return new GetTaskHistoryInfoUseCase.Query(r.getSequence());
    }

    public static GetTaskHistoryInfoResponse response(GetTaskHistoryInfoUseCase.Result r) {
        return GetTaskHistoryInfoResponse.newBuilder().setEntry(toProto(r.entry())).build();
    }

    public static com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryEntry toProto(TaskHistoryEntry e) {
        var b = com.grepsr.scheduler.adapters.grpc.v1.TaskHistoryEntry.newBuilder()
                .setSequence(e.sequence())
                .setTaskId(e.taskId().value())
                .setAccountId(e.accountId().value())
                .setStatus(TaskMapping.status(e.status()))
                .setMessage(e.message())
                .putAllMetadata(e.metadata())
                .setSource(HistorySource.valueOf(ProtoEnums.toProto(e.source(), HistorySource.getDescriptor())))
                .setAt(ProtoTime.timestamp(e.at()));
        if (e.scheduleId() != null) {
            b.setScheduleId(e.scheduleId().value());
        }
        if (e.progress() != null) {
            b.setProgress(e.progress());
        }
        return b.build();
    }

    /** The report's fields are top-level request fields, so the domain's field names already match. */
    private static UpdateTaskHistoryUseCase.Report report(int status, Integer progress, String message,
                                                          Map<String, String> metadata) {
        return new UpdateTaskHistoryUseCase.Report(TaskMapping.status("status", status), Optional.ofNullable(progress),
                message, metadata);
    }
}
