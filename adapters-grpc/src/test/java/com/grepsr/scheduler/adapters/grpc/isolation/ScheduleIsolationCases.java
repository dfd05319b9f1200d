package com.grepsr.scheduler.adapters.grpc.isolation;

import com.grepsr.scheduler.adapters.grpc.GrpcTestKit;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetNextSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetUpcomingAccountSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ReportRef;
import com.grepsr.scheduler.adapters.grpc.v1.Schedule;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleStatus;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UnpauseScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpcomingRun;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateScheduleRequest;

import java.util.List;

import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetAllSchedulesMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetNextSchedulesMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetScheduleMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetSchedulesMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getGetUpcomingAccountSchedulesMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getScheduleMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getStopScheduleMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getUnpauseScheduleMethod;
import static com.grepsr.scheduler.adapters.grpc.v1.SchedulerServiceGrpc.getUpdateScheduleMethod;
import static org.assertj.core.api.Assertions.assertThat;

/** The schedule methods: create, change, pause/delete, resume, read, list, forecast. */
final class ScheduleIsolationCases {

    private ScheduleIsolationCases() {
    }

    static List<IsolationCase> all() {
        return List.of(
                IsolationCase.of(getScheduleMethod())
                        .own(w -> newSchedule(w.acme.report()),
                                (w, r) -> assertThat(r.getSchedule().getReport().getAccountId()).isEqualTo("acme"))
                        .denied("a schedule for B's report", w -> newSchedule(w.globex.report()))
                        .denied("a schedule for B's account under A's report id", w -> newSchedule(
                                w.acme.report().toBuilder().setAccountId("globex").build()))
                        .build(),
                IsolationCase.of(getStopScheduleMethod())
                        .own(w -> pause(w.acme.schedule()),
                                (w, r) -> assertThat(r.getSchedule().getStatus()).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_PAUSED))
                        .denied("pausing B's schedule", w -> pause(w.globex.schedule()))
                        .denied("deleting B's schedule", w -> pause(w.globex.schedule()).toBuilder().setDelete(true).build())
                        .build(),
                IsolationCase.of(getUpdateScheduleMethod())
                        .own(w -> rename(w, w.acme.schedule()),
                                (w, r) -> assertThat(r.getSchedule().getName()).isEqualTo("renamed"))
                        .denied("renaming B's schedule at its current version", w -> rename(w, w.globex.schedule()))
                        .denied("skipping an occurrence of B's schedule", w -> UpdateScheduleRequest.newBuilder()
                                .setScheduleId(w.globex.schedule()).setExpectedVersion(w.versionOf(w.globex.schedule()))
                                .setSkipOccurrence(GrpcTestKit.at(GrpcTestKit.T0.plusSeconds(6 * 3600))).build())
                        .build(),
                IsolationCase.of(getUnpauseScheduleMethod())
                        .own(w -> unpause(w.acme.pausedSchedule()),
                                (w, r) -> assertThat(r.getSchedule().getStatus()).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_ACTIVE))
                        .denied("resuming B's paused schedule", w -> unpause(w.globex.pausedSchedule()))
                        .build(),
                IsolationCase.of(getGetScheduleMethod())
                        .own(w -> get(w.acme.schedule()),
                                (w, r) -> assertThat(r.getSchedule().getScheduleId()).isEqualTo(w.acme.schedule()))
                        .denied("B's schedule", w -> get(w.globex.schedule()))
                        .denied("B's paused schedule", w -> get(w.globex.pausedSchedule()))
                        .build(),
                IsolationCase.of(getGetSchedulesMethod())
                        .own(w -> GetSchedulesRequest.newBuilder().setReportId("acme-report").build(),
                                (w, r) -> assertThat(r.getSchedulesList()).extracting(Schedule::getScheduleId)
                                        .containsExactlyInAnyOrder(w.acme.schedule(), w.acme.pausedSchedule()))
                        .denied("B's account", w -> GetSchedulesRequest.newBuilder().setAccountId("globex")
                                .setReportId("globex-report").build())
                        .hidden("B's report", w -> GetSchedulesRequest.newBuilder().setReportId("globex-report").build(),
                                (w, r) -> assertThat(r.getSchedulesList()).isEmpty())
                        .hidden("B's project, deleted schedules included", w -> GetSchedulesRequest.newBuilder()
                                .setProjectId("proj-9").addAllStatuses(List.of(ScheduleStatus.SCHEDULE_STATUS_ACTIVE,
                                        ScheduleStatus.SCHEDULE_STATUS_PAUSED, ScheduleStatus.SCHEDULE_STATUS_DELETED))
                                .build(), (w, r) -> assertThat(r.getSchedulesList()).isEmpty())
                        .hidden("B's project with a page token from B's own listing", w -> GetSchedulesRequest
                                .newBuilder().setProjectId("proj-9").setPageToken(w.kit.globex().getSchedules(
                                        GetSchedulesRequest.newBuilder().setProjectId("proj-9").setPageSize(1).build())
                                        .getNextPageToken()).build(),
                                (w, r) -> assertThat(r.getSchedulesList()).isEmpty())
                        .build(),
                IsolationCase.of(getGetAllSchedulesMethod())
                        .adminOnly(w -> GetAllSchedulesRequest.newBuilder().setAccountId("globex").build(),
                                (w, r) -> assertThat(r.getSchedulesList()).extracting(Schedule::getScheduleId)
                                        .contains(w.globex.schedule()))
                        .denied("B's schedules", w -> GetAllSchedulesRequest.newBuilder().setAccountId("globex").build())
                        .denied("A's own schedules", w -> GetAllSchedulesRequest.newBuilder().setAccountId("acme").build())
                        .denied("everyone's schedules", w -> GetAllSchedulesRequest.getDefaultInstance())
                        .build(),
                IsolationCase.of(getGetNextSchedulesMethod())
                        .own(w -> next(w.acme.schedule()), (w, r) -> assertThat(r.getFireTimesList()).hasSize(3))
                        .denied("B's schedule", w -> next(w.globex.schedule()))
                        .denied("B's paused schedule", w -> next(w.globex.pausedSchedule()))
                        .build(),
                IsolationCase.of(getGetUpcomingAccountSchedulesMethod())
                        .own(w -> GetUpcomingAccountSchedulesRequest.getDefaultInstance(),
                                (w, r) -> assertThat(r.getRunsList()).isNotEmpty().extracting(UpcomingRun::getScheduleId)
                                        .containsOnly(w.acme.schedule()))
                        .denied("B's account", w -> GetUpcomingAccountSchedulesRequest.newBuilder().setAccountId("globex")
                                .build())
                        .build());
    }

    private static ScheduleRequest newSchedule(ReportRef report) {
        return ScheduleRequest.newBuilder().setName("another").setReport(report).setTiming(GrpcTestKit.hourly()).build();
    }

    private static StopScheduleRequest pause(String schedule) {
        return StopScheduleRequest.newBuilder().setScheduleId(schedule).build();
    }

    private static UnpauseScheduleRequest unpause(String schedule) {
        return UnpauseScheduleRequest.newBuilder().setScheduleId(schedule).build();
    }

    private static UpdateScheduleRequest rename(IsolationWorld w, String schedule) {
        return UpdateScheduleRequest.newBuilder().setScheduleId(schedule).setExpectedVersion(w.versionOf(schedule))
                .setName("renamed").build();
    }

    private static GetScheduleRequest get(String schedule) {
        return GetScheduleRequest.newBuilder().setScheduleId(schedule).build();
    }

    private static GetNextSchedulesRequest next(String schedule) {
        return GetNextSchedulesRequest.newBuilder().setScheduleId(schedule).setCount(3).build();
    }
}
