package com.grepsr.scheduler.domain.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedIntervalRecurrenceTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant ANCHOR = Instant.parse("2026-10-31T12:00:00Z");

    @Test
    void the_anchor_is_the_first_occurrence() {
        Recurrence r = Recurrence.every(Duration.ofMinutes(15), ANCHOR, NEW_YORK);
        assertThat(r.next(Instant.MIN)).contains(ANCHOR);
        assertThat(r.next(ANCHOR.minusNanos(1))).contains(ANCHOR);
        assertThat(r.next(ANCHOR)).contains(ANCHOR.plusSeconds(900));
    }

    @Test
    void later_occurrences_are_exact_multiples_of_the_interval_from_the_anchor() {
        Recurrence r = Recurrence.every(Duration.ofSeconds(7), ANCHOR, NEW_YORK);
        assertThat(r.next(ANCHOR.plusSeconds(700))).contains(ANCHOR.plusSeconds(707));
        assertThat(r.next(ANCHOR.plusSeconds(706).plusNanos(999_999_999))).contains(ANCHOR.plusSeconds(707));
        // 1,000,000,001 = 7 x 142,857,143
        assertThat(r.next(ANCHOR.plusSeconds(1_000_000_001))).contains(ANCHOR.plusSeconds(1_000_000_008));
    }

    @Test
    void daylight_saving_does_not_move_it() {
        // New York falls back on 2026-11-01 at 06:00Z: a 24-hour interval keeps its UTC time,
        // so its wall-clock time moves from 08:00 EDT to 07:00 EST
        Recurrence r = Recurrence.every(Duration.ofHours(24), ANCHOR, NEW_YORK);
        List<Instant> fires = r.upcoming(ANCHOR.minusSeconds(1), 3);
        assertThat(fires).containsExactly(ANCHOR, ANCHOR.plus(Duration.ofDays(1)), ANCHOR.plus(Duration.ofDays(2)));
        assertThat(fires.get(0).atZone(NEW_YORK).getHour()).isEqualTo(8);
        assertThat(fires.get(2).atZone(NEW_YORK).getHour()).isEqualTo(7);
    }

    @Test
    void across_the_fall_back_hour_every_15_minutes_stays_15_minutes_apart() {
        // New York fall back 2026-11-01 06:00Z: 25 local hours, 100 quarter hours of elapsed time
        Recurrence r = Recurrence.every(Duration.ofMinutes(15), ANCHOR, NEW_YORK);
        List<Instant> day = r.occurrences(Instant.parse("2026-11-01T04:00:00Z"), Instant.parse("2026-11-02T05:00:00Z"));
        assertThat(day).hasSize(100);
        for (int i = 1; i < day.size(); i++) {
            assertThat(Duration.between(day.get(i - 1), day.get(i))).isEqualTo(Duration.ofMinutes(15));
        }
    }

    @Test
    void a_sub_second_anchor_rounds_up_to_the_next_whole_second() {
        Recurrence r = Recurrence.every(Duration.ofMinutes(1), ANCHOR.plusMillis(1), NEW_YORK);
        assertThat(r.next(Instant.MIN)).contains(ANCHOR.plusSeconds(1));
    }

    @Test
    void refuses_intervals_that_are_not_whole_seconds_between_one_second_and_366_days() {
        for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-60), Duration.ofMillis(500),
                Duration.ofMillis(1500), Duration.ofDays(366).plusSeconds(1), Duration.ofDays(10_000))) {
            assertThatThrownBy(() -> Recurrence.every(bad, ANCHOR, NEW_YORK))
                    .as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whole seconds between PT1S and PT8784H")
                    .hasMessageContaining("was " + bad)
                    .hasMessageContaining("e.g. PT15M");
        }
        assertThat(Recurrence.every(Duration.ofDays(366), ANCHOR, NEW_YORK).next(ANCHOR)).contains(ANCHOR.plus(Duration.ofDays(366)));
        assertThat(Recurrence.every(Duration.ofSeconds(1), ANCHOR, NEW_YORK).next(ANCHOR)).contains(ANCHOR.plusSeconds(1));
    }

    @Test
    void refuses_a_missing_interval_anchor_or_zone_and_an_anchor_outside_the_supported_years() {
        assertThatThrownBy(() -> Recurrence.every(null, ANCHOR, NEW_YORK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an interval and an anchor");
        assertThatThrownBy(() -> Recurrence.every(Duration.ofMinutes(1), null, NEW_YORK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an interval and an anchor");
        assertThatThrownBy(() -> Recurrence.every(Duration.ofMinutes(1), ANCHOR, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time zone");
        for (Instant bad : List.of(Instant.MIN, Instant.MAX, Instant.parse("0000-12-31T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"))) {
            assertThatThrownBy(() -> Recurrence.every(Duration.ofMinutes(1), bad, NEW_YORK))
                    .as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the years 0001-9999");
        }
    }

    @Test
    void stops_at_the_end_of_the_supported_years_without_throwing() {
        Instant lateAnchor = Instant.parse("9999-12-29T00:00:00Z");
        Recurrence r = Recurrence.every(Duration.ofHours(1), lateAnchor, NEW_YORK);
        assertThat(r.upcoming(Instant.MIN, 100)).hasSize(25).last().isEqualTo(Instant.parse("9999-12-30T00:00:00Z"));
        assertThat(r.next(Instant.MAX)).isEmpty();
    }
}
