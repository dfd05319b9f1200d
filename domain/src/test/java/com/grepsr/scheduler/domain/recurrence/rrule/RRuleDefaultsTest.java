package com.grepsr.scheduler.domain.recurrence.rrule;

import static com.grepsr.scheduler.domain.recurrence.rrule.RRuleFixtures.at;
import static com.grepsr.scheduler.domain.recurrence.rrule.RRuleFixtures.daysAt;
import static com.grepsr.scheduler.domain.recurrence.rrule.RRuleFixtures.localRuns;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What DTSTART supplies when a rule leaves a part out, and how DTSTART itself is treated. */
class RRuleDefaultsTest {

    // 2026-12-01 is a Tuesday
    private static final String START = "2026-12-01T09:15:30";

    @Test
    void dtstart_is_not_an_occurrence_unless_it_matches() {
        assertThat(localRuns("FREQ=WEEKLY;BYDAY=MO", START, "2026-01-01T00:00", 2))
                .containsExactly(daysAt("09:15:30", "2026-12-07", "2026-12-14"));
        assertThat(localRuns("FREQ=WEEKLY;BYDAY=TU", START, "2026-01-01T00:00", 1))
                .containsExactly(at("2026-12-01T09:15:30"));
    }

    @Test
    void yearly_alone_repeats_the_start_date() {
        assertThat(localRuns("FREQ=YEARLY", START, START, 2)).containsExactly(daysAt("09:15:30", "2027-12-01", "2028-12-01"));
        assertThat(localRuns("FREQ=YEARLY;BYMONTH=3", START, START, 2))
                .containsExactly(daysAt("09:15:30", "2027-03-01", "2028-03-01"));
    }

    @Test
    void yearly_by_month_day_keeps_the_start_month() {
        assertThat(localRuns("FREQ=YEARLY;BYMONTHDAY=1,-1", START, START, 3))
                .containsExactly(daysAt("09:15:30", "2026-12-31", "2027-12-01", "2027-12-31"));
    }

    @Test
    void weekly_and_week_numbers_alone_take_the_start_weekday() {
        assertThat(localRuns("FREQ=WEEKLY;INTERVAL=3", START, START, 1)).containsExactly(at("2026-12-22T09:15:30"));
        // week 20 of 2027 runs Monday 17 to Sunday 23 May; DTSTART was a Tuesday
        assertThat(localRuns("FREQ=YEARLY;BYWEEKNO=20", START, START, 1)).containsExactly(at("2027-05-18T09:15:30"));
    }

    @Test
    void a_yearly_ordinal_counts_in_the_year_unless_the_rule_names_months() {
        // the 20th Monday of 2027 is 17 May; the month DTSTART supplies for BYMONTHDAY does not change that
        assertThat(localRuns("FREQ=YEARLY;BYDAY=20MO", START, START, 1)).containsExactly(at("2027-05-17T09:15:30"));
        assertThat(localRuns("FREQ=YEARLY;BYMONTH=5;BYDAY=3MO", START, START, 1))
                .containsExactly(at("2027-05-17T09:15:30"));
    }

    @Test
    void clock_parts_come_from_dtstart_down_to_the_frequency() {
        assertThat(localRuns("FREQ=HOURLY;INTERVAL=5", START, START, 2))
                .containsExactly(at("2026-12-01T14:15:30", "2026-12-01T19:15:30"));
        assertThat(localRuns("FREQ=MINUTELY;INTERVAL=50", START, START, 1)).containsExactly(at("2026-12-01T10:05:30"));
        assertThat(localRuns("FREQ=SECONDLY;INTERVAL=45", START, START, 1)).containsExactly(at("2026-12-01T09:16:15"));
        assertThat(localRuns("FREQ=DAILY;BYHOUR=7", START, START, 1)).containsExactly(at("2026-12-02T07:15:30"));
    }

    @Test
    void sub_daily_limits_and_set_positions() {
        // every 3rd hour from 09: only those falling on 12 or 15 o'clock, the last minute of each
        assertThat(localRuns("FREQ=HOURLY;INTERVAL=3;BYHOUR=12,15;BYMINUTE=0,30;BYSETPOS=-1", START, START, 3))
                .containsExactly(at("2026-12-01T12:30:30", "2026-12-01T15:30:30", "2026-12-02T12:30:30"));
    }
}
