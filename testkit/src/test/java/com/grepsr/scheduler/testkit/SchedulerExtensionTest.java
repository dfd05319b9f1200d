package com.grepsr.scheduler.testkit;

import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SchedulerExtension.class)
class SchedulerExtensionTest {

    private static final ReportRef REPORT = ReportRef.of("report-1", "project-1", "acme", "amazon-products");

    @Test
    void each_test_starts_at_the_default_instant_with_one_scheduler_and_its_clock(TestScheduler scheduler,
                                                                                   SettableClock clock) {
        assertThat(scheduler.now()).isEqualTo(SchedulerExtension.DEFAULT_START);
        assertThat(clock).isSameAs(scheduler.clock());
        assertThat(scheduler.launched()).isEmpty();
    }

    @Test
    void an_hourly_schedule_launches_once_an_hour_as_time_advances(TestScheduler scheduler) {
        Schedule hourly = scheduler.createSchedule("hourly", REPORT,
                new RecurrenceSpec.FixedInterval(Duration.ofHours(1)));

        scheduler.advance(Duration.ofMinutes(150));

        assertThat(scheduler.launched(hourly.id())).as("at 00:00, 01:00 and 02:00").hasSize(3)
                .allSatisfy(t -> assertThat(t.origin().report()).isEqualTo(REPORT));
        assertThat(scheduler.launched(hourly.id())).extracting(Task::id).doesNotHaveDuplicates();
    }

    @Test
    void nothing_is_launched_until_the_clock_moves(TestScheduler scheduler) {
        scheduler.createSchedule("hourly", REPORT, new RecurrenceSpec.FixedInterval(Duration.ofHours(1)));

        assertThat(scheduler.launched()).isEmpty();
        scheduler.advance(Duration.ofMinutes(30));
        assertThat(scheduler.launched()).as("the run due at the start").hasSize(1);
    }
}
