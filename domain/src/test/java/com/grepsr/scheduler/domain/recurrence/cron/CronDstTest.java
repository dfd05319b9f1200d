package com.grepsr.scheduler.domain.recurrence.cron;

import com.grepsr.scheduler.domain.recurrence.DstPolicy;
import com.grepsr.scheduler.domain.recurrence.Recurrence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cron through {@link Recurrence} across daylight-saving transitions, with pinned dates. */
class CronDstTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    private static List<Instant> between(Recurrence r, String from, String to) {
        return r.occurrences(Instant.parse(from), Instant.parse(to));
    }

    @Test
    void a_daily_0230_fires_once_on_the_spring_forward_day_at_the_end_of_the_gap() {
        // 2026-03-08 America/New_York: 02:00 EST jumps to 03:00 EDT (07:00Z); 02:30 does not exist
        Recurrence daily = Recurrence.cron("0 30 2 * * *", NEW_YORK);
        assertThat(between(daily, "2026-03-07T12:00:00Z", "2026-03-09T12:00:00Z")).containsExactly(
                Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-03-09T06:30:00Z"));
    }

    @Test
    void a_daily_0130_fires_once_on_the_fall_back_day_at_its_first_occurrence() {
        // 2026-11-01 America/New_York: 02:00 EDT falls back to 01:00 EST (06:00Z); 01:30 happens twice
        Recurrence daily = Recurrence.cron("0 30 1 * * *", NEW_YORK);
        assertThat(between(daily, "2026-10-31T12:00:00Z", "2026-11-02T12:00:00Z")).containsExactly(
                Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void a_daily_0230_fires_once_on_the_fall_back_day() {
        // 2026-11-01 America/New_York: 02:30 is after the overlap (01:00-02:00) and occurs once, in EST
        Recurrence daily = Recurrence.cron("0 30 2 * * *", NEW_YORK);
        assertThat(between(daily, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"))
                .containsExactly(Instant.parse("2026-11-01T07:30:00Z"));
    }

    @Test
    void skip_policy_drops_a_time_in_the_spring_forward_gap() {
        // 2026-03-08 America/New_York spring forward: 02:30 is skipped entirely
        Recurrence daily = Recurrence.cron("0 30 2 * * *", NEW_YORK,
                new DstPolicy(DstPolicy.Gap.SKIP, DstPolicy.Overlap.EARLIER));
        assertThat(between(daily, "2026-03-07T12:00:00Z", "2026-03-09T12:00:00Z"))
                .containsExactly(Instant.parse("2026-03-09T06:30:00Z"));
    }

    @Test
    void later_policy_fires_an_ambiguous_time_at_its_second_occurrence() {
        // 2026-11-01 America/New_York fall back: 01:30 EST = 06:30Z
        Recurrence daily = Recurrence.cron("0 30 1 * * *", NEW_YORK,
                new DstPolicy(DstPolicy.Gap.SHIFT, DstPolicy.Overlap.LATER));
        assertThat(between(daily, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"))
                .containsExactly(Instant.parse("2026-11-01T06:30:00Z"));
    }

    @Test
    void both_policy_fires_an_ambiguous_time_twice() {
        // 2026-11-01 America/New_York fall back: 01:30 EDT = 05:30Z and 01:30 EST = 06:30Z
        Recurrence daily = Recurrence.cron("0 30 1 * * *", NEW_YORK,
                new DstPolicy(DstPolicy.Gap.SHIFT, DstPolicy.Overlap.BOTH));
        assertThat(between(daily, "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"))
                .containsExactly(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-01T06:30:00Z"));
    }

    @Test
    void every_quarter_hour_merges_the_gap_into_one_firing_and_skips_the_repeat() {
        // 2026-03-08 America/New_York: 02:00, 02:15, 02:30, 02:45 all shift to 03:00 EDT (07:00Z),
        // which is also 03:00's own firing: one occurrence
        Recurrence quarterly = Recurrence.cron("*/15 * * * *", NEW_YORK);
        assertThat(between(quarterly, "2026-03-08T06:40:00Z", "2026-03-08T07:20:00Z")).containsExactly(
                Instant.parse("2026-03-08T06:45:00Z"), Instant.parse("2026-03-08T07:00:00Z"),
                Instant.parse("2026-03-08T07:15:00Z"));
        // 2026-11-01: 01:00-01:59 repeats; the second pass (06:00Z-06:59Z) does not fire
        assertThat(between(quarterly, "2026-11-01T05:40:00Z", "2026-11-01T07:05:00Z")).containsExactly(
                Instant.parse("2026-11-01T05:45:00Z"), Instant.parse("2026-11-01T07:00:00Z"));
    }

    @Test
    void lord_howe_shifts_by_thirty_minutes() {
        // 2026-10-04 Australia/Lord_Howe: 02:00 +10:30 jumps to 02:30 +11:00 (2026-10-03T15:30Z);
        // 02:15 does not exist and fires at the end of the gap
        Recurrence daily = Recurrence.cron("0 15 2 * * *", LORD_HOWE);
        assertThat(between(daily, "2026-10-02T12:00:00Z", "2026-10-04T18:00:00Z")).containsExactly(
                Instant.parse("2026-10-02T15:45:00Z"), Instant.parse("2026-10-03T15:30:00Z"),
                Instant.parse("2026-10-04T15:15:00Z"));
        // 2026-04-05 Australia/Lord_Howe: 02:00 +11:00 falls back to 01:30 +10:30 (2026-04-04T15:00Z);
        // 01:45 happens twice and fires at the first (+11:00 = 14:45Z)
        Recurrence earlyDaily = Recurrence.cron("0 45 1 * * *", LORD_HOWE);
        assertThat(between(earlyDaily, "2026-04-04T12:00:00Z", "2026-04-05T12:00:00Z"))
                .containsExactly(Instant.parse("2026-04-04T14:45:00Z"));
    }

    @Test
    void apia_skips_a_whole_day_and_fires_once_at_its_end() {
        // Pacific/Apia skipped 2011-12-30 (moved from -10:00 to +14:00 at 2011-12-30T10:00Z):
        // midnight of the 30th fires at the end of the gap, midnight of the 31st is that same instant
        Recurrence daily = Recurrence.cron("@daily", ZoneId.of("Pacific/Apia"));
        assertThat(between(daily, "2011-12-29T00:00:00Z", "2011-12-31T12:00:00Z")).containsExactly(
                Instant.parse("2011-12-29T10:00:00Z"), Instant.parse("2011-12-30T10:00:00Z"),
                Instant.parse("2011-12-31T10:00:00Z"));
    }
}
