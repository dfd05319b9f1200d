package com.grepsr.scheduler.examples.embedded;

import com.grepsr.scheduler.adapters.sql.SqlVendor;
import com.grepsr.scheduler.application.model.Caller;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.ScheduleUseCase;
import com.grepsr.scheduler.application.port.out.CrawlerCatalogPort.CrawlerSpec;
import com.grepsr.scheduler.application.time.SettableClock;
import com.grepsr.scheduler.domain.common.ReportRef;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Example 3 run: the scheduler inside an app, on the app's H2 database, launcher and clock. */
class EmbeddedSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final ReportRef REPORT = ReportRef.of("report-1", "proj-1", "acme", "amazon-products");

    @Test
    void an_app_schedules_on_its_own_database_and_its_launcher_runs_the_crawls() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:embedded-example;DB_CLOSE_DELAY=-1");
        AppCrawlers crawlers = new AppCrawlers();
        SettableClock clock = new SettableClock(T0);
        try (EmbeddedScheduler scheduler = new EmbeddedScheduler(h2, SqlVendor.H2, crawlers,
                code -> Optional.of(CrawlerSpec.image("acme/crawler:1")), clock)) {
            Schedule hourly = scheduler.core().useCases().schedule().execute(Caller.admin("app"), new ScheduleUseCase.Command(
                    "hourly", REPORT, TimingInput.of(new RecurrenceSpec.FixedInterval(Duration.ofHours(1)), "UTC",
                            LocalDateTime.parse("2026-06-01T09:00")),
                    null, null, null, Optional.empty(), Optional.empty())).schedule();

            scheduler.tick();
            assertThat(crawlers.jobs()).as("nothing due before 09:00").isEmpty();

            clock.set(Instant.parse("2026-06-01T09:00:00Z"));
            scheduler.tick();
            assertThat(crawlers.jobs()).hasSize(1);

            String job = crawlers.jobs().get(0);
            crawlers.finish(job);
            clock.tick(Duration.ofMinutes(1));
            scheduler.tick();
            Task task = scheduler.core().ports().tasks().findByLaunchName(job).orElseThrow();
            assertThat(task.origin().scheduleId()).isEqualTo(hourly.id());
            assertThat(task.status()).isEqualTo(TaskStatus.SUCCEEDED);
        }
    }
}
