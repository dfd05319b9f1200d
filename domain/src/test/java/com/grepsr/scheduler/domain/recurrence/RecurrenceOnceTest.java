package com.grepsr.scheduler.domain.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grepsr.scheduler.domain.recurrence.DstPolicy.Gap;
import com.grepsr.scheduler.domain.recurrence.DstPolicy.Overlap;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecurrenceOnceTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void fires_once_at_the_wall_clock_time_and_never_again() {
        Recurrence r = Recurrence.once(LocalDateTime.parse("2026-12-01T09:00"), LONDON);
        Instant fire = Instant.parse("2026-12-01T09:00:00Z");
        assertThat(r.next(Instant.parse("2026-01-01T00:00:00Z"))).contains(fire);
        assertThat(r.next(fire.minusNanos(1))).contains(fire);
        assertThat(r.next(fire)).isEmpty();
        assertThat(r.next(Instant.parse("2030-01-01T00:00:00Z"))).isEmpty();
        assertThat(r.occurrences(Instant.MIN, Instant.MAX)).containsExactly(fire);
    }

    @Test
    void in_summer_time_it_fires_at_the_summer_offset() {
        // 2026-07-01 London is on BST (+01:00)
        Recurrence r = Recurrence.once(LocalDateTime.parse("2026-07-01T09:00"), LONDON);
        assertThat(r.next(Instant.EPOCH)).contains(Instant.parse("2026-07-01T08:00:00Z"));
    }

    @Test
    void a_time_in_the_spring_forward_gap_fires_at_the_end_of_the_gap_by_default() {
        // New York 2026-03-08 02:30 does not exist (02:00 EST -> 03:00 EDT at 07:00Z)
        Recurrence r = Recurrence.once(LocalDateTime.parse("2026-03-08T02:30"), NEW_YORK);
        assertThat(r.upcoming(Instant.EPOCH, 5)).containsExactly(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void a_time_in_the_spring_forward_gap_never_fires_when_the_gap_policy_skips() {
        // New York 2026-03-08 02:30 does not exist
        Recurrence r = Recurrence.once(LocalDateTime.parse("2026-03-08T02:30"), NEW_YORK,
                new DstPolicy(Gap.SKIP, Overlap.EARLIER));
        assertThat(r.next(Instant.EPOCH)).isEmpty();
    }

    @Test
    void a_time_in_the_fall_back_overlap_fires_per_the_overlap_policy() {
        // New York 2026-11-01 01:30 occurs at 05:30Z (EDT) and again at 06:30Z (EST)
        LocalDateTime ambiguous = LocalDateTime.parse("2026-11-01T01:30");
        Instant first = Instant.parse("2026-11-01T05:30:00Z");
        Instant second = Instant.parse("2026-11-01T06:30:00Z");
        assertThat(Recurrence.once(ambiguous, NEW_YORK).upcoming(Instant.EPOCH, 5)).containsExactly(first);
        assertThat(Recurrence.once(ambiguous, NEW_YORK, new DstPolicy(Gap.SHIFT, Overlap.LATER)).upcoming(Instant.EPOCH, 5))
                .containsExactly(second);
        Recurrence both = Recurrence.once(ambiguous, NEW_YORK, new DstPolicy(Gap.SHIFT, Overlap.BOTH));
        assertThat(both.upcoming(Instant.EPOCH, 5)).containsExactly(first, second);
        assertThat(both.next(second)).isEmpty();
    }

    @Test
    void asked_from_inside_the_overlap_a_later_policy_still_sees_the_second_pass() {
        // 05:45Z is 01:45 EDT, after the first 01:30 but before the second
        Recurrence r = Recurrence.once(LocalDateTime.parse("2026-11-01T01:30"), NEW_YORK,
                new DstPolicy(Gap.SHIFT, Overlap.LATER));
        assertThat(r.next(Instant.parse("2026-11-01T05:45:00Z"))).contains(Instant.parse("2026-11-01T06:30:00Z"));
    }

    @Test
    void refuses_a_missing_date_time_or_zone_with_an_example() {
        assertThatThrownBy(() -> Recurrence.once(null, LONDON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e.g. 2026-12-01T09:00");
        assertThatThrownBy(() -> Recurrence.once(LocalDateTime.parse("2026-12-01T09:00"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time zone");
    }

    @Test
    void a_date_time_outside_the_supported_years_never_fires_and_never_throws() {
        assertThat(Recurrence.once(LocalDateTime.MAX, LONDON).next(Instant.MIN)).isEmpty();
        assertThat(Recurrence.once(LocalDateTime.MIN, LONDON).next(Instant.MIN)).isEmpty();
        assertThat(Recurrence.once(LocalDateTime.parse("0001-01-01T00:00"), LONDON).occurrences(Instant.MIN, Instant.MAX)).isEmpty();
    }

    @Test
    void describes_itself_with_its_date_time_and_zone() {
        assertThat(Recurrence.once(LocalDateTime.parse("2026-12-01T09:00"), LONDON).describe())
                .contains("2026-12-01T09:00").contains("Europe/London");
    }
}
