package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.out.CrawlerLauncherPort.LaunchRefusedException;
import com.grepsr.scheduler.domain.common.ServiceCode;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskOrigin;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.grepsr.scheduler.application.service.RunsFixture.ACME;
import static com.grepsr.scheduler.application.service.RunsFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskLaunchServiceTest {

    private final RunsFixture f = new RunsFixture();

    @Test
    void a_refused_launch_fails_the_task_with_the_reason_in_its_message_and_history() {
        f.launcher.failWith(t -> new LaunchRefusedException("image grepsr/amazon:1 not found", null));

        Task task = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();

        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.message()).isEqualTo("launch refused: image grepsr/amazon:1 not found");
        List<TaskHistoryEntry> history = f.history(task.id());
        assertThat(history).extracting(TaskHistoryEntry::status).containsExactly(TaskStatus.QUEUED, TaskStatus.FAILED);
        assertThat(history.get(1).source()).isEqualTo(Source.LAUNCHER);
        assertThat(history.get(1).message()).contains("image grepsr/amazon:1 not found");
    }

    @Test
    void a_crash_between_insert_and_launch_leaves_a_queued_task_that_launch_queued_launches_exactly_once() {
        f.launcher.failWith(t -> new RuntimeException("process died mid-launch"));
        Task queued = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();
        assertThat(queued.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(f.task(queued.id()).status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(f.memory.launcher.liveLaunches()).isZero();

        f.launcher.healthy();
        Task launched = f.launches.launchQueued(queued);
        Task again = f.launches.launchQueued(queued);

        assertThat(launched.status()).isEqualTo(TaskStatus.LAUNCHING);
        assertThat(again).isEqualTo(launched);
        assertThat(f.memory.launcher.launchCalls()).isEqualTo(1);
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(1);
        assertThat(f.statusTrail(queued.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING);
    }

    @Test
    void a_crash_after_the_launch_but_before_launching_was_recorded_finds_the_same_crawler_again() {
        Task queued = Task.queue(f.memory.ids.taskId(), TaskOrigin.manual(report(), null, null, null), f.clock.instant());
        f.launches.enqueue(List.of(queued), Map.of());
        // the launcher started it, then the process died before LAUNCHING was committed
        String firstName = f.memory.launcher.launch(queued, f.catalog.find(ServiceCode.of(RunsFixture.KNOWN_CODE))
                .orElseThrow());

        Task launched = f.launches.launchQueued(queued);

        assertThat(launched.launchName()).contains(firstName);
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(1);
    }

    @Test
    void launch_queued_fails_a_task_whose_crawler_was_removed_from_the_catalog() {
        Task queued = Task.queue(f.memory.ids.taskId(), TaskOrigin.manual(
                RunsFixture.report("report-1", "gone"), null, null, null), f.clock.instant());
        f.launches.enqueue(List.of(queued), Map.of());

        Task after = f.launches.launchQueued(queued);

        assertThat(after.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(after.message()).contains("service code 'gone'");
        assertThat(f.history(after.id()).get(1).source()).isEqualTo(Source.SCHEDULER);
    }

    @Test
    void launch_queued_leaves_tasks_that_are_no_longer_queued_alone() {
        Task task = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();

        assertThat(f.launches.launchQueued(task)).isEqualTo(task);
        assertThat(f.memory.launcher.launchCalls()).isEqualTo(1);
    }

    @Test
    void launch_queued_of_an_unknown_task_is_not_found() {
        Task ghost = Task.queue(TaskId.of("ghost"), TaskOrigin.manual(report(), null, null, null), f.clock.instant());

        assertThatThrownBy(() -> f.launches.launchQueued(ghost)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_task_stopped_while_its_launch_was_in_flight_has_its_crawler_stopped_too() {
        Task queued = Task.queue(f.memory.ids.taskId(), TaskOrigin.manual(report(), null, null, null), f.clock.instant());
        f.launches.enqueue(List.of(queued), Map.of());
        // a user stops the QUEUED task while the launcher call is in progress
        f.launcher.failWith(t -> {
            f.stopTask.execute(ACME, com.grepsr.scheduler.application.port.in.StopTaskUseCase.Command.of(t.id()));
            return null;
        });

        Task after = f.launches.launchQueued(queued);

        assertThat(after.status()).isEqualTo(TaskStatus.STOPPED);
        assertThat(f.memory.launcher.liveLaunches()).isZero();
        assertThat(f.statusTrail(queued.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.STOPPED);
    }

    @Test
    void messages_from_elsewhere_are_cleaned_and_cut_to_fit_a_task() {
        f.launcher.failWith(t -> new LaunchRefusedException("bad\r\nspec " + "x".repeat(5000), null));

        Task task = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();

        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.message()).hasSize(Task.MAX_MESSAGE_LENGTH).startsWith("launch refused: bad \nspec").endsWith("…");
    }
}
