package com.grepsr.scheduler.domain.recurrence.rrule;

import static com.grepsr.scheduler.domain.recurrence.rrule.RRuleFixtures.at;
import static com.grepsr.scheduler.domain.recurrence.rrule.RRuleFixtures.daysAt;
import static com.grepsr.scheduler.domain.recurrence.rrule.RRuleFixtures.firstRuns;
import static org.assertj.core.api.Assertions.assertThat;

import com.grepsr.scheduler.domain.recurrence.Recurrence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Every choice of the platform's "Create a schedule" form (SPEC.md), written as an RRULE. */
class PlatformScheduleFormTest {

    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void every_two_weeks_on_monday_and_thursday_at_nine() {
        // 2026-12-01 is a Tuesday: its week's Thursday fires, Monday 30 November is before the start
        assertThat(firstRuns("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "2026-12-01T09:00", KATHMANDU, 7))
                .containsExactly(daysAt("09:00", "2026-12-03", "2026-12-14", "2026-12-17", "2026-12-28", "2026-12-31",
                        "2027-01-11", "2027-01-14"));
    }

    @Test
    void every_three_months_on_the_last_day() {
        assertThat(firstRuns("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", "2026-12-01T09:00", KATHMANDU, 5))
                .containsExactly(daysAt("09:00", "2026-12-31", "2027-03-31", "2027-06-30", "2027-09-30", "2027-12-31"));
    }

    @Test
    void every_four_hours() {
        assertThat(firstRuns("FREQ=HOURLY;INTERVAL=4", "2026-12-01T09:00", KATHMANDU, 5)).containsExactly(at(
                "2026-12-01T09:00", "2026-12-01T13:00", "2026-12-01T17:00", "2026-12-01T21:00", "2026-12-02T01:00"));
    }

    @Test
    void daily_and_every_three_days() {
        assertThat(firstRuns("FREQ=DAILY", "2026-12-30T09:00", KATHMANDU, 3))
                .containsExactly(daysAt("09:00", "2026-12-30", "2026-12-31", "2027-01-01"));
        assertThat(firstRuns("FREQ=DAILY;INTERVAL=3", "2026-12-30T09:00", KATHMANDU, 3))
                .containsExactly(daysAt("09:00", "2026-12-30", "2027-01-02", "2027-01-05"));
    }

    @Test
    void monthly_on_the_1st_and_15th() {
        assertThat(firstRuns("FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-12-01T09:00", KATHMANDU, 4))
                .containsExactly(daysAt("09:00", "2026-12-01", "2026-12-15", "2027-01-01", "2027-01-15"));
    }

    @Test
    void monthly_without_a_day_fires_on_the_start_day_and_skips_short_months() {
        assertThat(firstRuns("FREQ=MONTHLY", "2027-01-31T09:00", KATHMANDU, 3))
                .containsExactly(daysAt("09:00", "2027-01-31", "2027-03-31", "2027-05-31"));
    }

    @Test
    void ends_on_a_date_including_that_day() {
        assertThat(firstRuns("FREQ=DAILY;UNTIL=20261205", "2026-12-01T09:00", KATHMANDU, 10))
                .containsExactly(daysAt("09:00", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"));
    }

    @Test
    void daily_in_the_spring_forward_gap_fires_once_at_the_end_of_the_gap() {
        // New York springs forward on 2027-03-14 at 02:00 (EST -> EDT): 02:30 does not exist that day
        Recurrence r = Recurrence.rrule("FREQ=DAILY", LocalDateTime.parse("2027-03-13T02:30"), NEW_YORK);
        assertThat(r.upcoming(Instant.parse("2027-03-13T00:00:00Z"), 3)).containsExactly(
                Instant.parse("2027-03-13T07:30:00Z"), Instant.parse("2027-03-14T07:00:00Z"),
                Instant.parse("2027-03-15T06:30:00Z"));
    }

    @Test
    void daily_in_the_fall_back_overlap_fires_once_at_the_first_occurrence() {
        // New York falls back on 2027-11-07 at 02:00 EDT -> 01:00 EST: 01:30 happens twice that day
        Recurrence r = Recurrence.rrule("FREQ=DAILY", LocalDateTime.parse("2027-11-06T01:30"), NEW_YORK);
        assertThat(r.upcoming(Instant.parse("2027-11-06T00:00:00Z"), 3)).containsExactly(
                Instant.parse("2027-11-06T05:30:00Z"), Instant.parse("2027-11-07T05:30:00Z"),
                Instant.parse("2027-11-08T06:30:00Z"));
    }

    @Test
    void count_counts_from_the_start() {
        Recurrence r = Recurrence.rrule("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3", LocalDateTime.parse("2026-12-01T09:00"), KATHMANDU);
        assertThat(r.upcoming(Instant.parse("2020-01-01T00:00:00Z"), 10)).hasSize(3);
        assertThat(r.next(Instant.parse("2026-12-10T00:00:00Z"))).isPresent();
        assertThat(r.next(Instant.parse("2026-12-11T00:00:00Z"))).isEmpty();
    }
}
