package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

import static com.grepsr.scheduler.application.service.ReconcilerFixture.ALICE;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.T0;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.nothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The reconciler as a whole: a failing step does not stop the others, and a tick with nothing to do does nothing. Each step has its own test ({@code *StepTest}). */
class ReconcilerDaemonTest {

    private final ReconcilerFixture f = new ReconcilerFixture();

    private Task runNow() {
        return f.runNow(Optional.empty());
    }

    @Test
    void a_launcher_still_down_leaves_the_orphan_queued_and_the_tick_does_its_other_work() {
        Schedule s = f.hourlySchedule();
        f.core.useCases().stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(s.id(), T0.plusSeconds(600)));
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
        f.core.useCases().stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(s.id(), T0.plusSeconds(600)));
        runNow();
        f.launcher.inspectDown = true;
        ReconcilerDaemon.TickResult[] r = new ReconcilerDaemon.TickResult[1];
        assertThatCode(() -> r[0] = f.tickAt(T0.plusSeconds(600))).doesNotThrowAnyException();
        assertThat(r[0].resumed()).isEqualTo(1);
        assertThat(r[0].statusChanges()).isZero();
    }

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
