package com.grepsr.scheduler.application.scenario;

import com.grepsr.scheduler.application.model.TaskFilter;
import com.grepsr.scheduler.application.port.in.AddToTaskQueueUseCase;
import com.grepsr.scheduler.application.model.TimeWindow;
import com.grepsr.scheduler.application.model.TimingInput;
import com.grepsr.scheduler.application.port.in.GetStatsUseCase;
import com.grepsr.scheduler.application.port.in.MultiProcessRunUseCase;
import com.grepsr.scheduler.application.port.in.StopScheduleUseCase;
import com.grepsr.scheduler.application.port.in.UpdateScheduleUseCase;
import com.grepsr.scheduler.application.model.TaskStats;
import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.schedule.ScheduleStatus;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskId;
import com.grepsr.scheduler.domain.task.TaskKind;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static com.grepsr.scheduler.application.scenario.Scenario.ALICE;
import static com.grepsr.scheduler.application.scenario.Scenario.REPORT;
import static com.grepsr.scheduler.application.scenario.Scenario.every;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler as a whole on in-memory adapters: a user's schedule is materialized by the
 * calculator, fired by the processor, run by the simulated launcher and completed by the
 * reconciler, with nothing but the clock moving. Europe/London is on UTC in December.
 */
class EndToEndScenarioTest {

    /** Tuesday 2026-12-01 09:07 UTC: not on a quarter hour, so the first run is 09:15. */
    private static final Instant T0 = Instant.parse("2026-12-01T09:07:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final Duration CRAWL = Duration.ofMinutes(2);
    private static final RecurrenceSpec EVERY_15_MINUTES = new RecurrenceSpec.Cron("*/15 * * * *");

    private final Scenario s = new Scenario(T0, CRAWL);

    private static Instant at(String hhmm) {
        return Instant.parse("2026-12-01T" + hhmm + ":00Z");
    }

    @Test
    void a_quarter_hourly_schedule_runs_every_occurrence_to_success_and_keeps_three_days_ahead() {
        Schedule schedule = s.create("every 15 minutes", EVERY_15_MINUTES, "Europe/London");
        assertThat(schedule.report().accountId()).isEqualTo(ALICE.account().orElseThrow());

        // the calculator fills exactly the 3-day horizon: (09:07, 09:07 + 3 days]
        s.scheduler.tickAll();
        assertThat(s.fireTimes(schedule.id())).isEqualTo(every(QUARTER, at("09:15"),
                Instant.parse("2026-12-04T09:00:00Z"))).hasSize(288);

        s.run(Duration.ofHours(2), MINUTE); // to 11:07

        List<Instant> passed = every(QUARTER, at("09:15"), at("11:00"));
        List<Task> tasks = s.tasks(schedule.id());
        assertThat(tasks).hasSize(passed.size()).hasSize(8);
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(t.kind()).isEqualTo(TaskKind.SCHEDULED);
            // launched before its task was written: the task starts LAUNCHING, one history row for both steps
            assertThat(s.trail(t.id())).containsExactly(TaskStatus.LAUNCHING, TaskStatus.RUNNING,
                    TaskStatus.SUCCEEDED);
            assertThat(t.duration(t.finishedAt().orElseThrow())).contains(CRAWL);
        });
        // each task is its run's: fired on the minute it was due
        assertThat(s.runs(schedule.id(), RunStatus.DISPATCHED)).extracting(ScheduledRun::fireAt)
                .isEqualTo(passed);
        assertThat(s.runs(schedule.id(), RunStatus.DISPATCHED)).allSatisfy(r -> {
            assertThat(r.settledAt()).isEqualTo(r.fireAt());
            assertThat(s.task(r.taskId()).startedAt()).contains(r.fireAt());
        });

        TaskStats stats = s.core().useCases().getStats().execute(ALICE, GetStatsUseCase.Query.of(Optional.empty(),
                GetStatsUseCase.Basis.CREATED, TimeWindow.of(T0, s.now()))).stats();
        assertThat(stats.countsByStatus()).isEqualTo(Map.of(TaskStatus.SUCCEEDED, 8L));
        assertThat(stats.total()).isEqualTo(8);
        assertThat(stats.finished()).isEqualTo(8);
        assertThat(stats.succeeded()).isEqualTo(8);
        assertThat(stats.successRate()).isEqualTo(1.0);
        assertThat(stats.averageDuration()).isEqualTo(CRAWL);
        assertThat(stats.maxDuration()).isEqualTo(CRAWL);

        // GetScheduledTasks: every occurrence after now, up to where the calculator last extended
        // (the schedule comes due for calculation once horizon - refresh margin remain ahead, i.e.
        // one refresh margin after the last extension: 10:07, then 11:07 → 11:07 + 3 days)
        assertThat(s.scheduledTasks(schedule.id())).extracting(ScheduledRun::fireAt)
                .isEqualTo(every(QUARTER, at("11:15"), Instant.parse("2026-12-04T11:00:00Z")));
        assertThat(s.missedRuns(schedule.id())).isEmpty();
        assertThat(s.eventTypes()).containsExactly("ReportScheduleCreatedEvent");
        assertThat(s.events().get(0).actor()).isEqualTo("alice@acme");
    }

    @Test
    void pause_until_resumes_by_itself_a_timing_change_recomputes_and_a_delete_ends_it_all() {
        Schedule schedule = s.create("lifecycle", EVERY_15_MINUTES, "Europe/London");
        s.run(Duration.ofHours(1), MINUTE); // 09:15, 09:30, 09:45, 10:00 run; now 10:07

        s.core().useCases().stopSchedule().execute(ALICE, StopScheduleUseCase.Command.pauseUntil(schedule.id(), at("11:00")));
        assertThat(s.scheduledTasks(schedule.id())).isEmpty();
        s.run(Duration.ofMinutes(52), MINUTE); // to 10:59: paused throughout
        assertThat(s.tasks(schedule.id())).hasSize(4);
        assertThat(s.schedule(schedule.id()).status()).isEqualTo(ScheduleStatus.PAUSED);

        s.run(Duration.ofMinutes(68), MINUTE); // to 12:07: resumed at 11:00, which fires, then 11:15 … 12:00
        assertThat(s.schedule(schedule.id()).status()).isEqualTo(ScheduleStatus.ACTIVE);
        assertThat(s.fireTimes(schedule.id(), RunStatus.DISPATCHED)).containsExactly(at("09:15"), at("09:30"),
                at("09:45"), at("10:00"), at("11:00"), at("11:15"), at("11:30"), at("11:45"), at("12:00"));
        assertThat(s.fireTimes(schedule.id())).noneMatch(t -> t.isAfter(at("10:07")) && t.isBefore(at("11:00")));
        ActivityEvent unpaused = s.events().get(2);
        assertThat(unpaused.type()).isEqualTo("ReportScheduleUnpausedEvent");
        assertThat(unpaused.actor()).isEqualTo("scheduler");

        // new timing: at :05 and :35 past the hour
        long version = s.schedule(schedule.id()).version();
        s.core().useCases().updateSchedule().execute(ALICE, new UpdateScheduleUseCase.Command(schedule.id(), version, null,
                Optional.of(TimingInput.of(new RecurrenceSpec.Cron("5,35 * * * *"), "Europe/London", null)),
                null, null, null, null, null));
        s.run(Duration.ofHours(1), MINUTE); // to 13:07
        assertThat(s.fireTimes(schedule.id(), RunStatus.DISPATCHED)).endsWith(at("12:00"), at("12:35"), at("13:05"))
                .hasSize(11).doesNotHaveDuplicates();
        List<Instant> upcoming = s.scheduledTasks(schedule.id()).stream().map(ScheduledRun::fireAt).toList();
        assertThat(upcoming).first().isEqualTo(at("13:35"));
        assertThat(upcoming).allMatch(t -> t.atZone(java.time.ZoneOffset.UTC).getMinute() % 30 == 5)
                .doesNotHaveDuplicates();
        assertThat(s.fireTimes(schedule.id())).doesNotHaveDuplicates();

        StopScheduleUseCase.Result deleted = s.core().useCases().stopSchedule().execute(ALICE,
                StopScheduleUseCase.Command.delete(schedule.id()));
        assertThat(deleted.cancelledRuns()).isEqualTo(upcoming.size());
        assertThat(s.scheduledTasks(schedule.id())).isEmpty();
        s.run(Duration.ofHours(2), MINUTE);
        assertThat(s.tasks(schedule.id())).hasSize(11).allMatch(t -> t.status() == TaskStatus.SUCCEEDED);
        assertThat(s.runs(schedule.id(), RunStatus.PENDING)).isEmpty();
        assertThat(s.missedRuns(schedule.id())).isEmpty();
        assertThat(s.eventTypes()).containsExactly("ReportScheduleCreatedEvent", "ReportScheduleStoppedEvent",
                "ReportScheduleUnpausedEvent", "ReportScheduleUpdatedEvent", "ReportScheduleDeletedEvent");
    }

    @Test
    void a_one_time_schedule_fires_once_and_completes() {
        Schedule once = s.create("once", new RecurrenceSpec.OneTime(LocalDateTime.parse("2026-12-01T12:00:00")),
                "Europe/London");
        s.run(Duration.ofHours(2), Duration.ofMinutes(5)); // to 11:07
        assertThat(s.fireTimes(once.id(), RunStatus.PENDING)).containsExactly(at("12:00"));
        assertThat(s.schedule(once.id()).status()).isEqualTo(ScheduleStatus.ACTIVE);

        s.run(Duration.ofHours(3), MINUTE); // to 14:07
        assertThat(s.schedule(once.id()).status()).isEqualTo(ScheduleStatus.COMPLETED);
        assertThat(s.runs(once.id())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.DISPATCHED);
            assertThat(r.fireAt()).isEqualTo(at("12:00"));
        });
        assertThat(s.tasks(once.id())).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(t.startedAt()).contains(at("12:00"));
        });
        assertThat(s.scheduledTasks(once.id())).isEmpty();
        assertThat(s.eventTypes()).containsExactly("ReportScheduleCreatedEvent");
    }

    @Test
    void a_multi_process_run_fed_by_add_to_task_queue_is_driven_to_the_end_by_the_daemons_alone() {
        TaskId parent = s.core().useCases().multiProcessRun().execute(ALICE, MultiProcessRunUseCase.Command.of(REPORT, 0, 3))
                .parent().id();
        List<String> items = IntStream.range(0, 10).mapToObj(i -> "https://example.com/page/" + i).toList();
        s.core().useCases().addToTaskQueue().execute(ALICE, new AddToTaskQueueUseCase.Command(parent, items));

        TaskFilter children = TaskFilter.none().withParent(parent);
        int maxActive = 0;
        for (int minute = 1; minute <= 15; minute++) {
            s.run(MINUTE, MINUTE);
            List<Task> now = s.scheduler.adapters().tasks.listAll(children);
            maxActive = Math.max(maxActive, (int) now.stream()
                    .filter(t -> t.status() == TaskStatus.LAUNCHING || t.status() == TaskStatus.RUNNING).count());
            assertThat(s.scheduler.adapters().launcher.liveLaunches()
                    - now.stream().filter(t -> t.status() == TaskStatus.SUCCEEDED).count()).isLessThanOrEqualTo(3);
        }
        List<Task> done = s.scheduler.adapters().tasks.listAll(children);
        assertThat(maxActive).isEqualTo(3);
        assertThat(done).hasSize(10).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.SUCCEEDED);
            assertThat(s.trail(t.id())).containsExactly(TaskStatus.QUEUED, TaskStatus.LAUNCHING, TaskStatus.RUNNING,
                    TaskStatus.SUCCEEDED);
        });
        assertThat(done).extracting(t -> t.origin().workItem()).containsExactlyInAnyOrderElementsOf(items);
        assertThat(s.task(parent).status()).isEqualTo(TaskStatus.SUCCEEDED);
        assertThat(s.task(parent).message()).isEqualTo("all 10 child tasks succeeded");
        assertThat(s.scheduler.adapters().queue.pending(parent)).isZero();
    }
}
