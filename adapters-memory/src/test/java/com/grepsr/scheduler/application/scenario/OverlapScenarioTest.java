package com.grepsr.scheduler.application.scenario;

import com.grepsr.scheduler.domain.event.ScheduledRunMissedEvent;
import com.grepsr.scheduler.domain.run.MissCause;
import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.run.ScheduledRun;
import com.grepsr.scheduler.domain.schedule.MisfirePolicy;
import com.grepsr.scheduler.domain.schedule.OverlapPolicy;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overlap policies end to end: a quarter-hourly schedule whose crawls outlast the period, driven
 * for two hours (occurrences 09:15 … 11:00) with a tick every minute.
 */
class OverlapScenarioTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:07:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final RecurrenceSpec EVERY_15_MINUTES = new RecurrenceSpec.Cron("*/15 * * * *");

    private static Instant at(String hhmm) {
        return Instant.parse("2026-12-01T" + hhmm + ":00Z");
    }

    private static Scenario twoHours(Duration crawl, MisfirePolicy misfire, OverlapPolicy overlap, Schedule[] out) {
        Scenario s = new Scenario(T0, crawl);
        out[0] = s.create(overlap.name(), EVERY_15_MINUTES, "UTC", misfire, overlap);
        s.run(Duration.ofHours(2), MINUTE); // to 11:07
        return s;
    }

    private static List<TaskStatus> statuses(List<Task> tasks) {
        return tasks.stream().map(Task::status).toList();
    }

    @Test
    void allow_fires_every_run_alongside_the_running_ones() {
        Schedule[] sch = new Schedule[1];
        Scenario s = twoHours(Duration.ofMinutes(40), null, OverlapPolicy.ALLOW, sch);
        assertThat(s.fireTimes(sch[0].id(), RunStatus.DISPATCHED)).hasSize(8);
        // 40-minute crawls: those fired at 10:30, 10:45, 11:00 still run at 11:07
        assertThat(statuses(s.tasks(sch[0].id()))).containsExactly(TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED,
                TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED, TaskStatus.RUNNING,
                TaskStatus.RUNNING, TaskStatus.RUNNING);
        assertThat(s.missedRuns(sch[0].id())).isEmpty();
    }

    @Test
    void skip_skips_every_run_that_comes_due_while_a_crawl_runs() {
        Schedule[] sch = new Schedule[1];
        Scenario s = twoHours(Duration.ofMinutes(40), null, OverlapPolicy.SKIP, sch);
        // 09:15 runs to 09:55, 10:00 to 10:40, 10:45 to 11:25
        assertThat(s.fireTimes(sch[0].id(), RunStatus.DISPATCHED)).containsExactly(at("09:15"), at("10:00"),
                at("10:45"));
        assertThat(s.runs(sch[0].id(), RunStatus.SKIPPED)).extracting(ScheduledRun::fireAt)
                .containsExactly(at("09:30"), at("09:45"), at("10:15"), at("10:30"), at("11:00"));
        assertThat(s.runs(sch[0].id(), RunStatus.SKIPPED)).allMatch(r -> r.missCause() == MissCause.OVERLAP);
        assertThat(statuses(s.tasks(sch[0].id()))).containsExactly(TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED,
                TaskStatus.RUNNING);
        assertThat(s.missedRuns(sch[0].id())).hasSize(5);
        assertThat(s.events()).filteredOn(e -> e instanceof ScheduledRunMissedEvent).hasSize(5);
    }

    @Test
    void replace_stops_the_running_crawl_for_each_new_run() {
        Schedule[] sch = new Schedule[1];
        Scenario s = twoHours(Duration.ofMinutes(40), null, OverlapPolicy.REPLACE, sch);
        assertThat(s.fireTimes(sch[0].id(), RunStatus.DISPATCHED)).hasSize(8);
        List<Task> tasks = s.tasks(sch[0].id());
        assertThat(statuses(tasks)).containsExactly(TaskStatus.STOPPED, TaskStatus.STOPPED, TaskStatus.STOPPED,
                TaskStatus.STOPPED, TaskStatus.STOPPED, TaskStatus.STOPPED, TaskStatus.STOPPED, TaskStatus.RUNNING);
        assertThat(tasks.subList(0, 7)).allSatisfy(t -> assertThat(s.trail(t.id())).containsExactly(
                TaskStatus.LAUNCHING, TaskStatus.RUNNING, TaskStatus.STOPPED));
        assertThat(s.scheduler.adapters().launcher.liveLaunches()).isEqualTo(1);
        assertThat(s.missedRuns(sch[0].id())).isEmpty();
    }

    @Test
    void queue_one_holds_one_run_until_the_crawl_ends_and_skips_the_rest() {
        Schedule[] sch = new Schedule[1];
        Scenario s = twoHours(Duration.ofMinutes(40), null, OverlapPolicy.QUEUE_ONE, sch);
        // 09:15 runs to 09:55; 09:30 waits and starts 09:56 (to 10:36); 10:00 waits and starts 10:37
        List<ScheduledRun> dispatched = s.runs(sch[0].id(), RunStatus.DISPATCHED);
        assertThat(dispatched).extracting(ScheduledRun::fireAt).containsExactly(at("09:15"), at("09:30"),
                at("10:00"));
        assertThat(dispatched).extracting(ScheduledRun::settledAt).containsExactly(at("09:15"), at("09:56"),
                at("10:37"));
        assertThat(s.runs(sch[0].id(), RunStatus.SKIPPED)).extracting(ScheduledRun::fireAt)
                .containsExactly(at("09:45"), at("10:15"), at("10:30"), at("11:00"));
        assertThat(s.runs(sch[0].id(), RunStatus.SKIPPED)).allMatch(r -> r.missCause() == MissCause.OVERLAP);
        // 10:45 is the one waiting now
        assertThat(s.runs(sch[0].id(), RunStatus.PENDING)).first().extracting(ScheduledRun::fireAt)
                .isEqualTo(at("10:45"));
        assertThat(s.runs(sch[0].id(), RunStatus.MISSED)).isEmpty();
        assertThat(statuses(s.tasks(sch[0].id()))).containsExactly(TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED,
                TaskStatus.RUNNING);
    }

    @Test
    void queue_one_fires_the_held_run_even_when_the_next_one_comes_due_as_the_crawl_ends() {
        Schedule[] sch = new Schedule[1];
        // 44-minute crawls: 09:15 ends 09:59, so at 10:00 the held 09:30 and the new 10:00 are due together
        Scenario s = twoHours(Duration.ofMinutes(44), MisfirePolicy.SKIP, OverlapPolicy.QUEUE_ONE, sch);
        assertThat(s.runs(sch[0].id(), RunStatus.MISSED)).isEmpty(); // nothing was down
        List<ScheduledRun> dispatched = s.runs(sch[0].id(), RunStatus.DISPATCHED);
        // 09:30 starts 10:00 (to 10:44), 10:00 waits, starts 10:45 (to 11:29)
        assertThat(dispatched).extracting(ScheduledRun::fireAt).containsExactly(at("09:15"), at("09:30"),
                at("10:00"));
        assertThat(dispatched).extracting(ScheduledRun::settledAt).containsExactly(at("09:15"), at("10:00"),
                at("10:45"));
        assertThat(s.runs(sch[0].id(), RunStatus.SKIPPED)).extracting(ScheduledRun::fireAt)
                .containsExactly(at("09:45"), at("10:15"), at("10:30"), at("11:00"));
        assertThat(s.runs(sch[0].id(), RunStatus.PENDING)).first().extracting(ScheduledRun::fireAt)
                .isEqualTo(at("10:45"));
        assertThat(s.events()).noneMatch(e -> e instanceof ScheduledRunMissedEvent
                && !e.details().get("cause").equals("OVERLAP"));
    }
}
