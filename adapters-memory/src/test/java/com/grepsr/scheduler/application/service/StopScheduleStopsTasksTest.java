package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.in.OneTimeRunUseCase;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.domain.common.Parameters;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static com.grepsr.scheduler.application.service.RunsFixture.ACME;
import static com.grepsr.scheduler.application.service.RunsFixture.report;
import static org.assertj.core.api.Assertions.assertThat;

/** StopSchedule's stop_active_tasks: the schedule's own queued and running tasks stop with it, crawlers first. */
class StopScheduleStopsTasksTest {

    private final RunsFixture f = new RunsFixture();
    private final Schedule schedule = f.hourlySchedule(Map.of(), null);

    private Task runOf(Schedule s) {
        return f.runNow.execute(ACME, new OneTimeRunUseCase.Command(report(), Optional.of(s.id()), Optional.empty(),
                Parameters.NONE, Optional.empty())).task();
    }

    @Test
    void pausing_with_stop_active_tasks_stops_the_schedules_tasks_and_their_crawlers_only() {
        Task running = runOf(schedule);
        f.syncWithLauncher();
        Task launching = runOf(schedule);
        Task manual = f.runNow.execute(ACME, OneTimeRunUseCase.Command.now(report())).task();

        var r = f.stopSchedule.execute(ACME, StopScheduleUseCase.Command.pause(schedule.id()).stoppingActiveTasks());

        assertThat(r.schedule().status()).isEqualTo(ScheduleStatus.PAUSED);
        assertThat(r.stoppedTasks()).containsExactlyInAnyOrder(running.id(), launching.id());
        assertThat(f.task(running.id()).status()).isEqualTo(TaskStatus.STOPPED);
        assertThat(f.task(running.id()).message()).isEqualTo("stopped by alice@acme: schedule paused");
        assertThat(f.task(launching.id()).status()).isEqualTo(TaskStatus.STOPPED);
        assertThat(f.task(manual.id()).status()).isEqualTo(TaskStatus.LAUNCHING);
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(1);
    }

    @Test
    void deleting_with_stop_active_tasks_stops_them_too() {
        Task running = runOf(schedule);

        var r = f.stopSchedule.execute(ACME, StopScheduleUseCase.Command.delete(schedule.id()).stoppingActiveTasks());

        assertThat(r.stoppedTasks()).containsExactly(running.id());
        assertThat(f.task(running.id()).message()).isEqualTo("stopped by alice@acme: schedule deleted");
        assertThat(f.memory.launcher.liveLaunches()).isZero();
    }

    @Test
    void without_the_option_the_schedules_tasks_finish_on_their_own() {
        Task running = runOf(schedule);

        var r = f.stopSchedule.execute(ACME, StopScheduleUseCase.Command.pause(schedule.id()));

        assertThat(r.stoppedTasks()).isEmpty();
        assertThat(f.task(running.id()).status()).isEqualTo(TaskStatus.LAUNCHING);
        assertThat(f.memory.launcher.liveLaunches()).isEqualTo(1);
    }
}
