package com.grepsr.scheduler.adapters.grpc;

import com.grepsr.scheduler.adapters.grpc.v1.GetNextSchedulesRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.GetTaskStatusRequest;
import com.grepsr.scheduler.adapters.grpc.v1.OneTimeRunRequest;
import com.grepsr.scheduler.adapters.grpc.v1.TaskStatus;
import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicy;
import com.grepsr.scheduler.adapters.grpc.v1.MisfirePolicyKind;
import com.grepsr.scheduler.adapters.grpc.v1.OneTime;
import com.grepsr.scheduler.adapters.grpc.v1.OverlapPolicy;
import com.grepsr.scheduler.adapters.grpc.v1.Parameters;
import com.grepsr.scheduler.adapters.grpc.v1.Repeat;
import com.grepsr.scheduler.adapters.grpc.v1.Schedule;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleForm;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleResponse;
import com.grepsr.scheduler.adapters.grpc.v1.ScheduleStatus;
import com.grepsr.scheduler.adapters.grpc.v1.StopScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Timing;
import com.grepsr.scheduler.adapters.grpc.v1.UnpauseScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.UpdateScheduleRequest;
import com.grepsr.scheduler.adapters.grpc.v1.Weekday;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.LONDON;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.T0;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeHourly;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.acmeReport;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.at;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.fails;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.globexReport;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.hourly;
import static com.grepsr.scheduler.adapters.grpc.GrpcTestKit.invalid;
import static io.grpc.Status.Code.ABORTED;
import static io.grpc.Status.Code.FAILED_PRECONDITION;
import static io.grpc.Status.Code.NOT_FOUND;
import static io.grpc.Status.Code.PERMISSION_DENIED;
import static org.assertj.core.api.Assertions.assertThat;

/** Schedule, UpdateSchedule, StopSchedule, UnpauseSchedule, GetSchedule and GetNextSchedules over gRPC. */
class ScheduleMethodsTest {

    private final GrpcTestKit kit = new GrpcTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    /** The platform's form: every 2 weeks on Monday and Thursday at 09:00 from 2026-03-02, until April. */
    private static Timing fortnightlyForm() {
        return Timing.newBuilder().setZone(LONDON).setForm(ScheduleForm.newBuilder().setStart("2026-03-02T09:00")
                .setRepeat(Repeat.REPEAT_WEEKLY).setEvery(2)
                .addRepeatsOnWeekdays(Weekday.WEEKDAY_MONDAY).addRepeatsOnWeekdays(Weekday.WEEKDAY_THURSDAY)
                .setEndsOn("2026-04-30")).build();
    }

    // ---- Schedule -------------------------------------------------------------------------------

    @Test
    void schedule_creates_an_active_schedule_and_answers_its_next_fire_times() {
        ScheduleResponse r = kit.acme().schedule(acmeHourly("report-1").putParameters("category", "shoes")
                .setOverlapPolicy(OverlapPolicy.OVERLAP_POLICY_SKIP)
                .setMisfirePolicy(MisfirePolicy.newBuilder().setKind(MisfirePolicyKind.MISFIRE_POLICY_KIND_SKIP))
                .build());

        Schedule s = r.getSchedule();
        assertThat(s.getStatus()).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_ACTIVE);
        assertThat(s.getVersion()).isEqualTo(1);
        assertThat(s.getTiming().getFixedInterval().getSeconds()).isEqualTo(3600);
        assertThat(s.getTiming().getStart()).isEqualTo("2026-03-02T10:00");
        assertThat(s.getParametersMap()).containsEntry("category", "shoes");
        assertThat(s.getOverlapPolicy()).isEqualTo(OverlapPolicy.OVERLAP_POLICY_SKIP);
        assertThat(s.getMisfirePolicy().getKind()).isEqualTo(MisfirePolicyKind.MISFIRE_POLICY_KIND_SKIP);
        assertThat(r.getNextFireTimesList()).hasSize(5).first()
                .isEqualTo(at(Instant.parse("2026-03-02T10:00:00Z")));
    }

    @Test
    void schedule_made_with_the_platforms_form_reads_back_as_its_rrule() {

        Schedule s = kit.acme().schedule(acmeHourly("report-1").setTiming(fortnightlyForm()).build()).getSchedule();

        assertThat(s.getTiming().getRrule()).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH");
        assertThat(s.getTiming().getStart()).isEqualTo("2026-03-02T09:00");
    }

    @Test
    void schedule_with_an_unknown_zone_or_an_end_before_its_start_is_invalid() {
        invalid("timing.zone", () -> kit.acme().schedule(acmeHourly("report-1")
                .setTiming(hourly().toBuilder().setZone("Mars/Olympus_Mons")).build()));
        invalid("timing.end", () -> kit.acme().schedule(acmeHourly("report-1")
                .setTiming(hourly().toBuilder().setEnd("2026-03-01T00:00")).build()));
        invalid("timing", () -> kit.acme().schedule(acmeHourly("report-1").clearTiming().build()));
    }

    @Test
    void schedule_form_errors_name_the_form_field_under_the_timing() {
        Timing badForm = fortnightlyForm().toBuilder().setForm(fortnightlyForm().getForm().toBuilder().setEvery(0))
                .build();

        invalid("timing.form.every", () -> kit.acme().schedule(acmeHourly("report-1").setTiming(badForm).build()));
    }

    @Test
    void schedule_for_another_accounts_report_is_denied() {
        fails(PERMISSION_DENIED, () -> kit.acme().schedule(acmeHourly("report-1").setReport(globexReport("r-9"))
                .build()));
    }

    // ---- UpdateSchedule -------------------------------------------------------------------------

    @Test
    void update_schedule_changes_what_it_is_given_and_raises_the_version() {
        Schedule s = kit.acmeSchedule();

        Schedule updated = kit.acme().updateSchedule(UpdateScheduleRequest.newBuilder()
                .setScheduleId(s.getScheduleId()).setExpectedVersion(s.getVersion()).setName("renamed")
                .setParameters(Parameters.newBuilder().putValues("category", "hats")).build()).getSchedule();

        assertThat(updated.getName()).isEqualTo("renamed");
        assertThat(updated.getParametersMap()).containsExactlyEntriesOf(java.util.Map.of("category", "hats"));
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(updated.getTiming()).isEqualTo(s.getTiming());
    }

    @Test
    void update_schedule_errors() {
        Schedule s = kit.acmeSchedule();
        UpdateScheduleRequest.Builder rename = UpdateScheduleRequest.newBuilder().setScheduleId(s.getScheduleId())
                .setExpectedVersion(1).setName("renamed");
        kit.acme().updateSchedule(rename.build());

        fails(ABORTED, () -> kit.acme().updateSchedule(rename.build()));
        fails(PERMISSION_DENIED, () -> kit.globex().updateSchedule(rename.setExpectedVersion(2).build()));
        fails(NOT_FOUND, () -> kit.acme().updateSchedule(rename.clone().setScheduleId("no-such-schedule").build()));
        invalid("update", () -> kit.acme().updateSchedule(UpdateScheduleRequest.newBuilder()
                .setScheduleId(s.getScheduleId()).setExpectedVersion(2).build()));
        kit.acme().stopSchedule(StopScheduleRequest.newBuilder().setScheduleId(s.getScheduleId()).setDelete(true)
                .build());
        fails(FAILED_PRECONDITION, () -> kit.acme().updateSchedule(rename.setExpectedVersion(3).build()));
    }

    // ---- StopSchedule / UnpauseSchedule ---------------------------------------------------------

    @Test
    void stop_schedule_pauses_until_an_instant_and_unpause_resumes_it() {
        Schedule s = kit.acmeSchedule();
        Instant until = T0.plusSeconds(86_400);

        Schedule paused = kit.acme().stopSchedule(StopScheduleRequest.newBuilder().setScheduleId(s.getScheduleId())
                .setPauseUntil(at(until)).build()).getSchedule();
        assertThat(paused.getStatus()).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_PAUSED);
        assertThat(paused.getPausedUntil()).isEqualTo(at(until));

        var resumed = kit.acme().unpauseSchedule(UnpauseScheduleRequest.newBuilder()
                .setScheduleId(s.getScheduleId()).build());
        assertThat(resumed.getSchedule().getStatus()).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_ACTIVE);
        assertThat(resumed.getNextFireTimesList()).isNotEmpty();
    }

    @Test
    void stop_schedule_with_stop_active_tasks_stops_the_schedules_tasks_and_only_those() {
        Schedule s = kit.acmeSchedule();
        var ofSchedule = kit.acme().oneTimeRun(OneTimeRunRequest.newBuilder().setReport(acmeReport("report-1"))
                .setScheduleId(s.getScheduleId()).build()).getTask();
        var manual = kit.acmeTask();

        var stopped = kit.acme().stopSchedule(StopScheduleRequest.newBuilder().setScheduleId(s.getScheduleId())
                .setStopActiveTasks(true).build());

        assertThat(stopped.getStoppedTaskIdsList()).containsExactly(ofSchedule.getTaskId());
        assertThat(status(ofSchedule.getTaskId())).isEqualTo(TaskStatus.TASK_STATUS_STOPPED);
        assertThat(status(manual.getTaskId())).isNotEqualTo(TaskStatus.TASK_STATUS_STOPPED);
    }

    @Test
    void stop_schedule_without_the_option_leaves_running_tasks_alone() {
        Schedule s = kit.acmeSchedule();
        var ofSchedule = kit.acme().oneTimeRun(OneTimeRunRequest.newBuilder().setReport(acmeReport("report-1"))
                .setScheduleId(s.getScheduleId()).build()).getTask();

        var stopped = kit.acme().stopSchedule(StopScheduleRequest.newBuilder().setScheduleId(s.getScheduleId())
                .build());

        assertThat(stopped.getStoppedTaskIdsList()).isEmpty();
        assertThat(status(ofSchedule.getTaskId())).isNotEqualTo(TaskStatus.TASK_STATUS_STOPPED);
    }

    private TaskStatus status(String taskId) {
        return kit.acme().getTaskStatus(GetTaskStatusRequest.newBuilder().setTaskId(taskId).build()).getStatus().getStatus();
    }

    @Test
    void stop_schedule_errors() {
        Schedule s = kit.acmeSchedule();
        StopScheduleRequest delete = StopScheduleRequest.newBuilder().setScheduleId(s.getScheduleId())
                .setDelete(true).build();

        invalid("pause_until", () -> kit.acme().stopSchedule(delete.toBuilder().setPauseUntil(at(T0.plusSeconds(60)))
                .build()));
        invalid("pause_until", () -> kit.acme().stopSchedule(StopScheduleRequest.newBuilder()
                .setScheduleId(s.getScheduleId()).setPauseUntil(at(T0.minusSeconds(60))).build()));
        fails(PERMISSION_DENIED, () -> kit.globex().stopSchedule(delete));
        fails(NOT_FOUND, () -> kit.acme().stopSchedule(delete.toBuilder().setScheduleId("no-such").build()));
        assertThat(kit.acme().stopSchedule(delete).getSchedule().getStatus())
                .isEqualTo(ScheduleStatus.SCHEDULE_STATUS_DELETED);
        fails(FAILED_PRECONDITION, () -> kit.acme().stopSchedule(delete));
    }

    @Test
    void unpause_schedule_errors() {
        Schedule s = kit.acmeSchedule();
        UnpauseScheduleRequest unpause = UnpauseScheduleRequest.newBuilder().setScheduleId(s.getScheduleId()).build();

        fails(FAILED_PRECONDITION, () -> kit.acme().unpauseSchedule(unpause));
        fails(PERMISSION_DENIED, () -> kit.globex().unpauseSchedule(unpause));
        fails(NOT_FOUND, () -> kit.acme().unpauseSchedule(unpause.toBuilder().setScheduleId("no-such").build()));
        invalid("schedule_id", () -> kit.acme().unpauseSchedule(UnpauseScheduleRequest.getDefaultInstance()));
    }

    // ---- GetSchedule / GetNextSchedules ---------------------------------------------------------

    @Test
    void get_schedule_answers_the_schedule_with_its_version_and_next_run() {
        Schedule s = kit.acmeSchedule();

        Schedule got = kit.acme().getSchedule(GetScheduleRequest.newBuilder().setScheduleId(s.getScheduleId())
                .build()).getSchedule();

        assertThat(got.getVersion()).isEqualTo(1);
        assertThat(got.getNextRunAt()).isEqualTo(at(Instant.parse("2026-03-02T10:00:00Z")));
        fails(NOT_FOUND, () -> kit.acme().getSchedule(GetScheduleRequest.newBuilder().setScheduleId("nope").build()));
        fails(PERMISSION_DENIED, () -> kit.globex().getSchedule(GetScheduleRequest.newBuilder()
                .setScheduleId(s.getScheduleId()).build()));
        invalid("schedule_id", () -> kit.acme().getSchedule(GetScheduleRequest.getDefaultInstance()));
    }

    @Test
    void get_next_schedules_of_a_saved_schedule() {
        Schedule s = kit.acmeSchedule();

        var r = kit.acme().getNextSchedules(GetNextSchedulesRequest.newBuilder().setScheduleId(s.getScheduleId())
                .setCount(3).build());

        assertThat(r.getZone()).isEqualTo(LONDON);
        assertThat(r.getFireTimesList()).hasSize(3);
        assertThat(r.getLocalFireTimesList()).containsExactly("2026-03-02T10:00Z", "2026-03-02T11:00Z",
                "2026-03-02T12:00Z");
        assertThat(r.getStatus()).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_ACTIVE);
    }

    @Test
    void schedule_made_with_a_form_that_never_repeats_fires_once_at_its_start() {
        Timing once = Timing.newBuilder().setZone(LONDON).setForm(ScheduleForm.newBuilder()
                .setStart("2026-03-03T09:30").setRepeat(Repeat.REPEAT_NEVER)).build();

        ScheduleResponse r = kit.acme().schedule(acmeHourly("report-1").setTiming(once).build());

        assertThat(r.getSchedule().getTiming().getOneTime().getAt()).isEqualTo("2026-03-03T09:30");
        assertThat(r.getNextFireTimesList()).containsExactly(at(Instant.parse("2026-03-03T09:30:00Z")));
    }

    @Test
    void get_next_schedules_previews_the_platforms_form_before_saving() {

        var r = kit.acme().getNextSchedules(GetNextSchedulesRequest.newBuilder().setTiming(fortnightlyForm())
                .setCount(5).setAfter(at(T0.minusSeconds(3600))).build());

        // Mon 2 Mar, Thu 5 Mar, then two weeks on: Mon 16 Mar, Thu 19 Mar (GMT), and Mon 30 Mar on BST:
        // London springs forward on 29 March 2026, and the run stays at 09:00 on the wall clock
        assertThat(r.getLocalFireTimesList()).containsExactly("2026-03-02T09:00Z", "2026-03-05T09:00Z",
                "2026-03-16T09:00Z", "2026-03-19T09:00Z", "2026-03-30T09:00+01:00");
        assertThat(r.getStatus()).isEqualTo(ScheduleStatus.SCHEDULE_STATUS_UNSPECIFIED);
    }

    @Test
    void get_next_schedules_previews_a_one_time_run() {
        var r = kit.acme().getNextSchedules(GetNextSchedulesRequest.newBuilder().setCount(2).setTiming(Timing
                .newBuilder().setZone("Europe/Berlin").setOneTime(OneTime.newBuilder().setAt("2026-12-01T09:00")))
                .build());

        assertThat(r.getLocalFireTimesList()).containsExactly("2026-12-01T09:00+01:00");
    }

    @Test
    void get_next_schedules_errors() {
        Schedule s = kit.acmeSchedule();

        fails(NOT_FOUND, () -> kit.acme().getNextSchedules(GetNextSchedulesRequest.newBuilder()
                .setScheduleId("no-such").setCount(1).build()));
        fails(PERMISSION_DENIED, () -> kit.globex().getNextSchedules(GetNextSchedulesRequest.newBuilder()
                .setScheduleId(s.getScheduleId()).setCount(1).build()));
        invalid("schedule_id", () -> kit.acme().getNextSchedules(GetNextSchedulesRequest.newBuilder().setCount(1)
                .build()));
        invalid("count", () -> kit.acme().getNextSchedules(GetNextSchedulesRequest.newBuilder()
                .setScheduleId(s.getScheduleId()).setCount(5000).build()));
        invalid("timing.one_time.at", () -> kit.acme().getNextSchedules(GetNextSchedulesRequest.newBuilder()
                .setCount(1).setTiming(Timing.newBuilder().setZone(LONDON)
                        .setOneTime(OneTime.newBuilder().setAt("next tuesday"))).build()));
    }
}
