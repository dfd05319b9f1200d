package com.grepsr.scheduler.examples.testkit;

import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.testkit.SchedulerExtension;
import com.grepsr.scheduler.testkit.TestScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Example 2: an app's own test, with the scheduler in memory and the clock in the test's hand. */
class NightlyReportsTest {

    @RegisterExtension
    static final SchedulerExtension SCHEDULER = SchedulerExtension.startingAt(Instant.parse("2026-06-01T00:00:00Z"));

    private static final ReportRef REPORT = ReportRef.of("report-1", "proj-1", "acme", "amazon-products");

    @Test
    void a_nightly_report_runs_once_a_night_at_two(TestScheduler scheduler) {
        Schedule nightly = new NightlyReports(scheduler.core().useCases().schedule()).enable(REPORT, "UTC");

        scheduler.advance(Duration.ofDays(3), Duration.ofMinutes(10));

        assertThat(scheduler.launched(nightly.id())).extracting(Task::createdAt).containsExactly(
                Instant.parse("2026-06-01T02:00:00Z"), Instant.parse("2026-06-02T02:00:00Z"),
                Instant.parse("2026-06-03T02:00:00Z"));
    }
}
