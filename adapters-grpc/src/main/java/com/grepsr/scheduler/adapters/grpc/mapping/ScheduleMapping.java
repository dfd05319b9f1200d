package com.grepsr.scheduler.adapters.grpc.mapping;

import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicyKind;
import com.grepsr.scheduler.adapters.grpc.v1.OverlapPolicy;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleStatus;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.UnpauseScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UnpauseScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateScheduleResponse;
import com.grepsr.scheduler.application.port.in.GetSchedulesUseCase.ScheduleSummary;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UnpauseScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleDetails;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.TaskId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Schedule, UpdateSchedule, StopSchedule and UnpauseSchedule, and a schedule as the wire shows
 * it. The reads (GetSchedule, GetSchedules, GetAllSchedules, GetNextSchedules) are in
 * {@link ScheduleQueryMapping}.
 */
public final class ScheduleMapping {

    private ScheduleMapping() {
    }

    public static ScheduleUseCase.Command command(ScheduleRequest r) {
        return new ScheduleUseCase.Command(r.getName(), ProtoValues.reportRef(r.hasReport(), r.getReport()),
                TimingMapping.toInput("timing", r.hasTiming(), r.getTiming()), ProtoValues.parameters(r.getParametersMap()),
                r.hasMisfirePolicy() ? misfire(r.getMisfirePolicy()) : null,
                overlap(r.getOverlapPolicyValue()).orElse(null),
                ProtoTime.duration("task_timeout", r.hasTaskTimeout(), r.getTaskTimeout()),
                ProtoValues.requestId(r.getRequestId()));
    }

    public static ScheduleResponse response(ScheduleUseCase.Result r) {
        return ScheduleResponse.newBuilder().setSchedule(toProto(r.schedule(), Optional.empty()))
                .addAllNextFireTimes(timestamps(r.nextFireTimes())).build();
    }

    public static UpdateScheduleUseCase.Command command(UpdateScheduleRequest r) {
        return new UpdateScheduleUseCase.Command(scheduleId(r.getScheduleId()), r.getExpectedVersion(),
                r.hasName() ? Optional.of(r.getName()) : Optional.empty(),
                Optional.ofNullable(TimingMapping.toInput("timing", r.hasTiming(), r.getTiming())),
                r.hasParameters() ? Optional.of(ProtoValues.parameters(r.getParameters().getValuesMap()))
                        : Optional.empty(),
                r.hasMisfirePolicy() ? Optional.of(misfire(r.getMisfirePolicy())) : Optional.empty(),
                overlap(r.getOverlapPolicyValue()),
                ProtoTime.duration("task_timeout", r.hasTaskTimeout(), r.getTaskTimeout()),
                ProtoTime.instant("skip_occurrence", r.hasSkipOccurrence(), r.getSkipOccurrence()));
    }

    public static UpdateScheduleResponse response(UpdateScheduleUseCase.Result r) {
        return UpdateScheduleResponse.newBuilder().setSchedule(toProto(r.schedule(), Optional.empty()))
                .addAllNextFireTimes(timestamps(r.nextFireTimes())).build();
    }

    public static StopScheduleUseCase.Command command(StopScheduleRequest r) {
        return new StopScheduleUseCase.Command(scheduleId(r.getScheduleId()),
                ProtoTime.instant("pause_until", r.hasPauseUntil(), r.getPauseUntil()), r.getDelete(),
                r.getStopActiveTasks());
    }

    public static StopScheduleResponse response(StopScheduleUseCase.Result r) {
        return StopScheduleResponse.newBuilder().setSchedule(toProto(r.schedule(), Optional.empty()))
                .setCancelledRuns(r.cancelledRuns())
                .addAllStoppedTaskIds(r.stoppedTasks().stream().map(TaskId::value).toList()).build();
    }

    public static UnpauseScheduleUseCase.Command command(UnpauseScheduleRequest r) {
        return new UnpauseScheduleUseCase.Command(scheduleId(r.getScheduleId()));
    }

    public static UnpauseScheduleResponse response(UnpauseScheduleUseCase.Result r) {
        return UnpauseScheduleResponse.newBuilder().setSchedule(toProto(r.schedule(), Optional.empty()))
                .addAllNextFireTimes(timestamps(r.nextFireTimes())).build();
    }

    /** A schedule; {@code nextRunAt} is known to reads only. */
    public static com.grepsr.scheduler.adapters.grpc.v1.Schedule toProto(Schedule s, Optional<Instant> nextRunAt) {
        ScheduleDetails d = s.details();
        var b = com.grepsr.scheduler.adapters.grpc.v1.Schedule.newBuilder()
                .setScheduleId(s.id().value())
                .setName(s.name())
                .setReport(ProtoValues.reportRef(s.report()))
                .setTiming(TimingMapping.toProto(d.timing()))
                .putAllParameters(d.parameters().values())
                .setMisfirePolicy(misfire(d.misfire()))
                .setOverlapPolicy(OverlapPolicy.valueOf(ProtoEnums.toProto(d.overlap(), OverlapPolicy.getDescriptor())))
                .setStatus(status(s.status()))
                .setVersion(s.version())
                .setCreatedAt(ProtoTime.timestamp(s.createdAt()))
                .setUpdatedAt(ProtoTime.timestamp(s.updatedAt()));
        if (d.taskTimeout() != null) {
            b.setTaskTimeout(ProtoTime.duration(d.taskTimeout()));
        }
        s.pausedUntil().ifPresent(t -> b.setPausedUntil(ProtoTime.timestamp(t)));
        s.skippedOccurrences().stream().sorted().forEach(t -> b.addSkippedOccurrences(ProtoTime.timestamp(t)));
        nextRunAt.ifPresent(t -> b.setNextRunAt(ProtoTime.timestamp(t)));
        return b.build();
    }

    public static com.grepsr.scheduler.adapters.grpc.v1.Schedule toProto(ScheduleSummary s) {
        return toProto(s.schedule(), s.nextRunAt());
    }

    static ScheduleStatus status(com.grepsr.scheduler.domain.schedule.ScheduleStatus s) {
        return ScheduleStatus.valueOf(ProtoEnums.toProto(s, ScheduleStatus.getDescriptor()));
    }

    static ScheduleId scheduleId(String text) {
        return ProtoValues.id("schedule_id", text, ScheduleId::of);
    }

    static List<com.google.protobuf.Timestamp> timestamps(List<Instant> instants) {
        return instants.stream().map(ProtoTime::timestamp).toList();
    }

    private static Optional<com.grepsr.scheduler.domain.schedule.OverlapPolicy> overlap(int number) {
        return ProtoEnums.toDomain("overlap_policy", number, OverlapPolicy.getDescriptor(),
                com.grepsr.scheduler.domain.schedule.OverlapPolicy.class);
    }

    private static MisfirePolicy misfire(com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicy m) {
        MisfirePolicy.Kind kind = ProtoEnums.toDomain("misfire_policy.kind", m.getKindValue(),
                        MisfirePolicyKind.getDescriptor(), MisfirePolicy.Kind.class)
                .orElseThrow(() -> ValidationException.of("misfire_policy.kind",
                        "is required: FIRE_ONCE_NOW, SKIP or FIRE_ALL_WITHIN"));
        return new MisfirePolicy(kind, m.hasCatchUpWindow()
                ? ProtoTime.duration("misfire_policy.catch_up_window", m.getCatchUpWindow()) : null);
    }

    private static com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicy misfire(MisfirePolicy m) {
        var b = com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicy.newBuilder()
                .setKind(MisfirePolicyKind.valueOf(ProtoEnums.toProto(m.kind(), MisfirePolicyKind.getDescriptor())));
        if (!m.catchUpWindow().isZero()) {
            b.setCatchUpWindow(ProtoTime.duration(m.catchUpWindow()));
        }
        return b.build();
    }
}
