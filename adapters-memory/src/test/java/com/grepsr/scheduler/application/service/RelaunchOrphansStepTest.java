package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.adapters.memory.SimulatedCrawlerLauncher;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static com.grepsr.scheduler.application.service.ReconcilerFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The reconciler's {@link RelaunchOrphansStep}: a task a crash left QUEUED is launched exactly once. */
class RelaunchOrphansStepTest {

    private static final Duration GRACE = DaemonSettings.DEFAULTS.lostGrace();

    private final ReconcilerFixture f = new ReconcilerFixture();

    private Task runNow() {
        return f.runNow(Optional.empty());
    }

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
}
