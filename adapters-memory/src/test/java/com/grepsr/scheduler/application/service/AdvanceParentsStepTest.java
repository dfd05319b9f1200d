package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.AddToTaskQueueUseCase;
import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.service.ReconcilerFixture.ALICE;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.T0;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.nothing;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.report;
import static org.assertj.core.api.Assertions.assertThat;

/** The reconciler's {@link AdvanceParentsStep}: multi-process parents launch their children, end, and time out. */
class AdvanceParentsStepTest {

    private final ReconcilerFixture f = new ReconcilerFixture();

    @Test
    void launches_children_up_to_the_parallelism_as_others_finish_then_finishes_the_parent() {
        MultiProcessRunUseCase.Result run = f.core.useCases().multiProcessRun().execute(ALICE,
                MultiProcessRunUseCase.Command.of(report(), 0, 3));
        TaskId parent = run.parent().id();
        List<String> items = IntStream.range(0, 10).mapToObj(i -> "item-" + i).toList();
        AddToTaskQueueUseCase.Result added = f.core.useCases().addToTaskQueue().execute(ALICE,
                new AddToTaskQueueUseCase.Command(parent, items));
        assertThat(added.launched()).hasSize(3);

        TaskFilter children = TaskFilter.none().withParent(parent);
        int maxActive = 0;
        int ticks = 0;
        while (f.task(parent).status().isActive() && ticks++ < 30) {
            f.tickAfter(Duration.ofMinutes(1));
            long active = f.tasks(children).stream()
                    .filter(t -> t.status() == TaskStatus.LAUNCHING || t.status() == TaskStatus.RUNNING).count();
            maxActive = Math.max(maxActive, (int) active);
        }
        assertThat(maxActive).isEqualTo(3);
        assertThat(f.tasks(children)).hasSize(10).allMatch(t -> t.status() == TaskStatus.SUCCEEDED);
        assertThat(f.tasks(children)).extracting(t -> t.origin().workItem()).containsExactlyInAnyOrderElementsOf(items);
        assertThat(f.task(parent).status()).isEqualTo(TaskStatus.SUCCEEDED);
        // 4 waves of 2-minute crawls, each launched the minute the previous one finished
        assertThat(f.task(parent).finishedAt()).contains(T0.plus(Duration.ofMinutes(8)));
        assertThat(f.tickAfter(Duration.ofMinutes(1))).isEqualTo(nothing());
    }

    @Test
    void children_of_a_parent_ended_from_outside_are_stopped_and_its_work_dropped() {
        TaskId parent = f.core.useCases().multiProcessRun().execute(ALICE, MultiProcessRunUseCase.Command.of(report(), 0, 2))
                .parent().id();
        f.core.useCases().addToTaskQueue().execute(ALICE, new AddToTaskQueueUseCase.Command(parent, List.of("a", "b", "c")));
        f.tickAt(T0);
        // someone reports the parent itself as failed (UpdateTaskHistory does not know parents apart)
        f.core.useCases().updateTaskHistory().execute(Caller.admin("ops"), new UpdateTaskHistoryUseCase.Command(parent,
                UpdateTaskHistoryUseCase.Report.status(TaskStatus.FAILED)));
        assertThat(f.task(parent).status()).isEqualTo(TaskStatus.FAILED);

        f.tickAfter(Duration.ofSeconds(10));
        assertThat(f.tasks(TaskFilter.none().withParent(parent))).hasSize(2)
                .allMatch(t -> t.status() == TaskStatus.STOPPED);
        assertThat(f.memory.queue.pending(parent)).isZero();
        assertThat(f.memory.launcher.liveLaunches()).isZero();
        assertThat(f.tickAfter(Duration.ofMinutes(5))).isEqualTo(nothing());
    }

    @Test
    void a_parent_past_its_timeout_times_out_and_its_children_are_stopped() {
        // two 3-minute children one after the other take 6 minutes: the parent allows 5
        f.memory.launcher.runTime(Duration.ofMinutes(3));
        TaskId parent = f.core.useCases().multiProcessRun().execute(ALICE, new MultiProcessRunUseCase.Command(report(),
                Parameters.NONE, 2, 1, Optional.of(Duration.ofMinutes(5)))).parent().id();
        for (int minute = 0; minute <= 5; minute++) {
            f.tickAt(T0.plus(Duration.ofMinutes(minute)));
        }
        assertThat(f.task(parent).status()).isEqualTo(TaskStatus.RUNNING);
        f.tickAt(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(f.task(parent).status()).isEqualTo(TaskStatus.TIMED_OUT);
        assertThat(f.tasks(TaskFilter.none().withParent(parent))).extracting(Task::status)
                .containsExactlyInAnyOrder(TaskStatus.SUCCEEDED, TaskStatus.STOPPED);
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(1); // the finished child's; the other was stopped
        assertThat(f.tickAfter(Duration.ofMinutes(5))).isEqualTo(nothing());
    }

    @Test
    void a_parent_waiting_for_work_is_not_counted_as_advanced() {
        f.core.useCases().multiProcessRun().execute(ALICE, MultiProcessRunUseCase.Command.of(report(), 0, 3));
        assertThat(f.tickAfter(Duration.ofMinutes(1))).isEqualTo(nothing());
    }
}
