package com.grepsr.scheduler.application.run;

import com.grepsr.scheduler.application.task.RunsFixture;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeTestRunUseCase;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.run.ScheduledRunId;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleId;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.grepsr.scheduler.application.task.RunsFixture.ACME;
import static com.grepsr.scheduler.application.task.RunsFixture.ADMIN;
import static com.grepsr.scheduler.application.task.RunsFixture.GLOBEX;
import static com.grepsr.scheduler.application.task.RunsFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OneTimeRunServiceTest {

    private final RunsFixture f = new RunsFixture();

    private OneTimeRunUseCase.Command manual(ReportRef report, Schedule schedule, Map<String, String> overrides,
                                             Duration timeout) {
        return new OneTimeRunUseCase.Command(report, Optional.ofNullable(schedule).map(Schedule::id), Optional.empty(),
                Parameters.of(overrides), Optional.ofNullable(timeout));
    }

    private OneTimeRunUseCase.Command fire(Schedule schedule, ScheduledRunId run) {
        return new OneTimeRunUseCase.Command(schedule.report(), Optional.of(schedule.id()), Optional.of(run),
                Parameters.NONE, Optional.empty());
    }

    // ---- OneTimeRun, by a user --------------------------------------------------------------

    @Test
    void a_manual_run_is_queued_then_launched_with_a_history_line_for_each_step() {
        Task task = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();

        assertThat(task.kind()).isEqualTo(TaskKind.MANUAL);
        assertThat(task.status()).isEqualTo(TaskStatus.LAUNCHING);
        assertThat(task.launchName()).isPresent();
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(1);
        assertThat(f.statusTrail(task.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING);
        assertThat(f.history(task.id())).extracting(e -> e.source()).containsExactly(Source.SCHEDULER, Source.LAUNCHER);
        assertThat(f.history(task.id()).get(0).metadata()).containsEntry("requested_by", "alice@acme");
    }

    @Test
    void a_run_from_a_schedule_takes_its_parameters_with_the_commands_overriding_and_its_timeout() {
        Schedule s = f.hourlySchedule(Map.of("category", "shoes", "country", "us"), Duration.ofHours(2));

        Task task = f.runNow.execute(ACME, manual(report(), s, Map.of("country", "de"), null)).task();

        assertThat(task.parameters().values()).containsExactlyInAnyOrderEntriesOf(
                Map.of("category", "shoes", "country", "de"));
        assertThat(task.origin().timeout()).isEqualTo(Duration.ofHours(2));
        assertThat(task.scheduleId()).contains(s.id());
        assertThat(task.kind()).isEqualTo(TaskKind.MANUAL);
    }

    @Test
    void the_commands_timeout_wins_over_the_schedules() {
        Schedule s = f.hourlySchedule(Map.of(), Duration.ofHours(2));

        Task task = f.runNow.execute(ACME, manual(report(), s, Map.of(), Duration.ofMinutes(30))).task();

        assertThat(task.origin().timeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void an_unknown_service_code_is_refused_before_anything_is_written() {
        assertThatThrownBy(() -> f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report("report-1", "nope"))))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("report.service_code"));
        assertThat(f.memory.launcher.launchCalls()).isZero();
        assertThat(f.allTasks()).isEmpty();
    }

    @Test
    void another_accounts_report_is_denied_and_nothing_is_written() {
        assertThatThrownBy(() -> f.runNow.execute(GLOBEX, OneTimeRunUseCase.Command.now(report())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.memory.launcher.launchCalls()).isZero();
    }

    @Test
    void an_unknown_schedule_is_not_found() {
        var command = new OneTimeRunUseCase.Command(report(), Optional.of(ScheduleId.of("missing")), Optional.empty(),
                null, null);
        assertThatThrownBy(() -> f.runNow.execute(ACME, command)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_deleted_schedule_is_not_found() {
        Schedule s = f.hourlySchedule(Map.of(), null);
        f.memory.transactions.run(() -> f.memory.schedules.update(s.delete(f.clock.instant()), s.version()));

        assertThatThrownBy(() -> f.runNow.execute(ACME, manual(report(), s, Map.of(), null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void another_accounts_schedule_is_denied() {
        Schedule acmes = f.hourlySchedule(Map.of(), null);
        ReportRef globexReport = ReportRef.of("report-1", "project-9", "globex", RunsFixture.KNOWN_CODE);

        assertThatThrownBy(() -> f.runNow.execute(GLOBEX, manual(globexReport, acmes, Map.of(), null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_schedule_of_another_report_is_a_validation_error_on_schedule_id() {
        Schedule s = f.hourlySchedule(Map.of(), null);

        assertThatThrownBy(() -> f.runNow.execute(ACME, manual(report("report-2", RunsFixture.KNOWN_CODE), s,
                Map.of(), null)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("schedule_id"));
    }

    @Test
    void a_command_refuses_missing_report_and_a_run_without_its_schedule() {
        assertThatThrownBy(() -> OneTimeRunUseCase.Command.now(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("report");
        assertThatThrownBy(() -> new OneTimeRunUseCase.Command(report(), Optional.empty(),
                Optional.of(ScheduledRunId.of("r1")), null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("schedule_id");
    }

    @Test
    void a_timeout_beyond_seven_days_is_refused() {
        assertThatThrownBy(() -> f.runNow.execute(ACME, manual(report(), null, Map.of(), Duration.ofDays(8))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("timeout");
    }

    // ---- OneTimeRun, by the processor for a scheduled run ------------------------------------

    @Test
    void a_scheduled_run_becomes_a_scheduled_task_whose_id_is_the_runs() {
        Schedule s = f.hourlySchedule(Map.of("category", "toys"), null);
        ScheduledRun run = f.pendingRun(s, RunsFixture.T0);

        Task task = f.runNow.execute(ADMIN, fire(s, run.id())).task();

        assertThat(task.id().value()).isEqualTo(run.id().value());
        assertThat(task.kind()).isEqualTo(TaskKind.SCHEDULED);
        assertThat(task.scheduledRunId()).contains(run.id());
        assertThat(task.parameters().values()).containsEntry("category", "toys");
        assertThat(task.status()).isEqualTo(TaskStatus.LAUNCHING);
    }

    @Test
    void firing_the_same_run_twice_makes_one_task_and_one_launch() {
        Schedule s = f.hourlySchedule(Map.of(), null);
        ScheduledRun run = f.pendingRun(s, RunsFixture.T0);

        Task first = f.runNow.execute(ADMIN, fire(s, run.id())).task();
        Task second = f.runNow.execute(ADMIN, fire(s, run.id())).task();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.version()).isEqualTo(first.version());
        assertThat(f.memory.launcher.launchCalls()).isEqualTo(1);
        assertThat(f.memory.tasks.findAll(List.of(first.id()))).hasSize(1);
        assertThat(f.statusTrail(first.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING);
    }

    @Test
    void firing_again_after_a_launcher_outage_launches_the_queued_task() {
        Schedule s = f.hourlySchedule(Map.of(), null);
        ScheduledRun run = f.pendingRun(s, RunsFixture.T0);
        f.launcher.failWith(t -> new IllegalStateException("kubernetes API unavailable"));

        Task first = f.runNow.execute(ADMIN, fire(s, run.id())).task();
        f.launcher.healthy();
        Task second = f.runNow.execute(ADMIN, fire(s, run.id())).task();

        assertThat(first.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(second.status()).isEqualTo(TaskStatus.LAUNCHING);
        assertThat(f.memory.launcher.launchCalls()).isEqualTo(1);
    }

    @Test
    void a_scheduled_run_with_an_unknown_service_code_becomes_a_failed_task_saying_why() {
        Schedule s = f.schedule(report("report-1", "retired-crawler"), Map.of(), null);
        ScheduledRun run = f.pendingRun(s, RunsFixture.T0);

        Task task = f.runNow.execute(ADMIN, fire(s, run.id())).task();

        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.message()).contains("no crawler is configured for service code 'retired-crawler'");
        assertThat(f.statusTrail(task.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.FAILED);
        assertThat(f.memory.launcher.launchCalls()).isZero();
    }

    @Test
    void only_the_scheduler_fires_a_scheduled_run() {
        Schedule s = f.hourlySchedule(Map.of(), null);
        ScheduledRun future = f.pendingRun(s, RunsFixture.T0.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> f.runNow.execute(ACME, fire(s, future.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.allTasks()).isEmpty();
    }

    @Test
    void an_unknown_scheduled_run_is_not_found() {
        Schedule s = f.hourlySchedule(Map.of(), null);

        assertThatThrownBy(() -> f.runNow.execute(ADMIN, fire(s, ScheduledRunId.of("no-such-run"))))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("scheduled run");
    }

    @Test
    void a_run_of_another_schedule_is_a_validation_error_on_scheduled_run_id() {
        Schedule s1 = f.hourlySchedule(Map.of(), null);
        Schedule s2 = f.hourlySchedule(Map.of(), null);
        ScheduledRun runOfS2 = f.pendingRun(s2, RunsFixture.T0);

        assertThatThrownBy(() -> f.runNow.execute(ADMIN, fire(s1, runOfS2.id())))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("scheduled_run_id"));
    }

    @Test
    void the_in_process_trigger_fires_a_claimed_run_once() {
        Schedule s = f.hourlySchedule(Map.of(), null);
        ScheduledRun run = f.pendingRun(s, RunsFixture.T0);
        InProcessRunTrigger trigger = new InProcessRunTrigger(f.runNow);

        TaskId first = trigger.trigger(run);
        TaskId again = trigger.trigger(run);

        assertThat(first.value()).isEqualTo(run.id().value());
        assertThat(again).isEqualTo(first);
        assertThat(f.memory.launcher.launchCalls()).isEqualTo(1);
    }

    // ---- OneTimeTestRun ---------------------------------------------------------------------

    @Test
    void a_test_run_is_a_test_task_capped_at_the_default_row_limit() {
        Task task = f.testRun.execute(ACME, OneTimeTestRunUseCase.Command.of(report())).task();

        assertThat(task.kind()).isEqualTo(TaskKind.TEST);
        assertThat(task.origin().testRowLimit()).isEqualTo(OneTimeTestRunUseCase.DEFAULT_ROW_LIMIT);
        assertThat(task.status()).isEqualTo(TaskStatus.LAUNCHING);
        assertThat(f.statusTrail(task.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING);
    }

    @Test
    void a_test_run_takes_the_requested_row_limit_and_parameters() {
        var command = new OneTimeTestRunUseCase.Command(report(), Parameters.of(Map.of("category", "books")), 500,
                Optional.of(Duration.ofMinutes(5)));

        Task task = f.testRun.execute(ACME, command).task();

        assertThat(task.origin().testRowLimit()).isEqualTo(500);
        assertThat(task.parameters().values()).containsEntry("category", "books");
        assertThat(task.origin().timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_test_run_refuses_a_row_limit_out_of_bounds() {
        assertThatThrownBy(() -> new OneTimeTestRunUseCase.Command(report(), null, -1, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("row_limit");
        assertThatThrownBy(() -> new OneTimeTestRunUseCase.Command(report(), null, 100_001, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("row_limit");
        assertThatThrownBy(() -> new OneTimeTestRunUseCase.Command(null, null, 10, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("report");
    }

    @Test
    void a_test_run_refuses_an_unknown_service_code_and_another_accounts_report() {
        assertThatThrownBy(() -> f.testRun.execute(ACME, OneTimeTestRunUseCase.Command.of(report("report-1", "nope"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("report.service_code");
        assertThatThrownBy(() -> f.testRun.execute(GLOBEX, OneTimeTestRunUseCase.Command.of(report())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.memory.launcher.launchCalls()).isZero();
    }
}
