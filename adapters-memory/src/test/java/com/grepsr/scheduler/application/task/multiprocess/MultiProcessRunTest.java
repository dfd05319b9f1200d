package com.grepsr.scheduler.application.task.multiprocess;

import com.grepsr.scheduler.application.task.TaskTransitions;
import com.grepsr.scheduler.adapters.memory.SimulatedCrawlerLauncher.Outcome;
import com.grepsr.scheduler.application.model.PageRequest;
import com.grepsr.scheduler.application.port.in.AddToTaskQueueUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.StopTaskUseCase;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.error.AccessDeniedException;
import com.grepsr.scheduler.domain.error.IllegalTransitionException;
import com.grepsr.scheduler.domain.error.NotFoundException;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.grepsr.scheduler.application.task.RunsFixture;
import com.grepsr.scheduler.application.port.in.GetChildTasksUseCase;
import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.domain.error.ValidationException;

import java.util.List;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.task.RunsFixture.ACME;
import static com.grepsr.scheduler.application.task.RunsFixture.ADMIN;
import static com.grepsr.scheduler.application.task.RunsFixture.GLOBEX;
import static com.grepsr.scheduler.application.task.RunsFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultiProcessRunTest {

    private final RunsFixture f = new RunsFixture();

    private MultiProcessRunUseCase.Result start(int processors, int parallelism) {
        return f.multiProcessRun.execute(ACME, MultiProcessRunUseCase.Command.of(report(), processors, parallelism));
    }

    private static List<String> items(int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"url\":\"https://shop.example/p/" + i + "\"}").toList();
    }

    private long launchedChildren(TaskId parent) {
        return f.children(parent).stream()
                .filter(c -> c.status() == TaskStatus.LAUNCHING || c.status() == TaskStatus.RUNNING).count();
    }

    // ---- MultiProcessRun --------------------------------------------------------------------

    @Test
    void a_multi_process_run_creates_a_running_parent_and_n_children_and_launches_up_to_parallelism() {
        var r = start(5, 2);

        assertThat(r.parent().kind()).isEqualTo(TaskKind.PARENT);
        assertThat(r.parent().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(r.parent().launchName()).isEmpty();
        assertThat(r.children()).hasSize(5);
        assertThat(r.launched()).hasSize(2);
        List<Task> children = f.children(r.parent().id());
        assertThat(children).extracting(c -> c.origin().processorIndex()).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(children).allSatisfy(c -> assertThat(c.parentId()).contains(r.parent().id()));
        assertThat(RunsFixture.countByStatus(children))
                .containsEntry(TaskStatus.LAUNCHING, 2L).containsEntry(TaskStatus.QUEUED, 3L);
        // processors 0 and 1 go first
        assertThat(r.launched()).containsExactly(r.children().get(0), r.children().get(1));
        assertThat(f.statusTrail(r.parent().id()))
                .containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING);
    }

    @Test
    void waiting_processors_start_as_running_ones_finish_and_the_parent_succeeds() {
        var r = start(5, 2);
        TaskId parent = r.parent().id();

        for (int tick = 0; tick < 10 && f.task(parent).status().isActive(); tick++) {
            f.clock.tick(RunsFixture.CRAWL);
            f.syncWithLauncher();
            f.coordinator.advance(parent);
            assertThat(launchedChildren(parent)).isLessThanOrEqualTo(2);
        }

        assertThat(f.task(parent).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(f.task(parent).message()).isEqualTo("all 5 child tasks succeeded");
        assertThat(f.memory.launcher.launchCalls()).isEqualTo(5);
    }

    @Test
    void a_multi_process_run_refuses_an_unknown_service_code_and_another_accounts_report() {
        assertThatThrownBy(() -> f.multiProcessRun.execute(ACME, MultiProcessRunUseCase.Command.of(
                RunsFixture.report("report-1", "nope"), 2, 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("report.service_code");
        assertThatThrownBy(() -> f.multiProcessRun.execute(GLOBEX, MultiProcessRunUseCase.Command.of(report(), 2, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.allTasks()).isEmpty();
    }

    @Test
    void a_multi_process_run_bounds_processors_and_parallelism() {
        assertThatThrownBy(() -> MultiProcessRunUseCase.Command.of(report(), 1001, 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("processors");
        assertThatThrownBy(() -> MultiProcessRunUseCase.Command.of(report(), -1, 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("processors");
        assertThatThrownBy(() -> MultiProcessRunUseCase.Command.of(report(), 1, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> MultiProcessRunUseCase.Command.of(report(), 1, 1001))
                .isInstanceOf(ValidationException.class).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> MultiProcessRunUseCase.Command.of(null, 1, 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("report");
    }

    @Test
    void children_inherit_the_runs_parameters_and_timeout() {
        var command = new MultiProcessRunUseCase.Command(report(), Parameters.of(Map.of("region", "eu")), 2, 2,
                Optional.of(Duration.ofMinutes(45)));

        var r = f.multiProcessRun.execute(ACME, command);

        assertThat(f.children(r.parent().id())).allSatisfy(c -> {
            assertThat(c.parameters().values()).containsEntry("region", "eu");
            assertThat(c.origin().timeout()).isEqualTo(Duration.ofMinutes(45));
        });
    }

    // ---- AddToTaskQueue + the coordinator ---------------------------------------------------

    @Test
    void ten_work_items_run_three_at_a_time_each_once_and_the_parent_succeeds() {
        TaskId parent = start(0, 3).parent().id();
        List<String> work = items(10);

        var added = f.addToTaskQueue.execute(ACME, new AddToTaskQueueUseCase.Command(parent, work));

        assertThat(added.added()).isEqualTo(10);
        assertThat(added.launched()).hasSize(3);
        assertThat(added.pending()).isEqualTo(7);
        List<Integer> launchedPerTick = new ArrayList<>();
        for (int tick = 0; tick < 20 && f.task(parent).status().isActive(); tick++) {
            f.clock.tick(RunsFixture.CRAWL.dividedBy(2));
            f.syncWithLauncher();
            launchedPerTick.add(f.coordinator.advance(parent).launched().size());
            assertThat(launchedChildren(parent)).isLessThanOrEqualTo(3);
        }

        List<Task> children = f.children(parent);
        assertThat(children).hasSize(10);
        assertThat(children).extracting(c -> c.origin().workItem()).containsExactlyInAnyOrderElementsOf(work);
        assertThat(children).allSatisfy(c -> assertThat(c.status()).isEqualTo(TaskStatus.SUCCEEDED));
        assertThat(children).extracting(c -> c.origin().processorIndex()).doesNotHaveDuplicates();
        assertThat(f.memory.launcher.launchCalls()).isEqualTo(10);
        assertThat(f.memory.queue.pending(parent)).isZero();
        assertThat(f.task(parent).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(f.statusTrail(parent)).endsWith(TaskStatus.SUCCEEDED);
        assertThat(Collections.max(launchedPerTick)).isLessThanOrEqualTo(3);
    }

    @Test
    void advancing_twice_without_change_launches_and_writes_nothing() {
        TaskId parent = start(0, 2).parent().id();
        f.addToTaskQueue.execute(ACME, new AddToTaskQueueUseCase.Command(parent, items(5)));
        long version = f.task(parent).version();
        int launches = f.memory.launcher.launchCalls();

        var first = f.coordinator.advance(parent);
        var second = f.coordinator.advance(parent);

        assertThat(first.launched()).isEmpty();
        assertThat(second.launched()).isEmpty();
        assertThat(f.task(parent).version()).isEqualTo(version);
        assertThat(f.memory.launcher.launchCalls()).isEqualTo(launches);
    }

    @Test
    void a_parent_whose_child_failed_ends_failed_and_a_finished_parent_stays_finished() {
        f.memory.launcher.outcome(t -> "bad".equals(t.origin().workItem()) ? Outcome.FAIL : Outcome.SUCCEED);
        TaskId parent = start(0, 5).parent().id();
        f.addToTaskQueue.execute(ACME, new AddToTaskQueueUseCase.Command(parent, List.of("good", "bad", "good-too")));

        f.clock.tick(RunsFixture.CRAWL.plusMinutes(1));
        f.syncWithLauncher();
        var done = f.coordinator.advance(parent);
        var again = f.coordinator.advance(parent);

        assertThat(done.finishedAs()).contains(TaskStatus.FAILED);
        assertThat(again.finishedAs()).isEmpty();
        assertThat(f.task(parent).message()).isEqualTo("1 of 3 child tasks did not succeed");
        assertThat(f.statusTrail(parent)).filteredOn(s -> s == TaskStatus.FAILED).hasSize(1);
    }

    @Test
    void a_parent_without_children_waits_for_work() {
        TaskId parent = start(0, 3).parent().id();

        assertThat(f.coordinator.advance(parent).finishedAs()).isEmpty();
        assertThat(f.task(parent).status()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    void children_of_a_parent_that_ended_some_other_way_are_stopped_by_the_coordinator() {
        TaskId parent = start(3, 3).parent().id();
        // e.g. the reconciler timed the parent out
        new TaskTransitions(f.memory.tasks, f.memory.history, f.memory.transactions, f.clock).change(parent,
                t -> Optional.of(t.moveTo(TaskStatus.TIMED_OUT, f.clock.instant())),
                com.grepsr.scheduler.domain.task.TaskHistoryEntry.Source.SCHEDULER, Map.of());

        var advance = f.coordinator.advance(parent);

        assertThat(advance.stopped()).hasSize(3);
        assertThat(f.memory.launcher.liveLaunches()).isZero();
    }

    @Test
    void the_coordinator_refuses_a_task_that_is_not_a_parent() {
        Task single = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();

        assertThatThrownBy(() -> f.coordinator.advance(single.id())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.coordinator.advance(TaskId.of("nope"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void add_to_task_queue_refuses_a_finished_parent() {
        TaskId parent = start(1, 1).parent().id();
        f.stopTask.execute(ACME, StopTaskUseCase.Command.of(parent));

        assertThatThrownBy(() -> f.addToTaskQueue.execute(ACME, new AddToTaskQueueUseCase.Command(parent, items(1))))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(f.memory.queue.pending(parent)).isZero();
    }

    @Test
    void add_to_task_queue_refuses_a_task_that_is_not_a_parent_an_unknown_one_and_another_accounts() {
        Task single = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();
        TaskId parent = start(0, 1).parent().id();

        assertThatThrownBy(() -> f.addToTaskQueue.execute(ACME, new AddToTaskQueueUseCase.Command(single.id(), items(1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("parent_task_id");
        assertThatThrownBy(() -> f.addToTaskQueue.execute(ACME, new AddToTaskQueueUseCase.Command(TaskId.of("nope"), items(1))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.addToTaskQueue.execute(GLOBEX, new AddToTaskQueueUseCase.Command(parent, items(1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.memory.queue.pending(parent)).isZero();
    }

    @Test
    void add_to_task_queue_bounds_the_items_and_their_size() {
        TaskId p = TaskId.of("p1");
        assertThatThrownBy(() -> new AddToTaskQueueUseCase.Command(p, List.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("payloads");
        assertThatThrownBy(() -> new AddToTaskQueueUseCase.Command(p, items(1001)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> new AddToTaskQueueUseCase.Command(p, List.of("ok", "")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("payloads[1]");
        // 32 Ki characters of 3-byte UTF-8 is 96 KiB
        assertThatThrownBy(() -> new AddToTaskQueueUseCase.Command(p, List.of("€".repeat(32 * 1024))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("65536 bytes");
        assertThatThrownBy(() -> new AddToTaskQueueUseCase.Command(p, List.of("a\0b")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> new AddToTaskQueueUseCase.Command(null, items(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("parent_task_id");
        assertThat(new AddToTaskQueueUseCase.Command(p, List.of("x".repeat(64 * 1024))).payloads()).hasSize(1);
    }

    // ---- GetChildTasks ----------------------------------------------------------------------

    @Test
    void get_child_tasks_lists_children_page_by_page_and_by_status() {
        TaskId parent = start(5, 2).parent().id();

        var first = f.getChildTasks.execute(ACME, new GetChildTasksUseCase.Query(parent, Set.of(), PageRequest.first(3)));
        var second = f.getChildTasks.execute(ACME, new GetChildTasksUseCase.Query(parent, Set.of(),
                new PageRequest(3, first.nextPageToken())));
        var queued = f.getChildTasks.execute(ADMIN, new GetChildTasksUseCase.Query(parent, Set.of(TaskStatus.QUEUED), null));

        assertThat(first.children()).hasSize(3);
        assertThat(second.children()).hasSize(2);
        assertThat(second.nextPageToken()).isEmpty();
        List<TaskId> all = new ArrayList<>(first.children().stream().map(Task::id).toList());
        all.addAll(second.children().stream().map(Task::id).toList());
        assertThat(all).doesNotHaveDuplicates().hasSize(5);
        assertThat(queued.children()).hasSize(3).allSatisfy(c -> assertThat(c.status()).isEqualTo(TaskStatus.QUEUED));
    }

    @Test
    void get_child_tasks_denies_another_accounts_parent_and_refuses_a_non_parent() {
        TaskId parent = start(1, 1).parent().id();
        Task single = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();

        assertThatThrownBy(() -> f.getChildTasks.execute(GLOBEX, GetChildTasksUseCase.Query.of(parent)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.getChildTasks.execute(ACME, GetChildTasksUseCase.Query.of(TaskId.of("nope"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.getChildTasks.execute(ACME, GetChildTasksUseCase.Query.of(single.id())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("parent_task_id");
        assertThatThrownBy(() -> f.getChildTasks.execute(ACME, new GetChildTasksUseCase.Query(parent, null,
                new PageRequest(10, "garbage"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("page_token");
        assertThatThrownBy(() -> GetChildTasksUseCase.Query.of(null)).isInstanceOf(ValidationException.class);
    }
}
