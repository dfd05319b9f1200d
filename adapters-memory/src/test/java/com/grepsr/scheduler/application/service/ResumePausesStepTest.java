package com.grepsr.scheduler.application.service;

import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.ReportScheduleUnpausedEvent;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static com.grepsr.scheduler.application.service.ReconcilerFixture.ALICE;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.T0;
import static com.grepsr.scheduler.application.service.ReconcilerFixture.nothing;
import static org.assertj.core.api.Assertions.assertThat;

/** The reconciler's {@link ResumePausesStep}: a pause with an end resumes when it ends, as the scheduler. */
class ResumePausesStepTest {

    private final ReconcilerFixture f = new ReconcilerFixture();

    @Test
    void resumes_a_schedule_once_its_pause_until_has_passed_as_the_scheduler() {
        Schedule s = f.hourlySchedule();
        f.core.useCases().stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(s.id(), T0.plusSeconds(3600)));

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
        f.core.useCases().stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pause(s.id()));
        assertThat(f.tickAt(T0.plus(Duration.ofDays(30))).resumed()).isZero();
        assertThat(f.memory.schedules.find(s.id()).orElseThrow().status()).isEqualTo(ScheduleStatus.PAUSED);
    }
}
