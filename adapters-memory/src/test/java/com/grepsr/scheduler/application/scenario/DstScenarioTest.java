package com.grepsr.scheduler.application.scenario;

import com.grepsr.scheduler.domain.run.RunStatus;
import com.grepsr.scheduler.domain.schedule.RecurrenceSpec;
import com.grepsr.scheduler.domain.schedule.Schedule;
import com.grepsr.scheduler.domain.task.Task;
import com.grepsr.scheduler.domain.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daily schedules across America/New_York's DST changes, end to end: each fires exactly once on
 * every local day. 2026-03-08: 02:00 EST jumps to 03:00 EDT (02:30 does not exist and fires at
 * the end of the gap). 2026-11-01: 02:00 EDT falls back to 01:00 EST (01:30 happens twice and
 * fires at its first occurrence).
 */
class DstScenarioTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration STEP = Duration.ofMinutes(5);

    private record Daily(Schedule at0130, Schedule at0230) {
    }

    private static Daily dailies(Scenario s) {
        return new Daily(s.create("01:30", new RecurrenceSpec.Cron("30 1 * * *"), NEW_YORK.getId()),
                s.create("02:30", new RecurrenceSpec.Cron("30 2 * * *"), NEW_YORK.getId()));
    }

    private static void assertOncePerLocalDay(Scenario s, Schedule schedule, List<Instant> expected) {
        assertThat(s.fireTimes(schedule.id(), RunStatus.DISPATCHED)).containsExactlyElementsOf(expected);
        assertThat(s.fireTimes(schedule.id(), RunStatus.DISPATCHED))
                .extracting(t -> LocalDate.ofInstant(t, NEW_YORK)).doesNotHaveDuplicates();
        assertThat(s.runs(schedule.id(), RunStatus.MISSED, RunStatus.SKIPPED)).isEmpty();
        List<Task> tasks = s.tasks(schedule.id());
        assertThat(tasks).hasSize(expected.size()).allMatch(t -> t.status() == TaskStatus.SUCCEEDED);
        assertThat(tasks).extracting(t -> t.startedAt().orElseThrow()).containsExactlyElementsOf(expected);
    }

    @Test
    void spring_forward_day_fires_each_daily_schedule_once() {
        Scenario s = new Scenario(Instant.parse("2026-03-06T12:00:00Z"), Duration.ofMinutes(2));
        Daily d = dailies(s);
        s.run(Duration.ofDays(4), STEP); // to 2026-03-10T12:00Z
        assertOncePerLocalDay(s, d.at0130(), List.of(
                Instant.parse("2026-03-07T06:30:00Z"), // EST
                Instant.parse("2026-03-08T06:30:00Z"), // 01:30 EST, before the jump
                Instant.parse("2026-03-09T05:30:00Z"), // EDT
                Instant.parse("2026-03-10T05:30:00Z")));
        assertOncePerLocalDay(s, d.at0230(), List.of(
                Instant.parse("2026-03-07T07:30:00Z"),
                Instant.parse("2026-03-08T07:00:00Z"), // 02:30 does not exist: 03:00 EDT
                Instant.parse("2026-03-09T06:30:00Z"),
                Instant.parse("2026-03-10T06:30:00Z")));
    }

    @Test
    void fall_back_day_fires_each_daily_schedule_once() {
        Scenario s = new Scenario(Instant.parse("2026-10-30T12:00:00Z"), Duration.ofMinutes(2));
        Daily d = dailies(s);
        s.run(Duration.ofDays(4), STEP); // to 2026-11-03T12:00Z
        assertOncePerLocalDay(s, d.at0130(), List.of(
                Instant.parse("2026-10-31T05:30:00Z"), // EDT
                Instant.parse("2026-11-01T05:30:00Z"), // the first 01:30 (EDT); not again at 06:30Z
                Instant.parse("2026-11-02T06:30:00Z"), // EST
                Instant.parse("2026-11-03T06:30:00Z")));
        assertOncePerLocalDay(s, d.at0230(), List.of(
                Instant.parse("2026-10-31T06:30:00Z"),
                Instant.parse("2026-11-01T07:30:00Z"), // after the repeated hour, in EST
                Instant.parse("2026-11-02T07:30:00Z"),
                Instant.parse("2026-11-03T07:30:00Z")));
    }
}
