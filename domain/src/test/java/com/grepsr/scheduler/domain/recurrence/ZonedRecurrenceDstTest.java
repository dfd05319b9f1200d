package com.grepsr.scheduler.domain.recurrence;

import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.dailyAt;
import static com.grepsr.scheduler.domain.recurrence.WallClockSequences.everyMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import com.grepsr.scheduler.domain.recurrence.DstPolicy.Gap;
import com.grepsr.scheduler.domain.recurrence.DstPolicy.Overlap;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The daylight-saving policy matrix of {@link ZonedRecurrence}, on pinned transitions. */
class ZonedRecurrenceDstTest {

    private static final DstPolicy SHIFT_EARLIER = new DstPolicy(Gap.SHIFT, Overlap.EARLIER);
    private static final DstPolicy SKIP_EARLIER = new DstPolicy(Gap.SKIP, Overlap.EARLIER);
    private static final DstPolicy SHIFT_LATER = new DstPolicy(Gap.SHIFT, Overlap.LATER);
    private static final DstPolicy SHIFT_BOTH = new DstPolicy(Gap.SHIFT, Overlap.BOTH);

    static Recurrence zoned(LocalSequence sequence, String zone, DstPolicy policy) {
        return new ZonedRecurrence(sequence, ZoneId.of(zone), policy, sequence.toString());
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static List<Instant> instants(String... texts) {
        List<Instant> out = new ArrayList<>();
        for (String t : texts) {
            out.add(Instant.parse(t));
        }
        return out;
    }

    /** Repeated next(), independent of occurrences(), to compare the two. */
    static List<Instant> byRepeatedNext(Recurrence r, Instant from, Instant to) {
        List<Instant> out = new ArrayList<>();
        Instant t = from;
        while (true) {
            var n = r.next(t);
            if (n.isEmpty() || n.get().isAfter(to)) {
                return out;
            }
            out.add(n.get());
            t = n.get();
        }
    }

    @Nested
    class NewYork {
        // spring forward 2026-03-08: 02:00 EST -> 03:00 EDT at 07:00Z; local 02:00-03:00 does not exist
        // fall back 2026-11-01: 02:00 EDT -> 01:00 EST at 06:00Z; local 01:00-02:00 occurs twice

        @Test
        void gap_shift_fires_a_nonexistent_daily_time_at_the_transition_instant() {
            Recurrence r = zoned(dailyAt("02:30"), "America/New_York", SHIFT_EARLIER);
            assertThat(r.occurrences(at("2026-03-07T00:00:00Z"), at("2026-03-10T00:00:00Z"))).containsExactlyElementsOf(
                    instants("2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"));
        }

        @Test
        void gap_shift_merges_every_gap_time_and_the_time_right_after_the_gap_into_one_firing() {
            Recurrence r = zoned(everyMinutes(15), "America/New_York", SHIFT_EARLIER);
            // 02:00, 02:15, 02:30, 02:45 (gap) and 03:00 EDT all fire once, at 07:00Z
            assertThat(r.occurrences(at("2026-03-08T06:30:00Z"), at("2026-03-08T07:30:00Z"))).containsExactlyElementsOf(
                    instants("2026-03-08T06:45:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:15:00Z", "2026-03-08T07:30:00Z"));
            assertThat(r.next(at("2026-03-08T07:00:00Z"))).contains(at("2026-03-08T07:15:00Z"));
        }

        @Test
        void gap_skip_drops_nonexistent_times_but_keeps_the_first_time_after_the_gap() {
            Recurrence daily = zoned(dailyAt("02:30"), "America/New_York", SKIP_EARLIER);
            assertThat(daily.occurrences(at("2026-03-07T00:00:00Z"), at("2026-03-10T00:00:00Z"))).containsExactlyElementsOf(
                    instants("2026-03-07T07:30:00Z", "2026-03-09T06:30:00Z"));

            Recurrence quarterly = zoned(everyMinutes(15), "America/New_York", SKIP_EARLIER);
            // 03:00 EDT exists: it is the first wall-clock time after the gap
            assertThat(quarterly.occurrences(at("2026-03-08T06:30:00Z"), at("2026-03-08T07:15:00Z"))).containsExactlyElementsOf(
                    instants("2026-03-08T06:45:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:15:00Z"));
        }

        @Test
        void overlap_earlier_fires_an_ambiguous_time_once_at_its_first_occurrence() {
            Recurrence r = zoned(dailyAt("01:30"), "America/New_York", SHIFT_EARLIER);
            assertThat(r.occurrences(at("2026-10-31T00:00:00Z"), at("2026-11-03T00:00:00Z"))).containsExactlyElementsOf(
                    instants("2026-10-31T05:30:00Z", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"));
            // asked from inside the second pass, the ambiguous time has already fired
            assertThat(r.next(at("2026-11-01T06:10:00Z"))).contains(at("2026-11-02T06:30:00Z"));
        }

        @Test
        void overlap_later_fires_an_ambiguous_time_once_at_its_second_occurrence() {
            Recurrence r = zoned(dailyAt("01:30"), "America/New_York", SHIFT_LATER);
            assertThat(r.occurrences(at("2026-10-31T00:00:00Z"), at("2026-11-03T00:00:00Z"))).containsExactlyElementsOf(
                    instants("2026-10-31T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"));
            // asked from inside the first pass, before the wall clock shows 01:30 the first time
            assertThat(r.next(at("2026-11-01T05:10:00Z"))).contains(at("2026-11-01T06:30:00Z"));
        }

        @Test
        void overlap_both_fires_an_ambiguous_time_at_each_occurrence() {
            Recurrence r = zoned(dailyAt("01:30"), "America/New_York", SHIFT_BOTH);
            assertThat(r.occurrences(at("2026-10-31T00:00:00Z"), at("2026-11-03T00:00:00Z"))).containsExactlyElementsOf(
                    instants("2026-10-31T05:30:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"));
        }

        @Test
        void overlap_both_with_every_15_minutes_gives_all_eight_instants_of_the_repeated_hour_in_order() {
            Recurrence r = zoned(everyMinutes(15), "America/New_York", SHIFT_BOTH);
            List<Instant> expected = instants(
                    "2026-11-01T05:00:00Z", "2026-11-01T05:15:00Z", "2026-11-01T05:30:00Z", "2026-11-01T05:45:00Z",
                    "2026-11-01T06:00:00Z", "2026-11-01T06:15:00Z", "2026-11-01T06:30:00Z", "2026-11-01T06:45:00Z");
            Instant from = at("2026-11-01T04:59:59Z");
            Instant to = at("2026-11-01T06:45:00Z");
            assertThat(r.occurrences(from, to)).containsExactlyElementsOf(expected);
            assertThat(byRepeatedNext(r, from, to)).containsExactlyElementsOf(expected);
            assertThat(r.next(to)).contains(at("2026-11-01T07:00:00Z"));
        }

        @Test
        void a_daily_schedule_fires_exactly_once_on_each_transition_day_by_default() {
            Recurrence r = zoned(dailyAt("02:30"), "America/New_York", DstPolicy.DEFAULT);
            assertThat(r.occurrences(at("2026-03-08T05:00:00Z"), at("2026-03-09T04:00:00Z"))).hasSize(1);
            Recurrence fallBack = zoned(dailyAt("01:30"), "America/New_York", DstPolicy.DEFAULT);
            assertThat(fallBack.occurrences(at("2026-11-01T04:00:00Z"), at("2026-11-02T05:00:00Z"))).hasSize(1);
        }
    }

    @Nested
    class London {
        // spring forward 2026-03-29: 01:00 GMT -> 02:00 BST at 01:00Z
        // fall back 2026-10-25: 02:00 BST -> 01:00 GMT at 01:00Z; local 01:00-02:00 twice

        @Test
        void gap_shift_and_skip() {
            Recurrence shift = zoned(dailyAt("01:30"), "Europe/London", SHIFT_EARLIER);
            assertThat(shift.next(at("2026-03-28T12:00:00Z"))).contains(at("2026-03-29T01:00:00Z"));
            Recurrence skip = zoned(dailyAt("01:30"), "Europe/London", SKIP_EARLIER);
            assertThat(skip.next(at("2026-03-28T12:00:00Z"))).contains(at("2026-03-30T00:30:00Z"));
        }

        @Test
        void overlap_earlier_later_both() {
            Instant from = at("2026-10-24T12:00:00Z");
            Instant to = at("2026-10-25T12:00:00Z");
            assertThat(zoned(dailyAt("01:15"), "Europe/London", SHIFT_EARLIER).occurrences(from, to))
                    .containsExactly(at("2026-10-25T00:15:00Z"));
            assertThat(zoned(dailyAt("01:15"), "Europe/London", SHIFT_LATER).occurrences(from, to))
                    .containsExactly(at("2026-10-25T01:15:00Z"));
            assertThat(zoned(dailyAt("01:15"), "Europe/London", SHIFT_BOTH).occurrences(from, to))
                    .containsExactly(at("2026-10-25T00:15:00Z"), at("2026-10-25T01:15:00Z"));
        }
    }

    @Nested
    class LordHowe {
        // half-hour DST. Fall back 2026-04-05: 02:00 +11:00 -> 01:30 +10:30 at 2026-04-04T15:00Z
        // (local 01:30-02:00 twice); spring forward 2026-10-04: 02:00 +10:30 -> 02:30 +11:00 at
        // 2026-10-03T15:30Z (local 02:00-02:30 does not exist)

        @Test
        void a_time_in_the_half_hour_gap_shifts_to_the_transition_or_is_skipped() {
            Instant from = at("2026-10-03T00:00:00Z");
            assertThat(zoned(dailyAt("02:10"), "Australia/Lord_Howe", SHIFT_EARLIER).next(from))
                    .contains(at("2026-10-03T15:30:00Z"));
            // 02:10 on 10-05 is +11:00: 2026-10-04T15:10Z
            assertThat(zoned(dailyAt("02:10"), "Australia/Lord_Howe", SKIP_EARLIER).next(from))
                    .contains(at("2026-10-04T15:10:00Z"));
        }

        @Test
        void a_time_in_the_half_hour_overlap_follows_the_overlap_policy() {
            Instant from = at("2026-04-04T12:00:00Z");
            Instant to = at("2026-04-05T12:00:00Z");
            // 01:45 +11:00 = 14:45Z; 01:45 +10:30 = 15:15Z
            assertThat(zoned(dailyAt("01:45"), "Australia/Lord_Howe", SHIFT_EARLIER).occurrences(from, to))
                    .containsExactly(at("2026-04-04T14:45:00Z"));
            assertThat(zoned(dailyAt("01:45"), "Australia/Lord_Howe", SHIFT_LATER).occurrences(from, to))
                    .containsExactly(at("2026-04-04T15:15:00Z"));
            assertThat(zoned(dailyAt("01:45"), "Australia/Lord_Howe", SHIFT_BOTH).occurrences(from, to))
                    .containsExactly(at("2026-04-04T14:45:00Z"), at("2026-04-04T15:15:00Z"));
        }
    }

    @Nested
    class Kathmandu {
        // +05:45, no DST today; on 1986-01-01 it moved from +05:30 to +05:45 at 1985-12-31T18:30Z,
        // so local 00:00-00:15 of that day does not exist

        @Test
        void a_quarter_hour_offset_zone_fires_at_the_wall_clock_time() {
            Recurrence r = zoned(dailyAt("09:00"), "Asia/Kathmandu", DstPolicy.DEFAULT);
            assertThat(r.occurrences(at("2026-06-01T00:00:00Z"), at("2026-06-03T00:00:00Z")))
                    .containsExactly(at("2026-06-01T03:15:00Z"), at("2026-06-02T03:15:00Z"));
        }

        @Test
        void the_1986_offset_change_is_a_fifteen_minute_gap() {
            assertThat(zoned(dailyAt("00:05"), "Asia/Kathmandu", SHIFT_EARLIER).next(at("1985-12-31T12:00:00Z")))
                    .contains(at("1985-12-31T18:30:00Z"));
            // next day's 00:05 +05:45 is 1986-01-01T18:20Z
            assertThat(zoned(dailyAt("00:05"), "Asia/Kathmandu", SKIP_EARLIER).next(at("1985-12-31T12:00:00Z")))
                    .contains(at("1986-01-01T18:20:00Z"));
        }
    }

    @Nested
    class Santiago {
        // DST ends 2026-04-05 00:00 -03 -> 04-04 23:00 -04 at 03:00Z (local 23:00-24:00 on 04-04 twice);
        // DST starts 2026-09-06 00:00 -04 -> 01:00 -03 at 04:00Z (local 00:00-01:00 on 09-06 missing)

        @Test
        void the_midnight_gap_shifts_to_one_in_the_morning() {
            Recurrence r = zoned(dailyAt("00:30"), "America/Santiago", SHIFT_EARLIER);
            assertThat(r.occurrences(at("2026-09-05T00:00:00Z"), at("2026-09-07T12:00:00Z"))).containsExactlyElementsOf(
                    instants("2026-09-05T04:30:00Z", "2026-09-06T04:00:00Z", "2026-09-07T03:30:00Z"));
        }

        @Test
        void the_late_evening_overlap_follows_the_policy() {
            Instant from = at("2026-04-04T12:00:00Z");
            Instant to = at("2026-04-05T12:00:00Z");
            // 23:30 -03 = 02:30Z; 23:30 -04 = 03:30Z
            assertThat(zoned(dailyAt("23:30"), "America/Santiago", SHIFT_EARLIER).occurrences(from, to))
                    .containsExactly(at("2026-04-05T02:30:00Z"));
            assertThat(zoned(dailyAt("23:30"), "America/Santiago", SHIFT_LATER).occurrences(from, to))
                    .containsExactly(at("2026-04-05T03:30:00Z"));
            assertThat(zoned(dailyAt("23:30"), "America/Santiago", SHIFT_BOTH).occurrences(from, to))
                    .containsExactly(at("2026-04-05T02:30:00Z"), at("2026-04-05T03:30:00Z"));
        }
    }

    @Nested
    class Apia {
        // Samoa skipped 2011-12-30 entirely: at 10:00Z on 12-30 local 12-30T00:00 -10:00 became
        // 12-31T00:00 +14:00, a 24-hour gap.

        @Test
        void with_skip_a_daily_time_fires_on_the_29th_and_the_31st_only() {
            Recurrence r = zoned(dailyAt("09:00"), "Pacific/Apia", SKIP_EARLIER);
            assertThat(r.occurrences(at("2011-12-29T00:00:00Z"), at("2011-12-31T12:00:00Z"))).containsExactlyElementsOf(
                    instants("2011-12-29T19:00:00Z", "2011-12-30T19:00:00Z"));
        }

        @Test
        void with_shift_the_lost_day_fires_once_at_the_transition_instant() {
            // Decision: the missing 12-30 09:00 is a gap time like any other, so SHIFT fires it at
            // the first instant after the gap (local 12-31 00:00 +14:00), then 12-31 09:00 fires as
            // usual. Nothing is lost and nothing fires twice at one instant.
            Recurrence r = zoned(dailyAt("09:00"), "Pacific/Apia", SHIFT_EARLIER);
            assertThat(r.occurrences(at("2011-12-29T00:00:00Z"), at("2011-12-31T12:00:00Z"))).containsExactlyElementsOf(
                    instants("2011-12-29T19:00:00Z", "2011-12-30T10:00:00Z", "2011-12-30T19:00:00Z"));
        }

        @Test
        void every_hour_across_the_lost_day_merges_its_24_gap_times_into_one_firing() {
            Recurrence r = zoned(everyMinutes(60), "Pacific/Apia", SHIFT_EARLIER);
            assertThat(r.occurrences(at("2011-12-30T08:30:00Z"), at("2011-12-30T11:00:00Z"))).containsExactlyElementsOf(
                    instants("2011-12-30T09:00:00Z", "2011-12-30T10:00:00Z", "2011-12-30T11:00:00Z"));
        }
    }

    @Nested
    class Utc {
        @Test
        void a_daily_time_in_utc_is_the_same_instant_every_day_under_every_policy() {
            for (DstPolicy p : List.of(SHIFT_EARLIER, SKIP_EARLIER, SHIFT_LATER, SHIFT_BOTH)) {
                Recurrence r = zoned(dailyAt("09:00"), "UTC", p);
                assertThat(r.occurrences(at("2026-03-07T00:00:00Z"), at("2026-03-10T00:00:00Z")))
                        .as(p.toString())
                        .containsExactly(at("2026-03-07T09:00:00Z"), at("2026-03-08T09:00:00Z"), at("2026-03-09T09:00:00Z"));
            }
        }
    }
}
