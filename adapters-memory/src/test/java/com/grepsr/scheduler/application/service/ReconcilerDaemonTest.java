package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.adapters.memory.SimulatedCrawlerLauncher;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.AddToTaskQueueUseCase;
import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleUnpausedEvent;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.service.ReconcilerFixture.ALICE;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.T0;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.nothing;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ReconcilerDaemonTest {

    private static final Duration GRACE = DaemonSettings.DEFAULTS.lostGrace();

    private final ReconcilerFixture f = new ReconcilerFixture();

    private Task runNow() {
        return runNow(Optional.empty());
    }

    private Task runNow(Optional<Duration> timeout) {
        return f.core.oneTimeRun().execute(ALICE, new OneTimeRunUseCase.Command(report(), Optional.empty(),
                Optional.empty(), Parameters.NONE, timeout)).task();
    }

    // ---- pause-until ----------------------------------------------------------------------

    @Test
    void resumes_a_schedule_once_its_pause_until_has_passed_as_the_scheduler() {
        Schedule s = f.hourlySchedule();
        f.core.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(s.id(), T0.plusSeconds(3600)));

        assertThat(f.tickAt(T0.plusSeconds(3599)).resumed()).isZero();
        assertThat(f.memory.schedules.find(s.id()).orElseThrow().status()).isEqualTo(ScheduleStatus.PAUSED);

        assertThat(f.tickAt(T0.plusSeconds(3600)).resumed()).isEqualTo(1);
        Schedule resumed = f.memory.schedules.find(s.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo(ScheduleStatus.ACTIVE);
        assertThat(resumed.pausedUntil()).isEmpty();
        ActivityEvent last = f.memory.outbox.all().get(f.memory.outbox.all().size() - 1);
        assertThat(last).isInstanceOf(ReportScheduleUnpausedEvent.class);
        assertThat(last.actor()).isEqualTo("scheduler");
        assertThat(last.occurredAt()).isEqualTo(T0.plusSeconds(3600));

        assertThat(f.tickAfter(Duration.ofMinutes(1))).isEqualTo(nothing());
        assertThat(f.memory.outbox.all()).hasSize(3); // created, stopped, unpaused
    }

    @Test
    void leaves_a_schedule_paused_without_an_end_alone() {
        Schedule s = f.hourlySchedule();
        f.core.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(s.id()));
        assertThat(f.tickAt(T0.plus(Duration.ofDays(30))).resumed()).isZero();
        assertThat(f.memory.schedules.find(s.id()).orElseThrow().status()).isEqualTo(ScheduleStatus.PAUSED);
    }

    // ---- following launches ---------------------------------------------------------------

    @Test
    void follows_the_launcher_from_launching_to_running_to_succeeded() {
        f.memory.launcher.startDelay(Duration.ofSeconds(30));
        Task t = runNow();
        assertThat(t.status()).isEqualTo(TaskStatus.LAUNCHING);

        assertThat(f.tickAt(T0.plusSeconds(10)).statusChanges()).isZero(); // pod pending
        assertThat(f.tickAt(T0.plusSeconds(30)).statusChanges()).isEqualTo(1);
        assertThat(f.task(t.id()).status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(f.task(t.id()).startedAt()).contains(T0.plusSeconds(30));
        assertThat(f.tickAt(T0.plusSeconds(149)).statusChanges()).isZero(); // still crawling
        assertThat(f.tickAt(T0.plusSeconds(150)).statusChanges()).isEqualTo(1);

        Task done = f.task(t.id());
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(done.duration(done.finishedAt().orElseThrow())).contains(Duration.ofMinutes(2));
        assertThat(f.trail(t.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING,
                TaskStatus.SUCCEEDED);
    }

    @Test
    void a_crawl_that_fails_makes_its_task_failed() {
        f.memory.launcher.outcome(task -> SimulatedCrawlerLauncher.Outcome.FAIL);
        Task t = runNow();
        f.tickAt(T0);
        f.tickAt(T0.plus(ReconcilerFixture.CRAWL));
        assertThat(f.task(t.id()).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(f.trail(t.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING,
                TaskStatus.FAILED);
    }

    @Test
    void a_crawl_past_its_deadline_times_out() {
        Task t = runNow(Optional.of(Duration.ofMinutes(1))); // shorter than the 2-minute crawl
        f.tickAt(T0);
        assertThat(f.tickAt(T0.plusSeconds(59)).statusChanges()).isZero();
        assertThat(f.tickAt(T0.plusSeconds(60)).statusChanges()).isEqualTo(1);
        Task timedOut = f.task(t.id());
        assertThat(timedOut.status()).isEqualTo(TaskStatus.TIMED_OUT);
        assertThat(timedOut.message()).contains("deadline");
    }

    @Test
    void a_vanished_launch_is_lost_only_after_the_grace_period() {
        Task t = runNow();
        f.tickAt(T0); // RUNNING at T0
        f.memory.launcher.vanish(SimulatedCrawlerLauncher.nameOf(t));

        assertThat(f.tickAt(T0.plusSeconds(30)).lost()).isZero();
        assertThat(f.tickAt(T0.plus(GRACE)).lost()).isZero();
        assertThat(f.task(t.id()).status()).isEqualTo(TaskStatus.RUNNING);

        ReconcilerDaemon.TickResult r = f.tickAt(T0.plus(GRACE).plusSeconds(1));
        assertThat(r.lost()).isEqualTo(1);
        assertThat(r.statusChanges()).isEqualTo(1);
        assertThat(f.task(t.id()).status()).isEqualTo(TaskStatus.LOST);
        assertThat(f.task(t.id()).message()).contains("vanished");
        assertThat(f.tickAfter(Duration.ofMinutes(5))).isEqualTo(nothing());
    }

    // ---- orphans --------------------------------------------------------------------------

    @Test
    void a_task_left_queued_by_an_unavailable_launcher_is_relaunched_exactly_once() {
        f.launcher.downBeforeLaunch = true;
        Task t = runNow();
        assertThat(t.status()).isEqualTo(TaskStatus.QUEUED);
        f.launcher.downBeforeLaunch = false;

        assertThat(f.tickAt(T0.plusSeconds(60)).relaunched()).isZero(); // young: its caller may still launch it
        ReconcilerDaemon.TickResult r = f.tickAt(T0.plus(GRACE).plusSeconds(1));
        assertThat(r.relaunched()).isEqualTo(1);
        assertThat(f.task(t.id()).status()).isEqualTo(TaskStatus.LAUNCHING);
        assertThat(f.tickAfter(Duration.ofMinutes(1)).relaunched()).isZero();
        assertThat(f.tickAfter(Duration.ofMinutes(5)).relaunched()).isZero();
        assertThat(f.launcher.launches).isEqualTo(1);
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(1);
        assertThat(f.task(t.id()).status()).isEqualTo(TaskStatus.SUCCEEDED);
    }

    @Test
    void a_task_whose_launch_happened_before_a_crash_is_found_not_launched_again() {
        f.launcher.crashAfterLaunch = true;
        Task t = runNow();
        assertThat(t.status()).isEqualTo(TaskStatus.QUEUED); // the crawler runs, the task does not know
        f.launcher.crashAfterLaunch = false;

        assertThat(f.tickAt(T0.plus(GRACE).plusSeconds(1)).relaunched()).isEqualTo(1);
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(1);
        assertThat(f.task(t.id()).launchName()).contains(SimulatedCrawlerLauncher.nameOf(t));
        assertThat(f.tickAfter(Duration.ofMinutes(1)).relaunched()).isZero();
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(1);
    }

    @Test
    void a_launcher_still_down_leaves_the_orphan_queued_and_the_tick_does_its_other_work() {
        Schedule s = f.hourlySchedule();
        f.core.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(s.id(), T0.plusSeconds(600)));
        f.launcher.downBeforeLaunch = true;
        Task t = runNow();
        ScheduledRun ancient = f.staleRun(s, T0.plusSeconds(600).minus(DaemonSettings.DEFAULTS.maxCatchUp())
                .minusSeconds(1));

        ReconcilerDaemon.TickResult[] r = new ReconcilerDaemon.TickResult[1];
        assertThatCode(() -> r[0] = f.tickAt(T0.plusSeconds(600))).doesNotThrowAnyException();
        assertThat(r[0].relaunched()).isZero();
        assertThat(r[0].resumed()).isEqualTo(1);
        assertThat(r[0].runsMissed()).isEqualTo(1);
        assertThat(f.task(t.id()).status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(f.memory.runs.find(ancient.id()).orElseThrow().status()).isEqualTo(RunStatus.MISSED);

        f.launcher.downBeforeLaunch = false;
        assertThat(f.tickAfter(Duration.ofSeconds(10)).relaunched()).isEqualTo(1);
    }

    @Test
    void a_launcher_that_cannot_be_inspected_does_not_stop_the_other_steps() {
        Schedule s = f.hourlySchedule();
        f.core.stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(s.id(), T0.plusSeconds(600)));
        runNow();
        f.launcher.inspectDown = true;
        ReconcilerDaemon.TickResult[] r = new ReconcilerDaemon.TickResult[1];
        assertThatCode(() -> r[0] = f.tickAt(T0.plusSeconds(600))).doesNotThrowAnyException();
        assertThat(r[0].resumed()).isEqualTo(1);
        assertThat(r[0].statusChanges()).isZero();
    }

    // ---- multi-process parents ------------------------------------------------------------

    @Test
    void launches_children_up_to_the_parallelism_as_others_finish_then_finishes_the_parent() {
        MultiProcessRunUseCase.Result run = f.core.multiProcessRun().execute(ALICE,
                MultiProcessRunUseCase.Command.of(report(), 0, 3));
        TaskId parent = run.parent().id();
        List<String> items = IntStream.range(0, 10).mapToObj(i -> "item-" + i).toList();
        AddToTaskQueueUseCase.Result added = f.core.addToTaskQueue().execute(ALICE,
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
        TaskId parent = f.core.multiProcessRun().execute(ALICE, MultiProcessRunUseCase.Command.of(report(), 0, 2))
                .parent().id();
        f.core.addToTaskQueue().execute(ALICE, new AddToTaskQueueUseCase.Command(parent, List.of("a", "b", "c")));
        f.tickAt(T0);
        // someone reports the parent itself as failed (UpdateTaskHistory does not know parents apart)
        f.core.updateTaskHistory().execute(Caller.admin("ops"), new UpdateTaskHistoryUseCase.Command(parent,
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
        TaskId parent = f.core.multiProcessRun().execute(ALICE, new MultiProcessRunUseCase.Command(report(),
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
        f.core.multiProcessRun().execute(ALICE, MultiProcessRunUseCase.Command.of(report(), 0, 3));
        assertThat(f.tickAfter(Duration.ofMinutes(1))).isEqualTo(nothing());
    }

    // ---- races --------------------------------------------------------------------------

    @Test
    void a_crawler_reporting_its_end_while_the_tick_decides_never_breaks_the_tick() {
        Task t = runNow();
        f.tickAt(T0); // RUNNING
        // the crawler reports FAILED right after the reconciler listed the task, the launcher says SUCCEEDED
        f.launcher.onInspect = names -> f.core.updateTaskHistory().execute(Caller.admin("crawler"),
                new UpdateTaskHistoryUseCase.Command(t.id(), UpdateTaskHistoryUseCase.Report.status(TaskStatus.FAILED)));
        ReconcilerDaemon.TickResult[] r = new ReconcilerDaemon.TickResult[1];
        assertThatCode(() -> r[0] = f.tickAt(T0.plus(ReconcilerFixture.CRAWL))).doesNotThrowAnyException();
        assertThat(r[0].statusChanges()).isZero();
        assertThat(f.task(t.id()).status()).isEqualTo(TaskStatus.FAILED); // the crawler's word stands
        assertThat(f.trail(t.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING,
                TaskStatus.FAILED);
        assertThat(f.tickAfter(Duration.ofMinutes(1))).isEqualTo(nothing());
    }

    @Test
    void a_crawler_reporting_success_at_the_same_time_as_the_launcher_is_recorded_once() {
        Task t = runNow();
        f.tickAt(T0);
        f.launcher.onInspect = names -> f.core.updateTaskHistory().execute(Caller.admin("crawler"),
                new UpdateTaskHistoryUseCase.Command(t.id(),
                        UpdateTaskHistoryUseCase.Report.status(TaskStatus.SUCCEEDED)));
        assertThatCode(() -> f.tickAt(T0.plus(ReconcilerFixture.CRAWL))).doesNotThrowAnyException();
        assertThat(f.trail(t.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING,
                TaskStatus.SUCCEEDED);
    }

    @Test
    void a_crawler_reporting_running_first_is_caught_up_on_the_next_tick() {
        Task t = runNow(); // LAUNCHING
        f.launcher.onInspect = names -> f.core.updateTaskHistory().execute(Caller.admin("crawler"),
                new UpdateTaskHistoryUseCase.Command(t.id(), UpdateTaskHistoryUseCase.Report.status(TaskStatus.RUNNING)));
        assertThatCode(() -> f.tickAt(T0.plus(ReconcilerFixture.CRAWL))).doesNotThrowAnyException();
        f.tickAfter(Duration.ofSeconds(1));
        assertThat(f.trail(t.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING,
                TaskStatus.SUCCEEDED);
    }

    // ---- idempotence ----------------------------------------------------------------------

    @Test
    void a_second_tick_with_nothing_changed_does_nothing() {
        Task t = runNow();
        f.tickAt(T0);
        assertThat(f.tickAt(T0)).isEqualTo(nothing());
        f.tickAt(T0.plus(ReconcilerFixture.CRAWL));
        int history = f.trail(t.id()).size();
        int events = f.memory.outbox.all().size();
        long version = f.task(t.id()).version();
        assertThat(f.tickAt(T0.plus(ReconcilerFixture.CRAWL))).isEqualTo(nothing());
        assertThat(f.tickAfter(Duration.ofHours(1))).isEqualTo(nothing());
        assertThat(f.trail(t.id())).hasSize(history);
        assertThat(f.memory.outbox.all()).hasSize(events);
        assertThat(f.task(t.id()).version()).isEqualTo(version);
        assertThat(f.tasks(TaskFilter.none().withKinds(EnumSet.of(TaskKind.MANUAL)))).hasSize(1);
    }
}
