package com.grepsr.scheduler.adapters.grpc.mapping;

import com.grepsr.scheduler.adapters.grpc.v1.GetAllMissedRunsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllMissedRunsResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetMissedScheduleRunsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetMissedScheduleRunsResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduledTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduledTasksResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetUpcomingAccountSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetUpcomingAccountSchedulesResponse;
import com.grepsr.scheduler.adapters.grpc.v1.MissCause;
import com.grepsr.scheduler.adapters.grpc.v1.RunStatus;
import com.grepsr.scheduler.adapters.grpc.v1.UpcomingRun;
import com.grepsr.scheduler.application.port.in.GetAllMissedRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetMissedScheduleRunsUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduledTasksUseCase;
import com.grepsr.scheduler.application.port.in.GetUpcomingAccountSchedulesUseCase;
import com.grepsr.scheduler.domain.run.ScheduledRun;

import java.util.List;

/** Materialized runs of schedules (upcoming, missed) and the forecast of an account's runs. */
public final class ScheduledRunMapping {

    private ScheduledRunMapping() {
    }

    public static com.grepsr.scheduler.adapters.grpc.v1.ScheduledRun toProto(ScheduledRun r) {
        var b = com.grepsr.scheduler.adapters.grpc.v1.ScheduledRun.newBuilder()
                .setScheduledRunId(r.id().value())
                .setScheduleId(r.scheduleId().value())
                .setReport(ProtoValues.reportRef(r.report()))
                .setFireAt(ProtoTime.timestamp(r.fireAt()))
                .setStatus(RunStatus.valueOf(ProtoEnums.toProto(r.status(), RunStatus.getDescriptor())))
                .setCreatedAt(ProtoTime.timestamp(r.createdAt()));
        r.task().ifPresent(t -> b.setTaskId(t.value()));
        if (r.missCause() != null) {
            b.setMissCause(MissCause.valueOf(ProtoEnums.toProto(r.missCause(), MissCause.getDescriptor())));
        }
        if (r.settledAt() != null) {
            b.setSettledAt(ProtoTime.timestamp(r.settledAt()));
        }
        return b.build();
    }

    public static GetScheduledTasksUseCase.Query query(GetScheduledTasksRequest r) {
        return new GetScheduledTasksUseCase.Query(ProtoValues.account(r.getAccountId()),
                ProtoValues.report(r.getReportId()), TaskMapping.scheduleId(r.getScheduleId()),
                ProtoTime.instant("from", r.hasFrom(), r.getFrom()), ProtoTime.instant("to", r.hasTo(), r.getTo()),
                ProtoValues.page(r.getPageSize(), r.getPageToken()));
    }

    public static GetScheduledTasksResponse response(GetScheduledTasksUseCase.Result r) {
        return GetScheduledTasksResponse.newBuilder().addAllRuns(toProto(r.page().items()))
                .setNextPageToken(r.page().nextPageToken()).build();
    }

    public static GetMissedScheduleRunsUseCase.Query query(GetMissedScheduleRunsRequest r) {
        return new GetMissedScheduleRunsUseCase.Query(TaskMapping.scheduleId(r.getScheduleId()),
                ProtoValues.report(r.getReportId()), ProtoValues.account(r.getAccountId()), r.getIncludeSkipped(),
                ProtoTime.instant("from", r.hasFrom(), r.getFrom()), ProtoTime.instant("to", r.hasTo(), r.getTo()),
                ProtoValues.page(r.getPageSize(), r.getPageToken()));
    }

    public static GetMissedScheduleRunsResponse response(GetMissedScheduleRunsUseCase.Result r) {
        return GetMissedScheduleRunsResponse.newBuilder().addAllRuns(toProto(r.page().items()))
                .setNextPageToken(r.page().nextPageToken()).build();
    }

    public static GetAllMissedRunsUseCase.Query query(GetAllMissedRunsRequest r) {
        return new GetAllMissedRunsUseCase.Query(ProtoValues.account(r.getAccountId()), r.getIncludeSkipped(),
                ProtoTime.instant("from", r.hasFrom(), r.getFrom()), ProtoTime.instant("to", r.hasTo(), r.getTo()),
                ProtoValues.page(r.getPageSize(), r.getPageToken()));
    }

    public static GetAllMissedRunsResponse response(GetAllMissedRunsUseCase.Result r) {
        return GetAllMissedRunsResponse.newBuilder().addAllRuns(toProto(r.page().items()))
                .setNextPageToken(r.page().nextPageToken()).build();
    }

    public static GetUpcomingAccountSchedulesUseCase.Query query(GetUpcomingAccountSchedulesRequest r) {
        return new GetUpcomingAccountSchedulesUseCase.Query(ProtoValues.account(r.getAccountId()),
                ProtoTime.instant("from", r.hasFrom(), r.getFrom()), ProtoTime.instant("to", r.hasTo(), r.getTo()),
                ProtoValues.page(r.getPageSize(), r.getPageToken()));
    }

    public static GetUpcomingAccountSchedulesResponse response(GetUpcomingAccountSchedulesUseCase.Result r) {
        return GetUpcomingAccountSchedulesResponse.newBuilder()
                .addAllRuns(r.page().items().stream().map(u -> UpcomingRun.newBuilder()
                        .setScheduleId(u.scheduleId().value()).setScheduleName(u.scheduleName())
                        .setReport(ProtoValues.reportRef(u.report())).setFireAt(ProtoTime.timestamp(u.fireAt()))
                        .build()).toList())
                .setNextPageToken(r.page().nextPageToken())
                .setFrom(ProtoTime.timestamp(r.from())).setTo(ProtoTime.timestamp(r.to()))
                .setComplete(r.complete()).build();
    }

    private static List<com.grepsr.scheduler.adapters.grpc.v1.ScheduledRun> toProto(List<ScheduledRun> runs) {
        return runs.stream().map(ScheduledRunMapping::toProto).toList();
    }
}
