package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.UpdateAllTaskHistoryByStatusUseCase.Command;
import com.grepsr.scheduler.application.port.in.UpdateAllTaskHistoryByStatusUseCase.Result;
import com.grepsr.scheduler.domain.error.ValidationException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.grepsr.scheduler.application.service.RunsFixture.ACME;
import static com.grepsr.scheduler.application.service.RunsFixture.ADMIN;
import static com.grepsr.scheduler.application.service.RunsFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * UpdateAllTaskHistoryByStatus moving active tasks to a final status ends their crawlers the way
 * StopTask does: a task the scheduler calls finished must not keep running, unfollowed.
 */
class BulkMovesStopCrawlersTest {

    private final RunsFixture f = new RunsFixture();

    private Task running() {
        Task t = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();
        f.syncWithLauncher();
        return f.task(t.id());
    }

    @Test
    void failing_running_tasks_stops_their_crawlers_and_the_reconciler_leaves_them_failed() {
        List<Task> tasks = List.of(running(), running());
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(2);

        Result r = f.bulk.execute(ADMIN, new Command(TaskStatus.RUNNING, TaskStatus.FAILED, null, null, null, null,
                "crawler stopped reporting", 0));

        assertThat(r).isEqualTo(new Result(2, 0, false));
        assertThat(f.memory.launcher.liveLaunches()).isZero();
        f.syncWithLauncher();
        for (Task t : tasks) {
            assertThat(f.task(t.id()).status()).isEqualTo(TaskStatus.FAILED);
            assertThat(f.task(t.id()).message()).isEqualTo("crawler stopped reporting");
            assertThat(f.statusTrail(t.id())).endsWith(TaskStatus.RUNNING, TaskStatus.FAILED);
        }
    }

    @Test
    void launching_tasks_marked_lost_have_their_launches_stopped_too() {
        Task launching = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();
        assertThat(launching.status()).isEqualTo(TaskStatus.LAUNCHING);

        f.bulk.execute(ADMIN, new Command(TaskStatus.LAUNCHING, TaskStatus.LOST, null, null, null, null, "", 0));

        assertThat(f.memory.launcher.liveLaunches()).isZero();
        assertThat(f.task(launching.id()).status()).isEqualTo(TaskStatus.LOST);
    }

    @Test
    void a_parent_moved_to_a_final_status_takes_its_children_and_their_crawlers_along() {
        var run = f.multiProcessRun.execute(ACME, MultiProcessRunUseCase.Command.of(report(), 3, 3));
        // the parent is RUNNING, its children still LAUNCHING: only the parent matches the move
        assertThat(f.children(run.parent().id())).extracting(Task::status).containsOnly(TaskStatus.LAUNCHING);
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(3);

        Result r = f.bulk.execute(ADMIN, new Command(TaskStatus.RUNNING, TaskStatus.FAILED, null, null, null, null,
                "maintenance", 0));

        assertThat(r).isEqualTo(new Result(4, 0, false));
        assertThat(f.memory.launcher.liveLaunches()).isZero();
        assertThat(f.task(run.parent().id()).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(f.children(run.parent().id())).extracting(Task::status).containsOnly(TaskStatus.FAILED);
    }

    @Test
    void children_that_never_started_are_stopped_when_their_parent_times_out() {
        var run = f.multiProcessRun.execute(ACME, MultiProcessRunUseCase.Command.of(report(), 3, 1));
        List<Task> children = f.children(run.parent().id());
        assertThat(children).extracting(Task::status)
                .containsExactlyInAnyOrder(TaskStatus.LAUNCHING, TaskStatus.QUEUED, TaskStatus.QUEUED);

        Result r = f.bulk.execute(ADMIN, new Command(TaskStatus.RUNNING, TaskStatus.TIMED_OUT, null, null, null, null,
                "", 0));

        // QUEUED may not become TIMED_OUT: the children that never started are STOPPED
        assertThat(r).isEqualTo(new Result(4, 0, false));
        assertThat(f.task(run.parent().id()).status()).isEqualTo(TaskStatus.TIMED_OUT);
        for (Task c : children) {
            assertThat(f.task(c.id()).status()).isEqualTo(c.status() == TaskStatus.QUEUED
                    ? TaskStatus.STOPPED : TaskStatus.TIMED_OUT);
        }
        assertThat(f.memory.launcher.liveLaunches()).isZero();
    }

    @Test
    void clients_may_not_move_tasks_into_a_status_only_the_scheduler_sets() {
        // QUEUED → LAUNCHING is the one such move the lifecycle allows; any other is an illegal transition
        assertThatThrownBy(() -> new Command(TaskStatus.QUEUED, TaskStatus.LAUNCHING, null, null, null, null, "", 0))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("to_status"));
    }
}
