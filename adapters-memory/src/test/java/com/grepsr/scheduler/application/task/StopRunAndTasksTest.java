package com.grepsr.scheduler.application.task;

import com.grepsr.scheduler.application.port.in.AddToTaskQueueUseCase;
import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.StopChildTasksUseCase;
import com.grepsr.scheduler.application.port.in.StopRunUseCase;
import com.grepsr.scheduler.application.port.in.StopTaskUseCase;
import com.grepsr.scheduler.domain.common.ReportId;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry;
import com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.grepsr.scheduler.application.task.RunsFixture.ACME;
import static com.grepsr.scheduler.application.task.RunsFixture.ADMIN;
import static com.grepsr.scheduler.application.task.RunsFixture.GLOBEX;
import static com.grepsr.scheduler.application.task.RunsFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StopRunAndTasksTest {

    private final RunsFixture f = new RunsFixture();

    private Task run(ReportRef report) {
        return f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report)).task();
    }

    private Task queuedRun() {
        f.launcher.failWith(t -> new IllegalStateException("launcher down"));
        Task t = run(report());
        f.launcher.healthy();
        return t;
    }

    private MultiProcessRunUseCase.Result parentWithWork(int processors, int parallelism, int items) {
        var r = f.multiProcessRun.execute(ACME, MultiProcessRunUseCase.Command.of(report(), processors, parallelism));
        if (items > 0) {
            f.addToTaskQueue.execute(ACME, new AddToTaskQueueUseCase.Command(r.parent().id(),
                    java.util.stream.IntStream.range(0, items).mapToObj(i -> "item-" + i).toList()));
        }
        return r;
    }

    // ---- StopTask ---------------------------------------------------------------------------

    @Test
    void stopping_a_launched_task_stops_its_crawler_and_records_who_stopped_it() {
        Task task = run(report());

        var result = f.stopTask.execute(ACME, new StopTaskUseCase.Command(task.id(), "wrong category"));

        assertThat(result.task().status()).isEqualTo(TaskStatus.STOPPED);
        assertThat(result.task().message()).isEqualTo("stopped by alice@acme: wrong category");
        assertThat(result.stopped()).containsExactly(task.id());
        assertThat(f.memory.launcher.liveLaunches()).isZero();
        List<TaskHistoryEntry> history = f.history(task.id());
        assertThat(history).extracting(TaskHistoryEntry::status)
                .containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.STOPPED);
        assertThat(history.get(2).source()).isEqualTo(Source.USER);
    }

    @Test
    void stopping_a_queued_task_marks_it_stopped_without_calling_the_launcher() {
        Task queued = queuedRun();

        var result = f.stopTask.execute(ACME, StopTaskUseCase.Command.of(queued.id()));

        assertThat(result.task().status()).isEqualTo(TaskStatus.STOPPED);
        assertThat(f.launcher.stops.get()).isZero();
        assertThat(f.statusTrail(queued.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.STOPPED);
    }

    @Test
    void stopping_a_finished_task_is_an_illegal_transition() {
        Task task = run(report());
        f.clock.tick(RunsFixture.CRAWL.plusMinutes(1));
        f.syncWithLauncher();
        assertThat(f.task(task.id()).status()).isEqualTo(TaskStatus.SUCCEEDED);

        assertThatThrownBy(() -> f.stopTask.execute(ACME, StopTaskUseCase.Command.of(task.id())))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("SUCCEEDED");
    }

    @Test
    void stopping_an_unknown_task_is_not_found_and_another_accounts_is_denied() {
        Task task = run(report());

        assertThatThrownBy(() -> f.stopTask.execute(ACME, StopTaskUseCase.Command.of(TaskId.of("nope"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.stopTask.execute(GLOBEX, StopTaskUseCase.Command.of(task.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.task(task.id()).status()).isEqualTo(TaskStatus.LAUNCHING);
    }

    @Test
    void a_stop_command_needs_a_task_id_and_a_bounded_reason() {
        assertThatThrownBy(() -> StopTaskUseCase.Command.of(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("task_id");
        assertThatThrownBy(() -> new StopTaskUseCase.Command(TaskId.of("t1"), "x".repeat(501)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
    }

    @Test
    void stopping_a_parent_stops_its_children_and_drops_its_queue() {
        var mp = parentWithWork(4, 2, 5);
        TaskId parent = mp.parent().id();

        var result = f.stopTask.execute(ACME, StopTaskUseCase.Command.of(parent));

        assertThat(result.task().status()).isEqualTo(TaskStatus.STOPPED);
        assertThat(f.children(parent)).allSatisfy(c -> assertThat(c.status()).isEqualTo(TaskStatus.STOPPED));
        assertThat(result.stopped()).hasSize(4 + 1).endsWith(parent);
        assertThat(f.memory.queue.pending(parent)).isZero();
        assertThat(f.memory.launcher.liveLaunches()).isZero();
    }

    // ---- StopRun ----------------------------------------------------------------------------

    @Test
    void stop_run_stops_every_active_task_of_the_report_and_nothing_else() {
        Task finished = run(report());
        f.clock.tick(RunsFixture.CRAWL.plusMinutes(1));
        f.syncWithLauncher();
        Task a = run(report());
        Task b = queuedRun();
        Task otherReport = run(RunsFixture.report("report-2", RunsFixture.KNOWN_CODE));

        var result = f.stopRun.execute(ACME, StopRunUseCase.Command.of(ReportId.of("report-1")));

        assertThat(result.stopped()).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(f.task(a.id()).status()).isEqualTo(TaskStatus.STOPPED);
        assertThat(f.task(b.id()).status()).isEqualTo(TaskStatus.STOPPED);
        assertThat(f.task(finished.id()).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(f.task(otherReport.id()).status()).isEqualTo(TaskStatus.LAUNCHING);
    }

    @Test
    void stop_run_by_another_account_stops_nothing() {
        Task a = run(report());

        var result = f.stopRun.execute(GLOBEX, StopRunUseCase.Command.of(ReportId.of("report-1")));

        assertThat(result.stopped()).isEmpty();
        assertThat(f.task(a.id()).status()).isEqualTo(TaskStatus.LAUNCHING);
    }

    @Test
    void stop_run_takes_multi_process_runs_with_their_children_once_each() {
        var mp = parentWithWork(3, 2, 0);
        Task single = run(report());

        var result = f.stopRun.execute(ADMIN, StopRunUseCase.Command.of(ReportId.of("report-1")));

        assertThat(result.stopped()).doesNotHaveDuplicates().hasSize(1 + 3 + 1)
                .contains(mp.parent().id(), single.id()).containsAll(mp.children());
        assertThat(f.memory.launcher.liveLaunches()).isZero();
    }

    @Test
    void stop_run_of_a_report_with_nothing_active_stops_nothing() {
        assertThat(f.stopRun.execute(ACME, StopRunUseCase.Command.of(ReportId.of("idle"))).stopped()).isEmpty();
    }

    @Test
    void a_stop_run_command_needs_a_report() {
        assertThatThrownBy(() -> StopRunUseCase.Command.of(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("report_id");
    }

    // ---- StopChildTasks ---------------------------------------------------------------------

    @Test
    void stop_child_tasks_stops_active_children_and_drops_the_queue_and_the_parent_then_ends_failed() {
        var mp = parentWithWork(2, 3, 4);
        TaskId parent = mp.parent().id();
        assertThat(f.children(parent)).hasSize(3);

        var result = f.stopChildTasks.execute(ACME, StopChildTasksUseCase.Command.of(parent));

        assertThat(result.stopped()).hasSize(3);
        assertThat(result.droppedWorkItems()).isEqualTo(3);
        assertThat(f.task(parent).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(f.coordinator.advance(parent).finishedAs()).contains(TaskStatus.FAILED);
        assertThat(f.task(parent).message()).isEqualTo("3 of 3 child tasks did not succeed");
    }

    @Test
    void stop_child_tasks_refuses_a_task_that_is_not_a_parent() {
        Task single = run(report());

        assertThatThrownBy(() -> f.stopChildTasks.execute(ACME, StopChildTasksUseCase.Command.of(single.id())))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("parent_task_id"));
    }

    @Test
    void stop_child_tasks_of_an_unknown_parent_is_not_found_and_of_another_accounts_is_denied() {
        var mp = parentWithWork(1, 1, 0);

        assertThatThrownBy(() -> f.stopChildTasks.execute(ACME, StopChildTasksUseCase.Command.of(TaskId.of("nope"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.stopChildTasks.execute(GLOBEX, StopChildTasksUseCase.Command.of(mp.parent().id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> StopChildTasksUseCase.Command.of(null)).isInstanceOf(ValidationException.class);
    }
}
