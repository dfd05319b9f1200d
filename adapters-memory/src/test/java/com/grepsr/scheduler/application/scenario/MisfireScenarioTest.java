package com.grepsr.scheduler.application.scenario;

import com.grepsr.scheduler.domain.event.ActivityEvent;
import com.grepsr.scheduler.domain.event.ScheduledRunMissedEvent;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.grepsr.scheduler.application.scenario.Scenario.every;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Misfire policies end to end: a quarter-hourly schedule runs for an hour (09:15 … 10:00), the
 * scheduler is down for six hours (no daemon ticks from 10:07 to 16:07: the occurrences 10:15 …
 * 16:00 come due unseen), then it comes back and runs another hour.
 */
class MisfireScenarioTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:07:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final List<Instant> DURING_OUTAGE = every(QUARTER, at("10:15"), at("16:00"));

    private static Instant at(String hhmm) {
        return Instant.parse("2026-12-01T" + hhmm + ":00Z");
    }

    private Scenario s;
    private Schedule schedule;

    private void outageWith(MisfirePolicy misfire) {
        s = new Scenario(T0, Duration.ofMinutes(2));
        schedule = s.create("misfire", new RecurrenceSpec.Cron("*/15 * * * *"), "UTC", misfire, null);
        s.run(Duration.ofHours(1), MINUTE);
        assertThat(s.tasks(schedule.id())).hasSize(4);
        s.outage(Duration.ofHours(6));
        s.run(Duration.ofHours(1), MINUTE); // back at 16:08 (first tick), to 17:07
    }

    private List<ScheduledRunMissedEvent> missedEvents() {
        return s.events().stream().filter(e -> e instanceof ScheduledRunMissedEvent)
                .map(e -> (ScheduledRunMissedEvent) e).toList();
    }

    private void assertMissedWhileDown(List<Instant> missed) {
        assertThat(s.runs(schedule.id(), RunStatus.MISSED)).extracting(ScheduledRun::fireAt).isEqualTo(missed);
        assertThat(s.runs(schedule.id(), RunStatus.MISSED)).allSatisfy(r -> {
            assertThat(r.missCause()).isEqualTo(MissCause.SCHEDULER_DOWN);
            assertThat(r.settledAt()).isEqualTo(at("16:08"));
        });
        assertThat(missedEvents()).extracting(e -> Instant.parse(e.details().get("fire_at")))
                .containsExactlyInAnyOrderElementsOf(missed);
        assertThat(missedEvents()).allSatisfy(e -> {
            assertThat(e.details()).containsEntry("cause", "SCHEDULER_DOWN");
            assertThat(e.actor()).isEqualTo("scheduler");
        });
        assertThat(s.missedRuns(schedule.id())).hasSize(missed.size());
        // the hour after the outage runs normally
        assertThat(s.fireTimes(schedule.id(), RunStatus.DISPATCHED))
                .endsWith(at("16:15"), at("16:30"), at("16:45"), at("17:00"));
        assertThat(s.tasks(schedule.id())).map(Task::status).containsOnly(TaskStatus.SUCCEEDED);
        assertThat(s.eventTypes()).first().isEqualTo("ReportScheduleCreatedEvent");
        assertThat(s.events()).map(ActivityEvent::type)
                .containsOnly("ReportScheduleCreatedEvent", "ScheduledRunMissedEvent");
    }

    @Test
    void fire_once_now_fires_the_latest_missed_run_once_and_misses_the_rest() {
        outageWith(MisfirePolicy.FIRE_ONCE_NOW);
        assertThat(s.fireTimes(schedule.id(), RunStatus.DISPATCHED)).containsExactly(at("09:15"), at("09:30"),
                at("09:45"), at("10:00"), at("16:00"), at("16:15"), at("16:30"), at("16:45"), at("17:00"));
        assertThat(s.runs(schedule.id(), RunStatus.DISPATCHED)).filteredOn(r -> r.fireAt().equals(at("16:00")))
                .singleElement().extracting(ScheduledRun::settledAt).isEqualTo(at("16:08"));
        assertMissedWhileDown(DURING_OUTAGE.subList(0, DURING_OUTAGE.size() - 1));
        assertThat(missedEvents()).hasSize(23);
        assertThat(s.tasks(schedule.id())).hasSize(9);
    }

    @Test
    void skip_misses_every_run_that_came_due_while_down() {
        outageWith(MisfirePolicy.SKIP);
        assertThat(s.fireTimes(schedule.id(), RunStatus.DISPATCHED)).containsExactly(at("09:15"), at("09:30"),
                at("09:45"), at("10:00"), at("16:15"), at("16:30"), at("16:45"), at("17:00"));
        assertMissedWhileDown(DURING_OUTAGE);
        assertThat(missedEvents()).hasSize(24);
        assertThat(s.tasks(schedule.id())).hasSize(8);
    }

    @Test
    void fire_all_within_two_hours_fires_the_runs_of_the_last_two_hours() {
        outageWith(MisfirePolicy.fireAllWithin(Duration.ofHours(2)));
        // back at 16:08: runs at most 2 hours late are those from 14:08 on
        List<Instant> caughtUp = every(QUARTER, at("14:15"), at("16:00"));
        assertThat(s.fireTimes(schedule.id(), RunStatus.DISPATCHED)).containsSubsequence(caughtUp)
                .hasSize(4 + caughtUp.size() + 4);
        assertThat(caughtUp).hasSize(8);
        assertThat(s.runs(schedule.id(), RunStatus.DISPATCHED)).filteredOn(r -> caughtUp.contains(r.fireAt()))
                .allMatch(r -> r.settledAt().equals(at("16:08")));
        assertMissedWhileDown(every(QUARTER, at("10:15"), at("14:00")));
        assertThat(missedEvents()).hasSize(16);
        assertThat(s.tasks(schedule.id())).hasSize(16);
    }
}
