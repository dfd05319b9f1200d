package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.adapters.grpc.v1.GetAllMissedRunsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetAllSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetMissedScheduleRunsRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduledTasksRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetUpcomingAccountSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicy;
import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicyKind;
import com.grepsr.scheduler.adapters.grpc.v1.MissCause;
import com.grepsr.scheduler.adapters.grpc.v1.RunStatus;
import com.grepsr.scheduler.adapters.grpc.v1.Schedule;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleStatus;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduledRun;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.T0;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeHourly;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.at;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.invalid;
import static io.grpc.Status.Code.NOT_FOUND;
import static io.grpc.Status.Code.PERMISSION_DENIED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list methods over schedules and their runs: GetSchedules, GetAllSchedules,
 * GetUpcomingAccountSchedules, GetScheduledTasks, GetMissedScheduleRuns, GetAllMissedRuns.
 */
class ListMethodsTest {

    private final GrpcTestKit kit = new GrpcTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    /**
     * An hourly schedule from 10:00 that skips misfires, with the scheduler down until 12:00:
     * the 10:00 and 11:00 runs are MISSED, the 12:00 one fires.
     */
    private Schedule acmeScheduleThatMissedTwoRuns() {
        Schedule s = kit.acme().schedule(acmeHourly("report-1").setMisfirePolicy(MisfirePolicy.newBuilder()
                .setKind(MisfirePolicyKind.MISFIRE_POLICY_KIND_SKIP)).build()).getSchedule();
        kit.scheduler.calculator().tick(T0);
        kit.scheduler.clock().tick(Duration.ofHours(3));
        kit.scheduler.processor().tick(kit.scheduler.clock().instant());
        return s;
    }

    @Test
    void get_schedules_lists_a_reports_schedules_and_leaves_deleted_ones_out() {
        Schedule kept = kit.acmeSchedule();
        Schedule deleted = kit.acmeSchedule();
        kit.acme().stopSchedule(StopScheduleRequest.newBuilder().setScheduleId(deleted.getScheduleId())
                .setDelete(true).build());

        var r = kit.acme().getSchedules(GetSchedulesRequest.newBuilder().setReportId("report-1").build());
        var all = kit.acme().getSchedules(GetSchedulesRequest.newBuilder().setProjectId("proj-1")
                .addStatuses(ScheduleStatus.SCHEDULE_STATUS_DELETED).build());

        assertThat(r.getSchedulesList()).extracting(Schedule::getScheduleId).containsExactly(kept.getScheduleId());
        assertThat(r.getSchedules(0).hasNextRunAt()).isTrue();
        assertThat(all.getSchedulesList()).extracting(Schedule::getScheduleId).containsExactly(deleted.getScheduleId());
        assertThat(kit.globex().getSchedules(GetSchedulesRequest.newBuilder().setReportId("report-1").build())
                .getSchedulesList()).isEmpty();
        fails(PERMISSION_DENIED, () -> kit.globex().getSchedules(GetSchedulesRequest.newBuilder()
                .setReportId("report-1").setAccountId("acme").build()));
        invalid("report_id", () -> kit.admin().getSchedules(GetSchedulesRequest.getDefaultInstance()));
    }

    @Test
    void get_schedules_with_no_report_or_project_lists_the_account_tokens_own_schedules_paged() {
        Schedule a = kit.acmeSchedule();
        kit.globex().schedule(GrpcTestKit.acmeHourly("report-1").setReport(GrpcTestKit.globexReport("report-1"))
                .build());
        Schedule b = kit.acme().schedule(GrpcTestKit.acmeHourly("report-2").build()).getSchedule();

        var first = kit.acme().getSchedules(GetSchedulesRequest.newBuilder().setPageSize(1).build());
        var second = kit.acme().getSchedules(GetSchedulesRequest.newBuilder().setPageSize(1)
                .setPageToken(first.getNextPageToken()).build());

        assertThat(first.getSchedulesList()).extracting(Schedule::getScheduleId).containsExactly(a.getScheduleId());
        assertThat(second.getSchedulesList()).extracting(Schedule::getScheduleId).containsExactly(b.getScheduleId());
        assertThat(second.getNextPageToken()).isEmpty();
        assertThat(kit.admin().getSchedules(GetSchedulesRequest.newBuilder().setAccountId("acme").build())
                .getSchedulesList()).extracting(Schedule::getScheduleId)
                .containsExactly(a.getScheduleId(), b.getScheduleId());
    }

    @Test
    void get_all_schedules_is_for_admins_and_pages_through_every_account() {
        Schedule first = kit.acmeSchedule();
        Schedule second = kit.acmeSchedule();

        var page = kit.admin().getAllSchedules(GetAllSchedulesRequest.newBuilder().setPageSize(1).build());
        var next = kit.admin().getAllSchedules(GetAllSchedulesRequest.newBuilder().setPageSize(1)
                .setPageToken(page.getNextPageToken()).build());

        assertThat(page.getSchedulesList()).extracting(Schedule::getScheduleId).containsExactly(first.getScheduleId());
        assertThat(next.getSchedulesList()).extracting(Schedule::getScheduleId).containsExactly(second.getScheduleId());
        assertThat(next.getNextPageToken()).isEmpty();
        fails(PERMISSION_DENIED, () -> kit.acme().getAllSchedules(GetAllSchedulesRequest.getDefaultInstance()));
        invalid("page_size", () -> kit.admin().getAllSchedules(GetAllSchedulesRequest.newBuilder().setPageSize(501)
                .build()));
    }

    @Test
    void get_upcoming_account_schedules_forecasts_an_accounts_runs() {
        Schedule s = kit.acmeSchedule();

        var r = kit.acme().getUpcomingAccountSchedules(GetUpcomingAccountSchedulesRequest.newBuilder()
                .setFrom(at(T0)).setTo(at(T0.plus(Duration.ofHours(3)))).build());

        assertThat(r.getRunsList()).extracting(u -> u.getFireAt()).containsExactly(
                at(Instant.parse("2026-03-02T10:00:00Z")), at(Instant.parse("2026-03-02T11:00:00Z")),
                at(Instant.parse("2026-03-02T12:00:00Z")));
        assertThat(r.getRuns(0).getScheduleId()).isEqualTo(s.getScheduleId());
        assertThat(r.getComplete()).isTrue();
        fails(PERMISSION_DENIED, () -> kit.acme().getUpcomingAccountSchedules(GetUpcomingAccountSchedulesRequest
                .newBuilder().setAccountId("globex").build()));
        invalid("to", () -> kit.acme().getUpcomingAccountSchedules(GetUpcomingAccountSchedulesRequest.newBuilder()
                .setFrom(at(T0)).setTo(at(T0.plus(Duration.ofDays(40)))).build()));
    }

    @Test
    void get_scheduled_tasks_lists_the_materialized_runs_soonest_first() {
        Schedule s = kit.acmeSchedule();
        kit.scheduler.calculator().tick(T0);

        var r = kit.acme().getScheduledTasks(GetScheduledTasksRequest.newBuilder().setScheduleId(s.getScheduleId())
                .setTo(at(T0.plus(Duration.ofHours(2)))).build());

        assertThat(r.getRunsList()).extracting(ScheduledRun::getFireAt).containsExactly(
                at(Instant.parse("2026-03-02T10:00:00Z")), at(Instant.parse("2026-03-02T11:00:00Z")));
        assertThat(r.getRunsList()).extracting(ScheduledRun::getStatus).containsOnly(RunStatus.RUN_STATUS_PENDING);
        fails(NOT_FOUND, () -> kit.acme().getScheduledTasks(GetScheduledTasksRequest.newBuilder()
                .setScheduleId("nope").build()));
        fails(PERMISSION_DENIED, () -> kit.globex().getScheduledTasks(GetScheduledTasksRequest.newBuilder()
                .setScheduleId(s.getScheduleId()).build()));
        invalid("to", () -> kit.acme().getScheduledTasks(GetScheduledTasksRequest.newBuilder()
                .setFrom(at(T0)).setTo(at(T0.minusSeconds(1))).build()));
    }

    @Test
    void get_missed_schedule_runs_lists_a_schedules_missed_runs_with_their_cause() {
        Schedule s = acmeScheduleThatMissedTwoRuns();

        var r = kit.acme().getMissedScheduleRuns(GetMissedScheduleRunsRequest.newBuilder()
                .setScheduleId(s.getScheduleId()).build());

        assertThat(r.getRunsList()).extracting(ScheduledRun::getFireAt).containsExactly(
                at(Instant.parse("2026-03-02T11:00:00Z")), at(Instant.parse("2026-03-02T10:00:00Z")));
        assertThat(r.getRunsList()).extracting(ScheduledRun::getMissCause)
                .containsOnly(MissCause.MISS_CAUSE_SCHEDULER_DOWN);
        fails(NOT_FOUND, () -> kit.acme().getMissedScheduleRuns(GetMissedScheduleRunsRequest.newBuilder()
                .setScheduleId("nope").build()));
        fails(PERMISSION_DENIED, () -> kit.globex().getMissedScheduleRuns(GetMissedScheduleRunsRequest.newBuilder()
                .setScheduleId(s.getScheduleId()).build()));
        invalid("schedule_id", () -> kit.acme().getMissedScheduleRuns(GetMissedScheduleRunsRequest
                .getDefaultInstance()));
    }

    @Test
    void get_all_missed_runs_is_for_admins() {
        acmeScheduleThatMissedTwoRuns();

        var r = kit.admin().getAllMissedRuns(GetAllMissedRunsRequest.newBuilder().setAccountId("acme").build());

        assertThat(r.getRunsList()).hasSize(2).extracting(ScheduledRun::getStatus)
                .containsOnly(RunStatus.RUN_STATUS_MISSED);
        fails(PERMISSION_DENIED, () -> kit.acme().getAllMissedRuns(GetAllMissedRunsRequest.getDefaultInstance()));
        invalid("to", () -> kit.admin().getAllMissedRuns(GetAllMissedRunsRequest.newBuilder().setFrom(at(T0))
                .setTo(at(T0.minusSeconds(1))).build()));
    }
}
