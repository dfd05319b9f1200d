package com.grepsr.scheduler.adapters.grpc.mapping;

import com.grepsr.scheduler.adapters.grpc.v1.GetAllSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllSchedulesResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetNextSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetNextSchedulesResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.GetSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetSchedulesResponse;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleStatus;
import com.grepsr.scheduler.application.port.in.GetAllSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetNextSchedulesUseCase;
import com.grepsr.scheduler.application.port.in.GetScheduleUseCase;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase;
import com.grepsr.scheduler.domain.schedule.ScheduleId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** GetSchedule, GetSchedules, GetAllSchedules and GetNextSchedules. */
public final class ScheduleQueryMapping {

    private ScheduleQueryMapping() {
    }

    public static GetScheduleUseCase.Query query(GetScheduleRequest r) {
        return new GetScheduleUseCase.Query(ScheduleMapping.scheduleId(r.getScheduleId()));
    }

    public static GetScheduleResponse response(GetScheduleUseCase.Result r) {
        return GetScheduleResponse.newBuilder().setSchedule(ScheduleMapping.toProto(r.schedule())).build();
    }

    public static GetSchedulesUseCase.Query query(GetSchedulesRequest r) {
        return new GetSchedulesUseCase.Query(ProtoValues.report(r.getReportId()), ProtoValues.project(r.getProjectId()),
                ProtoValues.account(r.getAccountId()), statuses(r.getStatusesValueList()),
                ProtoValues.page(r.getPageSize(), r.getPageToken()));
    }

    public static GetSchedulesResponse response(GetSchedulesUseCase.Result r) {
        return GetSchedulesResponse.newBuilder()
                .addAllSchedules(r.page().items().stream().map(ScheduleMapping::toProto).toList())
                .setNextPageToken(r.page().nextPageToken()).build();
    }

    public static GetAllSchedulesUseCase.Query query(GetAllSchedulesRequest r) {
        return new GetAllSchedulesUseCase.Query(ProtoValues.account(r.getAccountId()),
                ProtoValues.project(r.getProjectId()), ProtoValues.report(r.getReportId()),
                statuses(r.getStatusesValueList()), ProtoValues.page(r.getPageSize(), r.getPageToken()));
    }

    public static GetAllSchedulesResponse response(GetAllSchedulesUseCase.Result r) {
        return GetAllSchedulesResponse.newBuilder()
                .addAllSchedules(r.page().items().stream().map(ScheduleMapping::toProto).toList())
                .setNextPageToken(r.page().nextPageToken()).build();
    }

    public static GetNextSchedulesUseCase.Query query(GetNextSchedulesRequest r) {
        return new GetNextSchedulesUseCase.Query(ProtoValues.optionalId("schedule_id", r.getScheduleId(), ScheduleId::of),
                Optional.ofNullable(TimingMapping.toInput("timing", r.hasTiming(), r.getTiming())), r.getCount(),
                ProtoTime.instant("after", r.hasAfter(), r.getAfter()));
    }

    public static GetNextSchedulesResponse response(GetNextSchedulesUseCase.Result r) {
        var b = GetNextSchedulesResponse.newBuilder().setZone(r.zone().getId())
                .addAllFireTimes(ScheduleMapping.timestamps(r.fireTimes()));
        r.localFireTimes().forEach(t -> b.addLocalFireTimes(t.toOffsetDateTime().toString()));
        r.status().ifPresent(s -> b.setStatus(ScheduleMapping.status(s)));
        return b.build();
    }

    private static Set<com.grepsr.scheduler.domain.schedule.ScheduleStatus> statuses(List<Integer> numbers) {
        return ProtoEnums.toDomainSet("statuses", numbers, ScheduleStatus.getDescriptor(),
                com.grepsr.scheduler.domain.schedule.ScheduleStatus.class);
    }
}
