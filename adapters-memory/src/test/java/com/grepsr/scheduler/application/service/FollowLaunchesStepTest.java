package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.adapters.memory.SimulatedCrawlerLauncher;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.port.in.UpdateTaskHistoryUseCase;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static com.grepsr.scheduler.application.service.ReconcilerFixture.T0;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.nothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The reconciler's {@link FollowLaunchesStep}: tasks follow what the launcher observes, and a crawler's own report racing it is never overwritten. */
class FollowLaunchesStepTest {

    private static final Duration GRACE = DaemonSettings.DEFAULTS.lostGrace();

    private final ReconcilerFixture f = new ReconcilerFixture();

    private Task runNow() {
        return f.runNow(Optional.empty());
    }

    private Task runNow(Optional<Duration> timeout) {
        return f.runNow(timeout);
    }

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

    @Test
    void a_crawler_reporting_its_end_while_the_tick_decides_never_breaks_the_tick() {
        Task t = runNow();
        f.tickAt(T0); // RUNNING
        // the crawler reports FAILED right after the reconciler listed the task, the launcher says SUCCEEDED
        f.launcher.onInspect = names -> f.core.useCases().updateTaskHistory().execute(Caller.admin("crawler"),
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
        f.launcher.onInspect = names -> f.core.useCases().updateTaskHistory().execute(Caller.admin("crawler"),
                new UpdateTaskHistoryUseCase.Command(t.id(),
                        UpdateTaskHistoryUseCase.Report.status(TaskStatus.SUCCEEDED)));
        assertThatCode(() -> f.tickAt(T0.plus(ReconcilerFixture.CRAWL))).doesNotThrowAnyException();
        assertThat(f.trail(t.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING,
                TaskStatus.SUCCEEDED);
    }

    @Test
    void a_crawler_reporting_running_first_is_caught_up_on_the_next_tick() {
        Task t = runNow(); // LAUNCHING
        f.launcher.onInspect = names -> f.core.useCases().updateTaskHistory().execute(Caller.admin("crawler"),
                new UpdateTaskHistoryUseCase.Command(t.id(), UpdateTaskHistoryUseCase.Report.status(TaskStatus.RUNNING)));
        assertThatCode(() -> f.tickAt(T0.plus(ReconcilerFixture.CRAWL))).doesNotThrowAnyException();
        f.tickAfter(Duration.ofSeconds(1));
        assertThat(f.trail(t.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING,
                TaskStatus.SUCCEEDED);
    }
}
