package com.grepsr.scheduler.domain.task;

import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static com.grepsr.scheduler.domain.DomainFixtures.NOW;
import static com.grepsr.scheduler.domain.DomainFixtures.STORED_VERSION;
import static com.grepsr.scheduler.domain.DomainFixtures.anyReport;
import static com.grepsr.scheduler.domain.DomainFixtures.anyTaskId;
import static com.grepsr.scheduler.domain.DomainFixtures.manualTaskIn;
import static com.grepsr.scheduler.domain.DomainFixtures.minutesFromNow;
import static com.grepsr.scheduler.domain.DomainFixtures.queuedManualTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskTest {

    @Test
    void a_new_task_is_queued_at_version_one_with_nothing_reported() {
        Task task = queuedManualTask();

        assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(task.version()).isEqualTo(1);
        assertThat(task.kind()).isEqualTo(TaskKind.MANUAL);
        assertThat(task.report()).isEqualTo(anyReport());
        assertThat(task.createdAt()).isEqualTo(NOW);
        assertThat(task.updatedAt()).isEqualTo(NOW);
        assertThat(task.progress()).isEmpty();
        assertThat(task.message()).isEmpty();
        assertThat(task.startedAt()).isEmpty();
        assertThat(task.finishedAt()).isEmpty();
        assertThat(task.duration(NOW)).isEmpty();
        assertThat(task.scheduleId()).isEmpty();
        assertThat(task.parentId()).isEmpty();
        assertThat(task.parameters().values()).containsEntry("category", "shoes");
    }

    @ParameterizedTest
    @EnumSource(value = TaskStatus.class, names = {"QUEUED", "LAUNCHING", "RUNNING"})
    void reporting_the_same_status_on_an_active_task_keeps_it_and_updates_progress_and_message(TaskStatus status) {
        Task task = manualTaskIn(status);

        Task reported = task.moveTo(status, 55, "page 55 of 100", NOW);

        assertThat(reported.status()).isEqualTo(status);
        assertThat(reported.progress()).contains(55);
        assertThat(reported.message()).isEqualTo("page 55 of 100");
        assertThat(reported.version()).isEqualTo(STORED_VERSION + 1);
        assertThat(reported.updatedAt()).isEqualTo(NOW);
        assertThat(reported.startedAt()).isEqualTo(task.startedAt());
        assertThat(reported.finishedAt()).isEmpty();
    }

    @Test
    void a_report_without_progress_or_message_keeps_the_previous_ones() {
        Task task = manualTaskIn(TaskStatus.RUNNING);

        Task reported = task.moveTo(TaskStatus.RUNNING, NOW);

        assertThat(reported.progress()).isEqualTo(task.progress());
        assertThat(reported.message()).isEqualTo(task.message());
    }

    @ParameterizedTest
    @EnumSource(value = TaskStatus.class, names = {"SUCCEEDED", "FAILED", "STOPPED", "TIMED_OUT", "LOST"})
    void a_finished_task_refuses_even_a_report_of_its_own_status(TaskStatus status) {
        Task task = manualTaskIn(status);

        assertThatThrownBy(() -> task.moveTo(status, 100, "again", NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void started_at_is_set_when_the_task_is_first_seen_running() {
        Task launching = queuedManualTask().moveTo(TaskStatus.LAUNCHING, minutesFromNow(1));
        assertThat(launching.startedAt()).isEmpty();

        Task running = launching.moveTo(TaskStatus.RUNNING, minutesFromNow(2));
        Task stillRunning = running.moveTo(TaskStatus.RUNNING, 50, null, minutesFromNow(30));

        assertThat(running.startedAt()).contains(minutesFromNow(2));
        assertThat(stillRunning.startedAt()).contains(minutesFromNow(2));
        assertThat(stillRunning.duration(minutesFromNow(40))).contains(Duration.ofMinutes(38));
    }

    @ParameterizedTest
    @EnumSource(value = TaskStatus.class, names = {"SUCCEEDED", "FAILED", "STOPPED", "TIMED_OUT", "LOST"})
    void finished_at_is_set_when_the_task_reaches_a_final_status(TaskStatus end) {
        Task running = queuedManualTask().moveTo(TaskStatus.LAUNCHING, NOW).moveTo(TaskStatus.RUNNING, minutesFromNow(1));

        Task finished = running.moveTo(end, minutesFromNow(21));

        assertThat(finished.finishedAt()).contains(minutesFromNow(21));
        assertThat(finished.duration(minutesFromNow(500))).contains(Duration.ofMinutes(20));
        assertThat(finished.status().isActive()).isFalse();
    }

    @Test
    void success_means_all_done() {
        Task running = manualTaskIn(TaskStatus.RUNNING);

        assertThat(running.moveTo(TaskStatus.SUCCEEDED, NOW).progress()).contains(100);
    }

    @Test
    void a_failure_keeps_the_last_progress() {
        Task running = manualTaskIn(TaskStatus.RUNNING);

        assertThat(running.moveTo(TaskStatus.FAILED, null, "exit code 1", NOW).progress()).isEqualTo(running.progress());
    }

    @Test
    void a_stopped_queued_task_never_started() {
        Task stopped = queuedManualTask().moveTo(TaskStatus.STOPPED, minutesFromNow(5));

        assertThat(stopped.startedAt()).isEmpty();
        assertThat(stopped.finishedAt()).contains(minutesFromNow(5));
        assertThat(stopped.duration(minutesFromNow(10))).isEmpty();
    }

    @Test
    void progress_outside_zero_to_one_hundred_is_rejected() {
        Task running = manualTaskIn(TaskStatus.RUNNING);

        assertThatThrownBy(() -> running.moveTo(TaskStatus.RUNNING, 101, null, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("progress"));
        assertThatThrownBy(() -> running.moveTo(TaskStatus.RUNNING, -1, null, NOW))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void a_message_longer_than_allowed_is_rejected() {
        Task running = manualTaskIn(TaskStatus.RUNNING);

        assertThatThrownBy(() -> running.moveTo(TaskStatus.RUNNING, null, "x".repeat(Task.MAX_MESSAGE_LENGTH + 1), NOW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("message"));
    }

    @Test
    void a_running_task_is_overdue_once_it_ran_longer_than_its_timeout() {
        // the manual origin allows one hour
        Task running = queuedManualTask().moveTo(TaskStatus.LAUNCHING, NOW).moveTo(TaskStatus.RUNNING, minutesFromNow(10));

        assertThat(running.isOverdue(minutesFromNow(70))).isFalse();
        assertThat(running.isOverdue(minutesFromNow(70).plusSeconds(1))).isTrue();
    }

    @Test
    void a_queued_task_is_never_overdue_however_long_it_waits_for_its_turn() {
        Task queued = queuedManualTask();

        assertThat(queued.isOverdue(minutesFromNow(600))).isFalse();
    }

    @Test
    void the_timeout_counts_from_the_start_not_from_the_time_spent_in_the_queue() {
        Task launched = queuedManualTask().moveTo(TaskStatus.LAUNCHING, minutesFromNow(300));
        Task running = launched.moveTo(TaskStatus.RUNNING, minutesFromNow(301));

        assertThat(launched.isOverdue(minutesFromNow(300))).isFalse();
        assertThat(running.isOverdue(minutesFromNow(330))).isFalse();
    }

    @Test
    void a_finished_task_is_never_overdue() {
        assertThat(manualTaskIn(TaskStatus.SUCCEEDED).isOverdue(minutesFromNow(10_000))).isFalse();
    }

    @Test
    void a_task_without_a_timeout_is_never_overdue() {
        TaskOrigin noTimeout = TaskOrigin.manual(anyReport(), null, null, null);
        Task running = Task.queue(anyTaskId(), noTimeout, NOW).moveTo(TaskStatus.LAUNCHING, NOW)
                .moveTo(TaskStatus.RUNNING, NOW);

        assertThat(running.isOverdue(NOW.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void two_states_of_a_task_are_equal_only_at_the_same_version() {
        Task task = queuedManualTask();
        Instant later = minutesFromNow(1);

        assertThat(task).isEqualTo(queuedManualTask()).hasSameHashCodeAs(queuedManualTask());
        assertThat(task.moveTo(TaskStatus.LAUNCHING, later)).isNotEqualTo(task);
    }

    @Test
    void launching_records_the_launch_name_crawlers_address_their_task_by() {
        Task launched = queuedManualTask().launching("crawl-abc", NOW);

        assertThat(launched.status()).isEqualTo(TaskStatus.LAUNCHING);
        assertThat(launched.launchName()).contains("crawl-abc");
    }

    @Test
    void a_launch_name_longer_than_a_kubernetes_name_is_refused() {
        assertThatThrownBy(() -> queuedManualTask().launching("x".repeat(254), NOW))
                .isInstanceOf(ValidationException.class).hasMessageContaining("launch_name");
        assertThatThrownBy(() -> queuedManualTask().launching(" ", NOW))
                .isInstanceOf(ValidationException.class).hasMessageContaining("launch_name");
    }
}
